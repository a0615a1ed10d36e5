import { Client } from 'pg';
import { Anomaly } from './channel-figures';

/** What the product's database says of a message not answered exactly once, for a person to follow up. */
export interface ProductTrace {
  /** Agent turns recorded for the stored message, with the gate's reason (`reply`, `not_answered:rate_limited`...). */
  turns: string[];
  /** SMS and WhatsApp: the kept webhook (how often it was handled, whether it was finished, its last error). */
  inbox?: { attempts: number; handled: boolean; lastError: string | null };
  /** SMS and WhatsApp: the sends to the customer, attempt by attempt (`1 sent`, `2 failed: ...`). */
  deliveries?: string[];
}

/** Reads each anomaly's trace from the product's database; an empty map when it cannot be read (the run's figures stand without it). */
export async function traceAnomalies(databaseUrl: string, anomalies: Anomaly[]): Promise<Map<Anomaly, ProductTrace>> {
  const traces = new Map<Anomaly, ProductTrace>();
  if (!anomalies.length) return traces;
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    for (const anomaly of anomalies) traces.set(anomaly, await traceOne(client, anomaly));
  } catch {
    // the database may be down after a failed run; the customer-side figures are still reported
  } finally {
    await client.end().catch(() => undefined);
  }
  return traces;
}

async function traceOne(client: Client, anomaly: Anomaly): Promise<ProductTrace> {
  if (anomaly.channel === 'web') return { turns: [] };
  const turns = await client.query<{ gate_decision: string; gate_reason: string | null }>(
    `SELECT t.gate_decision, t.gate_reason FROM agent_turns t JOIN messages m ON m.id = t.message_id
      WHERE m.channel = $1 AND m.channel_message_id = $2 ORDER BY t.created_at`,
    [anomaly.channel, anomaly.id],
  );
  const trace: ProductTrace = { turns: turns.rows.map((t) => t.gate_reason ?? t.gate_decision) };
  if (anomaly.channel === 'email') return trace;
  const inbox = await client.query<{ attempts: number; handled_at: Date | null; last_error: string | null }>(
    `SELECT attempts, handled_at, last_error FROM twilio_inbox WHERE message_sid = $1`,
    [anomaly.id],
  );
  if (inbox.rows[0]) trace.inbox = { attempts: inbox.rows[0].attempts, handled: !!inbox.rows[0].handled_at, lastError: inbox.rows[0].last_error };
  const deliveries = await client.query<{ attempt: number; status: string; error_message: string | null }>(
    `SELECT attempt, status, error_message FROM twilio_deliveries WHERE channel = $1 AND to_address = $2 ORDER BY created_at, attempt`,
    [anomaly.channel, anomaly.customer.replace(/^whatsapp:/, '')],
  );
  trace.deliveries = deliveries.rows.map((d) => `${d.attempt} ${d.status}${d.error_message ? `: ${d.error_message.slice(0, 120)}` : ''}`);
  return trace;
}
