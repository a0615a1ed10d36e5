/**
 * How soon a web-chat handoff shows in a person's open workspace inbox.
 *
 *   npm run bench:workspace -- [--handoffs 20] [--json <file>]
 *
 * The gateway runs in this process on a fresh embedded database; a person signs in, opens the inbox in Debian's
 * Chromium, and a second client holds the inbox's event feed. Each customer then asks for a person through
 * `POST /api/chat`; from the moment that answer (the handoff) returns, the bench times the feed's event naming the
 * conversation and the row in the open page. The gap between the two is the browser's share: fetching the inbox
 * again and drawing it. All clocks are this machine's wall clock, in milliseconds.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Browser } from 'playwright-core';
import { INBOX_POLL_MS } from '../apps/gateway/src/workspace/inbox/inbox-feed.service';
import { launchChromium } from '../test/support/browser';
import { TEST_PASSWORD, WorkspaceClient } from '../test/support/workspace.client';
import { sayOrThrow } from './support/chat-api';
import { numberFlag, parseFlags, UsageError } from './support/cli-flags';
import { InProcessGateway, startInProcessGateway } from './support/in-process-gateway';
import { percentileOfSorted } from './support/percentiles';
import { reportProgress } from './support/progress';
import { formatFixed, formatTable } from './support/table';
import { InboxEventsClient } from './workspace/inbox-events.client';
import { InboxPageWatcher } from './workspace/inbox-page.watcher';

const USAGE = 'usage: npm run bench:workspace -- [--handoffs 20] [--json <file>]';
const PERSON = 'bench@example.com';
const HANDOFF_LINE = 'I want to talk to a person';
const WAIT_MS = 10_000;

/** One handoff, in milliseconds from the chat API's answer. */
interface HandoffTiming {
  conversationId: string;
  eventMs: number;
  rowInDomMs: number;
  rowDrawnMs: number;
  browserMs: number;
}

const MEASURES = [
  ['eventMs', 'to the inbox event (a client on the feed)'],
  ['rowInDomMs', "to the row in the open inbox page's DOM"],
  ['rowDrawnMs', 'to the frame that draws the row (Chromium)'],
  ['browserMs', "  browser's share: event → row drawn"],
] as const;

type Measure = (typeof MEASURES)[number][0];

interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** A customer on the chat API asking for a person; times the handoff's way into the open inbox. */
async function timeHandoff(gateway: InProcessGateway, events: InboxEventsClient, inbox: InboxPageWatcher): Promise<HandoffTiming> {
  const reply = await sayOrThrow(gateway.url, { text: HANDOFF_LINE });
  // The chat API answers once the handoff is stored and the customer told: the moment a person could know.
  const answeredAt = Date.now();
  if (!reply.handoff) throw new Error(`"${HANDOFF_LINE}" was not handed off: ${reply.reply}`);
  const [eventAt, row] = await Promise.all([events.firstNamed(reply.conversationId, WAIT_MS), inbox.shown(reply.conversationId, WAIT_MS)]);
  return {
    conversationId: reply.conversationId,
    eventMs: eventAt - answeredAt,
    rowInDomMs: row.inDomAt - answeredAt,
    rowDrawnMs: row.drawnAt - answeredAt,
    browserMs: row.drawnAt - eventAt,
  };
}

function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentileOfSorted(sorted, 0.5), p95: percentileOfSorted(sorted, 0.95), max: sorted[sorted.length - 1] };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ['handoffs', 'json']);
  const handoffs = numberFlag(flags, 'handoffs', 20, 1, 1000);
  if (!Number.isInteger(handoffs)) throw new UsageError('--handoffs must be a whole number');

  reportProgress('starting the gateway and Chromium');
  // No inherited environment: the embedded engine hands off at once, whatever keys this shell holds.
  const gateway = await startInProcessGateway({});
  let browser: Browser | undefined;
  let events: InboxEventsClient | undefined;
  try {
    browser = await launchChromium();
    const person = await WorkspaceClient.signUp(gateway, PERSON);
    events = await InboxEventsClient.open(gateway.url, person.cookieHeader);
    const inbox = await InboxPageWatcher.open(browser, gateway.url, PERSON, TEST_PASSWORD);

    reportProgress('warm-up handoff (not counted)');
    await timeHandoff(gateway, events, inbox);
    const timings: HandoffTiming[] = [];
    for (let i = 0; i < handoffs; i++) {
      timings.push(await timeHandoff(gateway, events, inbox));
      reportProgress(`handoff ${i + 1}/${handoffs}: event ${timings[i].eventMs} ms, row drawn ${timings[i].rowDrawnMs} ms`);
      // Vary where the next handoff falls in the feed's poll cycle.
      await new Promise((resolve) => setTimeout(resolve, 50 + ((i * 97) % INBOX_POLL_MS)));
    }

    const summary = Object.fromEntries(MEASURES.map(([key]) => [key, summarise(timings.map((t) => t[key]))])) as Record<Measure, Summary>;
    process.stdout.write(`\nWeb-chat handoff → open workspace inbox (${handoffs} handoffs after 1 warm-up; embedded database; ${cpus().length} CPUs)\n`);
    process.stdout.write(
      formatTable(
        ['ms from the chat API answering the handoff', 'p50', 'p95', 'max'],
        MEASURES.map(([key, label]) => [label, formatFixed(summary[key].p50, 0), formatFixed(summary[key].p95, 0), formatFixed(summary[key].max, 0)]),
      ) + '\n',
    );
    process.stdout.write(
      `\nThe feed reads the database every ${INBOX_POLL_MS} ms (INBOX_POLL_MS): waiting for the next read alone is 0-${INBOX_POLL_MS} ms ` +
        `(p50 ${INBOX_POLL_MS / 2}, p95 ${Math.round(INBOX_POLL_MS * 0.95)}).\n`,
    );
    const json = flags.get('json');
    if (json)
      writeFileSync(
        json,
        `${JSON.stringify({ settings: { handoffs, warmup: 1, inboxPollMs: INBOX_POLL_MS }, machine: { cpus: cpus().length }, summary, handoffs: timings }, null, 2)}\n`,
      );
  } finally {
    events?.close();
    await browser?.close();
    await gateway.close();
  }
}

main().catch((error) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
