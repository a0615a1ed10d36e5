import { formatFixed, formatTable } from '../support/table';
import type { ProductTrace } from './anomaly-trace';
import { Anomaly, ChannelFigures } from './channel-figures';
import { FaultRecord } from './fault-injector';
import { FAULT_TARGETS } from './fault-plan';

/** The channel table: the last two columns are the goal (0 and 0). */
export function channelTable(rows: ChannelFigures[]): string {
  return formatTable(
    ['channel', 'sent', 'acknowledged', 'stored', 'answered once', 'answered twice', 'never answered'],
    rows.map((r) => [r.channel, r.sent, r.acknowledged, r.stored, r.answeredOnce, r.answeredTwice, r.neverAnswered]),
  );
}

/** Kills per target and how long each stayed down (kill to answering again). */
export function faultTable(faults: FaultRecord[]): string {
  const rows = FAULT_TARGETS.map((target) => {
    const downS = faults.filter((f) => f.target === target).map((f) => f.downMs / 1_000);
    const mean = downS.length ? downS.reduce((a, b) => a + b, 0) / downS.length : undefined;
    return [target, downS.length, formatFixed(mean, 1), formatFixed(downS.length ? Math.max(...downS) : undefined, 1)];
  });
  return formatTable(['killed (-9)', 'times', 'mean down s', 'max down s'], [...rows, ['all', faults.length, '', '']]);
}

/**
 * Every message not answered exactly once, for a person to follow up: its id, channel and customer, the
 * customer side's tries and last error, and (when the database could be read) what the product recorded.
 */
export function anomalyLines(found: Anomaly[], traces: Map<Anomaly, ProductTrace> = new Map()): string {
  return found
    .map((a) => {
      const what = a.answers === 0 ? 'never answered' : `answered ${a.answers} times`;
      const line = `  ${a.channel} ${a.id} (${a.customer}): ${what}; ${a.acknowledged ? 'acknowledged' : 'never acknowledged'} after ${a.attempts} tries, stored ${a.stored}x${a.lastError ? `, last error ${a.lastError}` : ''}`;
      const trace = traces.get(a);
      return trace ? `${line}\n    product: ${traceText(trace)}` : line;
    })
    .join('\n');
}

function traceText(trace: ProductTrace): string {
  const parts = [`agent turns [${trace.turns.join(', ') || 'none'}]`];
  if (trace.inbox)
    parts.push(
      `webhook handled ${trace.inbox.attempts}x, ${trace.inbox.handled ? 'finished' : 'not finished'}${trace.inbox.lastError ? ` (last error ${trace.inbox.lastError.slice(0, 120)})` : ''}`,
    );
  else if (trace.deliveries) parts.push('no kept webhook');
  if (trace.deliveries) parts.push(`sends [${trace.deliveries.join('; ') || 'none'}]`);
  return parts.join('; ');
}
