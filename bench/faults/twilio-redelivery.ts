import { reportProgress } from '../support/progress';
import { MessageOutcome } from './message-outcome';
import { TwilioCustomer } from './twilio-customer';

const ATTEMPTS = 5;
const GAP_MS = 2_000;

/** Twilio's retry of webhooks that got no 2xx: the same MessageSid, a few times, a little apart. */
export async function redeliverTwilioWebhooks(outcomes: MessageOutcome[], twilio: TwilioCustomer): Promise<number> {
  const pending = outcomes.filter((o) => (o.message.channel === 'sms' || o.message.channel === 'whatsapp') && !o.acknowledged);
  reportProgress(`redelivering ${pending.length} Twilio webhooks that got no 2xx`);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const left = pending.filter((o) => !o.acknowledged);
    if (!left.length) break;
    if (attempt) await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    for (let i = 0; i < left.length; i += 8) await Promise.all(left.slice(i, i + 8).map((o) => twilio.deliver(o)));
  }
  return pending.length;
}
