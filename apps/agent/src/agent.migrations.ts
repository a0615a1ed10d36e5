import { conversationMigrations } from '@support/conversation';
import { knowledgeMigrations } from '@support/knowledge';
import { Migration } from '@support/platform';
import { shopMigrations } from './orders/shop.migrations';

/** The schema the agent works on: conversations, the shop, the knowledge base. */
export const AGENT_MIGRATIONS: Migration[] = [...conversationMigrations, ...shopMigrations, ...knowledgeMigrations];
