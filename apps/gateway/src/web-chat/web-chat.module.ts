import { Module } from '@nestjs/common';
import { WebChatController } from './web-chat.controller';

/** The web chat API; the page itself is served statically by the gateway app. */
@Module({ controllers: [WebChatController] })
export class WebChatModule {}
