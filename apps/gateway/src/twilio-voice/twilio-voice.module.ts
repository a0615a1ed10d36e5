import { Module } from '@nestjs/common';
import { ConversationModule } from '@support/conversation';
import { MediaStreamServer } from './media-stream.server';
import { callControlProvider, speechToTextProvider, textToSpeechProvider } from './speech.providers';
import { TwilioVoiceController } from './twilio-voice.controller';
import { VoiceTransferRepository } from './voice-transfer.repository';
import { VoiceTransferService } from './voice-transfer.service';

/** The phone line: Twilio voice webhooks, the Media Streams socket, Deepgram speech, warm transfer. */
@Module({
  imports: [ConversationModule],
  controllers: [TwilioVoiceController],
  providers: [speechToTextProvider, textToSpeechProvider, callControlProvider, VoiceTransferRepository, VoiceTransferService, MediaStreamServer],
  exports: [MediaStreamServer],
})
export class TwilioVoiceModule {}
