/**
 * Twilio Media Streams messages (twilio-voice.md §3–4). Every frame is JSON text; numeric-looking
 * fields (`sequenceNumber`, `chunk`, `timestamp`) are strings on the wire.
 */
export type MediaStreamInbound =
  | { event: 'connected'; protocol?: string; version?: string }
  | { event: 'start'; streamSid: string; start: StreamStart }
  | { event: 'media'; streamSid: string; media: { track?: string; chunk?: string; timestamp?: string; payload: string } }
  | { event: 'mark'; streamSid: string; mark: { name: string } }
  | { event: 'dtmf'; streamSid: string; dtmf: { track?: string; digit: string } }
  | { event: 'stop'; streamSid: string; stop?: { accountSid?: string; callSid?: string } };

export interface StreamStart {
  accountSid?: string;
  streamSid: string;
  callSid: string;
  tracks?: string[];
  mediaFormat?: { encoding: string; sampleRate: number; channels: number };
  customParameters?: Record<string, string>;
}

const EVENTS = new Set(['connected', 'start', 'media', 'mark', 'dtmf', 'stop']);

/** Parses one text frame; unknown or malformed frames come back as null and are ignored, as Twilio may add events. */
export function parseMediaStreamMessage(raw: string): MediaStreamInbound | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const message = value as { event?: unknown; [key: string]: unknown };
  if (typeof message.event !== 'string' || !EVENTS.has(message.event)) return null;
  if (message.event === 'start' && !(message.start && typeof (message.start as StreamStart).callSid === 'string')) return null;
  if (message.event === 'media' && typeof (message.media as { payload?: unknown } | undefined)?.payload !== 'string') return null;
  if (message.event === 'mark' && typeof (message.mark as { name?: unknown } | undefined)?.name !== 'string') return null;
  if (message.event === 'dtmf' && typeof (message.dtmf as { digit?: unknown } | undefined)?.digit !== 'string') return null;
  return message as unknown as MediaStreamInbound;
}

export function outboundMedia(streamSid: string, mulaw: Uint8Array): string {
  return JSON.stringify({ event: 'media', streamSid, media: { payload: Buffer.from(mulaw.buffer, mulaw.byteOffset, mulaw.byteLength).toString('base64') } });
}

export function outboundMark(streamSid: string, name: string): string {
  return JSON.stringify({ event: 'mark', streamSid, mark: { name } });
}

export function outboundClear(streamSid: string): string {
  return JSON.stringify({ event: 'clear', streamSid });
}
