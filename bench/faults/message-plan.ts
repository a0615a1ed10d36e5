import { createHash } from 'node:crypto';
import { ScriptedConversation } from '../support/scripted-conversations';
import { SeededRandom } from './seeded-random';

export const BENCH_CHANNELS = ['sms', 'whatsapp', 'email', 'web'] as const;
export type BenchChannel = (typeof BENCH_CHANNELS)[number];

/** One customer message, with the id the customer's side knows it by (MessageSid, Message-ID, clientMessageId). */
export interface PlannedMessage {
  channel: BenchChannel;
  /** SMS/WhatsApp: the sender's address; email: the sender's mailbox; web: the conversation's label. */
  customer: string;
  text: string;
  id: string;
}

/** What one customer does: one SMS, WhatsApp message or mail, or a web chat conversation of a few turns, one after another. */
export interface PlannedCustomer {
  channel: BenchChannel;
  /** Seconds after the burst starts. */
  startsAtS: number;
  messages: PlannedMessage[];
}

/**
 * The mixed burst: `messages` customer messages, a quarter per channel, spread at random over the burst
 * at `ratePerS`. Every SMS, WhatsApp and email customer writes once, from an address of their own, so each
 * answer the customer sees belongs to exactly one message. Web chat customers play a scripted FAQ conversation.
 */
export function planBurst(messages: number, ratePerS: number, scripts: ScriptedConversation[], random: SeededRandom, runId: string): PlannedCustomer[] {
  const questions = scripts.map((s) => s.turns[0]);
  const perChannel = BENCH_CHANNELS.map((_, i) => Math.floor(messages / 4) + (i < messages % 4 ? 1 : 0));
  const durationS = messages / ratePerS;
  const customers: PlannedCustomer[] = [];
  const at = () => random.between(0, durationS);
  for (let i = 0; i < perChannel[0]; i++) {
    const number = `+1503${String(5_000_000 + i).padStart(7, '0')}`;
    customers.push(single('sms', number, random.pick(questions), twilioSid(runId, 'sms', i), at()));
  }
  for (let i = 0; i < perChannel[1]; i++) {
    const number = `whatsapp:+4915${String(10_000_000 + i).padStart(8, '0')}`;
    customers.push(single('whatsapp', number, random.pick(questions), twilioSid(runId, 'wa', i), at()));
  }
  for (let i = 0; i < perChannel[2]; i++) {
    customers.push(single('email', `customer-${runId}-${i}@customer.example`, random.pick(questions), `<bench-${runId}-${i}@customer.example>`, at()));
  }
  let webTurns = perChannel[3];
  for (let i = 0; webTurns > 0; i++) {
    const script = random.pick(scripts);
    const turns = script.turns.slice(0, Math.min(script.turns.length, webTurns));
    webTurns -= turns.length;
    const label = `web-${runId}-${i}`;
    const planned = turns.map((text, turn) => ({ channel: 'web' as const, customer: label, text, id: `${label}-t${turn}` }));
    customers.push({ channel: 'web', startsAtS: at(), messages: planned });
  }
  return customers.sort((a, b) => a.startsAtS - b.startsAtS);
}

function single(channel: BenchChannel, customer: string, text: string, id: string, startsAtS: number): PlannedCustomer {
  return { channel, startsAtS, messages: [{ channel, customer, text, id }] };
}

/** A MessageSid as Twilio writes it: SM and 32 hex digits, unique to this run. */
function twilioSid(runId: string, kind: string, index: number): string {
  return `SM${createHash('md5').update(`${runId}:${kind}:${index}`).digest('hex')}`;
}
