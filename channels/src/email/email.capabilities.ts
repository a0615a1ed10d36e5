import { ChannelCapabilities } from '@support/conversation';

/** A mail is read at leisure: long answers are fine, formatting is sent as plain text plus simple HTML. */
export const EMAIL_CAPABILITIES: ChannelCapabilities = {
  streaming: false,
  maxTextLength: 20_000,
  richFormatting: false,
  attachments: true,
};
