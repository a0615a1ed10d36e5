import { ChannelCapabilities } from '@support/conversation';

export const WEB_CHAT_CAPABILITIES: ChannelCapabilities = {
  streaming: true,
  maxTextLength: 4000,
  richFormatting: false,
  attachments: false,
};
