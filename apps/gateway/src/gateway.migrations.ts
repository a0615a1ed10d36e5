import { AGENT_MIGRATIONS } from '@support/agent';
import { channelMigrations } from '@support/channels';
import { Migration } from '@support/platform';

/** The whole schema: the agent's tables and the channels'. The gateway always runs, so it applies all of them. */
export const GATEWAY_MIGRATIONS: Migration[] = [...AGENT_MIGRATIONS, ...channelMigrations];
