import { WebChatModule } from './web-chat/web-chat.module';

/** Every channel's Nest module. A channel registers its controllers and services in its own module, listed here. */
export const CHANNEL_MODULES = [WebChatModule];
