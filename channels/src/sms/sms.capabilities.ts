import { ChannelCapabilities } from '@support/conversation';

/** Three GSM-7 segments by default (3 × 153); TWILIO_SMS_MAX_SEGMENTS caps what is actually sent. */
export const SMS_CAPABILITIES: ChannelCapabilities = {
  streaming: false,
  maxTextLength: 459,
  richFormatting: false,
  attachments: false,
};
