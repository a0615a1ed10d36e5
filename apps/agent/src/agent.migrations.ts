import { conversationMigrations } from '@support/conversation';
import { knowledgeMigrations } from '@support/knowledge';
import { Migration } from '@support/platform';
import { shopMigrations } from './orders/shop.migrations';

/** Every schema change of the product, in one list: gateway and agent workers share one database. */
export const ALL_MIGRATIONS: Migration[] = [...conversationMigrations, ...shopMigrations, ...knowledgeMigrations];
