import { ChannelCapabilities } from '@support/conversation';

/** Twilio carries up to 1600 characters a WhatsApp message; WhatsApp renders *bold*, _italic_, ~strike~. */
export const WHATSAPP_CAPABILITIES: ChannelCapabilities = {
  streaming: false,
  maxTextLength: 1600,
  richFormatting: true,
  attachments: true,
};
