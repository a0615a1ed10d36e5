import { MessageCount } from './customer-view';
import { MessageOutcome } from './message-outcome';
import { BENCH_CHANNELS, BenchChannel } from './message-plan';

/** One row of the result: what the customers sent on a channel and what became of it. */
export interface ChannelFigures {
  channel: BenchChannel | 'all';
  sent: number;
  acknowledged: number;
  stored: number;
  answeredOnce: number;
  answeredTwice: number;
  neverAnswered: number;
}

/** A message that was not answered exactly once, with what the customer's side knows of it. */
export interface Anomaly {
  channel: BenchChannel;
  id: string;
  customer: string;
  attempts: number;
  acknowledged: boolean;
  stored: number;
  answers: number;
  lastError?: string;
}

/** Per channel and in all; "never answered" counts every message sent, acknowledged or not. */
export function channelFigures(outcomes: MessageOutcome[], counts: Map<MessageOutcome, MessageCount>): ChannelFigures[] {
  const rows = BENCH_CHANNELS.map((channel) =>
    figuresOf(
      channel,
      outcomes.filter((o) => o.message.channel === channel),
      counts,
    ),
  );
  return [...rows, figuresOf('all', outcomes, counts)];
}

export function anomalies(outcomes: MessageOutcome[], counts: Map<MessageOutcome, MessageCount>): Anomaly[] {
  return outcomes
    .filter((o) => (counts.get(o)?.answers ?? 0) !== 1)
    .map((o) => ({
      channel: o.message.channel,
      id: o.message.id,
      customer: o.message.customer,
      attempts: o.attempts,
      acknowledged: o.acknowledged,
      stored: counts.get(o)?.stored ?? 0,
      answers: counts.get(o)?.answers ?? 0,
      ...(o.lastError ? { lastError: o.lastError } : {}),
    }));
}

function figuresOf(channel: ChannelFigures['channel'], outcomes: MessageOutcome[], counts: Map<MessageOutcome, MessageCount>): ChannelFigures {
  const count = (o: MessageOutcome) => counts.get(o) ?? { stored: 0, answers: 0 };
  return {
    channel,
    sent: outcomes.length,
    acknowledged: outcomes.filter((o) => o.acknowledged).length,
    stored: outcomes.filter((o) => count(o).stored > 0).length,
    answeredOnce: outcomes.filter((o) => count(o).answers === 1).length,
    answeredTwice: outcomes.filter((o) => count(o).answers > 1).length,
    neverAnswered: outcomes.filter((o) => count(o).answers === 0).length,
  };
}
