import { Migration } from '@support/platform';

/** Tables the channel adapters keep (delivery statuses, opt-outs, mailbox positions). Ids are prefixed `channels-`. */
export const channelMigrations: Migration[] = [];
