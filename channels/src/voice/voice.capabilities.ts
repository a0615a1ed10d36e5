import { ChannelCapabilities } from '@support/conversation';

/** A phone call: streamed, spoken, no formatting, nothing to attach. Long answers are tiring to hear. */
export const VOICE_CAPABILITIES: ChannelCapabilities = {
  streaming: true,
  maxTextLength: 600,
  richFormatting: false,
  attachments: false,
};
