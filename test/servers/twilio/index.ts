export { type CreateQuirk, type FakeTwilio, type FakeTwilioOptions, type SentTwilioMessage, startFakeTwilio } from './fake-twilio.server';
export { twilioError, type TwilioErrorBody } from './twilio-error.body';
export { InboundWebhookBuilder, statusCallbackParams, type WebhookParams } from './twilio-webhook.builder';
export { TwilioWebhookClient, type WebhookAnswer } from './twilio-webhook.client';
export { eventually } from './eventually';
