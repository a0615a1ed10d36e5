import twilio from 'twilio';
import { TwilioWebhookParams } from './twilio-webhook.params';

/**
 * Whether `signature` (the X-Twilio-Signature header) is Twilio's HMAC-SHA1 over `url` (the public
 * URL Twilio called, query included) and every form field. The SDK's own check, so it follows
 * Twilio's variants (with and without default port, re-encoded query).
 */
export function isSignedByTwilio(authToken: string, signature: string | undefined, url: string, params: TwilioWebhookParams): boolean {
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, url, params);
}
