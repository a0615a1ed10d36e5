import { AGENT_MIGRATIONS } from '@support/agent';
import { channelMigrations } from '@support/channels';
import { Migration } from '@support/platform';
import { workspaceMigrations } from './workspace/workspace.migrations';

/** The whole schema: the agent's tables, the channels' and the workspace's. The gateway always runs, so it applies all of them. */
export const GATEWAY_MIGRATIONS: Migration[] = [...AGENT_MIGRATIONS, ...channelMigrations, ...workspaceMigrations];
