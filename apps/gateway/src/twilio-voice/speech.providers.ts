import { Provider } from '@nestjs/common';
import { DeepgramSpeechToText, DeepgramTextToSpeech, ReconnectingSpeechToText, SpeechToText, TextToSpeech } from '@support/channels';
import { APP_CONFIG, LOGGER, Metrics } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { CallControl } from './call-control';
import { TwilioCallControl } from './twilio.call-control';

/** Null when DEEPGRAM_API_KEY is unset: the phone line then answers that it is unavailable. */
export const speechToTextProvider: Provider = {
  provide: SpeechToText,
  inject: [APP_CONFIG, Metrics, LOGGER],
  useFactory: (config: AppConfig, metrics: Metrics, logger: Logger) => {
    const { apiKey, baseUrl } = config.providers.deepgram;
    if (!apiKey) return null;
    return new ReconnectingSpeechToText(new DeepgramSpeechToText({ apiKey, baseUrl, model: config.voice.sttModel }), {
      attempts: 4,
      backoffMs: 100,
      bufferMs: 5000,
      onReconnect: (attempt, error) => {
        metrics.voiceSttReconnects.inc();
        logger.warn({ attempt, err: error }, 'speech to text dropped; reconnecting');
      },
    });
  },
};

export const textToSpeechProvider: Provider = {
  provide: TextToSpeech,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const { apiKey, baseUrl } = config.providers.deepgram;
    return apiKey ? new DeepgramTextToSpeech({ apiKey, baseUrl, voice: config.voice.ttsVoice }) : null;
  },
};

/** Null without TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN. */
export const callControlProvider: Provider = {
  provide: CallControl,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const { accountSid, authToken, apiBaseUrl } = config.providers.twilio;
    return accountSid && authToken ? new TwilioCallControl({ accountSid, authToken, apiBaseUrl }) : null;
  },
};
