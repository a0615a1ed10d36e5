import { Migration } from '@support/platform';
import { emailMigrations } from './email/email.migrations';
import { voiceMigrations } from './voice/voice.migrations';
import { twilioMigrations } from './twilio/twilio.migrations';

/** Tables the channel adapters keep (delivery statuses, opt-outs, mailbox positions). Ids are prefixed `channels-`. */
export const channelMigrations: Migration[] = [...voiceMigrations, ...emailMigrations, ...twilioMigrations];
