import { WebChatModule } from './web-chat/web-chat.module';
import { TwilioMessagingModule } from './twilio-messaging/twilio-messaging.module';
import { TwilioVoiceModule } from './twilio-voice/twilio-voice.module';
import { EmailModule } from './email/email.module';

/** Every channel's Nest module. A channel registers its controllers and services in its own module, listed here. */
export const CHANNEL_MODULES = [WebChatModule, TwilioMessagingModule, EmailModule, TwilioVoiceModule];
