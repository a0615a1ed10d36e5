import { conversationMigrations } from '@support/conversation';
import { knowledgeMigrations } from '@support/knowledge';
import { Migration } from '@support/platform';
import { consentMigrations } from './consent/consent.migrations';
import { shopMigrations } from './orders/shop.migrations';
import { verificationMigrations } from './verification/verification.migrations';

/** The schema the agent works on: conversations, the shop, the knowledge base, proofs of ownership and proposed changes. */
export const AGENT_MIGRATIONS: Migration[] = [
  ...conversationMigrations,
  ...shopMigrations,
  ...knowledgeMigrations,
  ...verificationMigrations,
  ...consentMigrations,
];
