import { Module } from '@nestjs/common';
import { ConversationModule } from '@support/conversation';
import { CallTakingController } from './call-taking.controller';
import { MediaStreamServer } from './media-stream.server';
import { callControlProvider, speechToTextProvider, textToSpeechProvider } from './speech.providers';
import { TwilioVoiceController } from './twilio-voice.controller';
import { VoiceCallTaking } from './voice-call-taking.service';
import { VoiceTransferRepository } from './voice-transfer.repository';
import { VoiceTransferService } from './voice-transfer.service';

/** The phone line: Twilio voice webhooks, the Media Streams socket, Deepgram speech, warm transfer, calls taken from the workspace. */
@Module({
  imports: [ConversationModule],
  controllers: [TwilioVoiceController, CallTakingController],
  providers: [
    speechToTextProvider,
    textToSpeechProvider,
    callControlProvider,
    VoiceTransferRepository,
    VoiceTransferService,
    VoiceCallTaking,
    MediaStreamServer,
  ],
  exports: [MediaStreamServer, VoiceCallTaking],
})
export class TwilioVoiceModule {}
