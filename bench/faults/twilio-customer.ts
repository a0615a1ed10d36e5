import { InboundWebhookBuilder, TwilioWebhookClient } from '../../test/servers/twilio';
import { describeFailure, MessageOutcome } from './message-outcome';
import { TWILIO } from './twilio-account';

/** Twilio gives a webhook 15 s to answer. */
const WEBHOOK_TIMEOUT_MS = 15_000;
const PATH = '/twilio/messaging';

/**
 * Twilio's side of an SMS or WhatsApp message: the signed inbound webhook, posted to wherever the gateway
 * listens now. A delivery that got no 2xx (refused, reset, timed out, 5xx) is redelivered later, with the same MessageSid.
 */
export class TwilioCustomer {
  constructor(private readonly gatewayUrl: () => string | null) {}

  async deliver(outcome: MessageOutcome): Promise<void> {
    const { message } = outcome;
    outcome.attempts++;
    const url = this.gatewayUrl();
    if (!url) {
      outcome.lastError = 'gateway down';
      return;
    }
    const builder =
      message.channel === 'whatsapp'
        ? InboundWebhookBuilder.whatsapp(TWILIO.accountSid, TWILIO.whatsappNumber)
        : InboundWebhookBuilder.sms(TWILIO.accountSid, TWILIO.smsNumber);
    const params = builder
      .from(message.customer.replace(/^whatsapp:/, ''))
      .body(message.text)
      .messageSid(message.id)
      .build();
    const client = new TwilioWebhookClient(url, TWILIO.publicBaseUrl, TWILIO.authToken);
    try {
      const response = await fetch(`${url}${PATH}`, {
        method: 'POST',
        headers: {
          'User-Agent': 'TwilioProxy/1.1',
          'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
          'X-Twilio-Signature': client.signature(PATH, params),
        },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      if (response.ok) outcome.acknowledged = true;
      else outcome.lastError = `HTTP ${response.status}`;
    } catch (error) {
      outcome.lastError = describeFailure(error);
    }
  }
}
