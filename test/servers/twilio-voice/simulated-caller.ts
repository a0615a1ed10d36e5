import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { WebSocket } from 'ws';
import { MULAW_FRAME_BYTES, MULAW_SILENCE } from '../../../channels/src/voice/mulaw.codec';

export interface CallOptions {
  /** The gateway, as the test reaches it. */
  gatewayUrl: string;
  /** PUBLIC_BASE_URL the gateway was configured with (what Twilio signs). */
  publicBaseUrl: string;
  authToken: string;
  from?: string;
  to?: string;
  /** Twilio's STIR/SHAKEN verdict on the caller ID; default full attestation, as a US carrier gives a genuine caller. */
  stirVerstat?: string | null;
  /** Reuse a call sid (a test impersonating an existing call); default a fresh one. */
  callSid?: string;
  /** Send caller audio faster than real time (the recogniser counts audio, not seconds); default real time. */
  speedup?: number;
}

export interface ReceivedFrame {
  at: number;
  bytes: number;
}

/**
 * Plays Twilio's part of a call: the signed incoming-call webhook, then the Media Streams socket
 * (connected, start, a 20 ms μ-law frame stream that is silence unless the caller is speaking,
 * dtmf, stop). It "plays" the bot's audio in real time, echoes marks when playback reaches them,
 * and honours `clear` by dropping unplayed audio and echoing pending marks at once.
 */
export class SimulatedCaller {
  readonly callSid: string;
  readonly streamSid = `MZ${randomBytes(16).toString('hex')}`;
  readonly accountSid = `AC${'0'.repeat(32)}`;
  readonly framesReceived: ReceivedFrame[] = [];
  readonly marksSent: Array<{ name: string; at: number }> = [];
  readonly clears: number[] = [];
  twiml = '';
  private ws: WebSocket | undefined;
  private sequence = 0;
  private chunk = 0;
  private startedAt = 0;
  private speaking: Buffer[] = [];
  private speakingDone: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private framesSent = 0;
  private playbackEndsAt = 0;
  private readonly pendingMarks: Array<{ name: string; at: number; timer: NodeJS.Timeout }> = [];
  private closedResolve!: () => void;
  /** Resolves when the socket is closed (by either side). */
  readonly closed = new Promise<void>((resolve) => (this.closedResolve = resolve));
  closedByServer = false;

  constructor(private readonly options: CallOptions) {
    this.callSid = options.callSid ?? `CA${randomBytes(16).toString('hex')}`;
  }

  /** The incoming-call webhook, signed like Twilio signs it. Returns the HTTP status and TwiML. */
  async ring(extra: Record<string, string> = {}): Promise<{ status: number; twiml: string }> {
    const params = {
      CallSid: this.callSid,
      AccountSid: this.accountSid,
      From: this.options.from ?? '+15035550147',
      To: this.options.to ?? '+15005550006',
      CallStatus: 'ringing',
      Direction: 'inbound',
      ApiVersion: '2010-04-01',
      ...(this.options.stirVerstat === null ? {} : { StirVerstat: this.options.stirVerstat ?? 'TN-Validation-Passed-A' }),
      ...extra,
    };
    const signature = twilio.getExpectedTwilioSignature(this.options.authToken, `${this.options.publicBaseUrl}/twilio/voice`, params);
    const response = await fetch(`${this.options.gatewayUrl}/twilio/voice`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    this.twiml = await response.text();
    return { status: response.status, twiml: this.twiml };
  }

  /** Opens the stream the TwiML asked for and starts sending audio. */
  async connect(): Promise<void> {
    const streamUrl = /<Stream url="([^"]+)"/.exec(this.twiml)?.[1];
    if (!streamUrl) throw new Error(`no <Stream> in TwiML: ${this.twiml}`);
    const parameters = Object.fromEntries([...this.twiml.matchAll(/<Parameter name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1], unescapeXml(m[2])]));
    const path = new URL(streamUrl).pathname;
    const ws = new WebSocket(`${this.options.gatewayUrl.replace(/^http/, 'ws')}${path}`);
    this.ws = ws;
    ws.on('message', (data) => this.onMessage(JSON.parse(data.toString())));
    ws.on('close', () => {
      this.closedByServer ||= !!this.timer;
      this.stopSending();
      this.closedResolve();
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    this.sendJson({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    this.sendJson({
      event: 'start',
      sequenceNumber: String(++this.sequence),
      start: {
        accountSid: this.accountSid,
        streamSid: this.streamSid,
        callSid: this.callSid,
        tracks: ['inbound'],
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        customParameters: parameters,
      },
      streamSid: this.streamSid,
    });
    this.startedAt = performance.now();
    this.tick();
  }

  /** Ring and connect. */
  async call(): Promise<void> {
    const { status, twiml } = await this.ring();
    if (status !== 200) throw new Error(`webhook answered ${status}: ${twiml}`);
    await this.connect();
  }

  /** The caller speaks this audio (then silence again); resolves when the last frame was sent. */
  say(mulaw: Buffer): Promise<void> {
    this.speaking.push(mulaw);
    return new Promise((resolve) => this.speakingDone.push(resolve));
  }

  press(digits: string): void {
    for (const digit of digits)
      this.sendJson({ event: 'dtmf', streamSid: this.streamSid, sequenceNumber: String(++this.sequence), dtmf: { track: 'inbound_track', digit } });
  }

  /** The caller hangs up: Twilio sends `stop`, then closes the socket. */
  hangUp(): void {
    this.endStream();
  }

  /** Twilio ending the stream because the call was redirected or completed through the REST API. */
  endStream(): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    this.sendJson({
      event: 'stop',
      sequenceNumber: String(++this.sequence),
      streamSid: this.streamSid,
      stop: { accountSid: this.accountSid, callSid: this.callSid },
    });
    this.stopSending();
    this.ws.close(1000);
  }

  /** Milliseconds of bot audio received. */
  get audioReceivedMs(): number {
    return (this.framesReceived.reduce((n, f) => n + f.bytes, 0) / 8000) * 1000;
  }

  async waitFor(condition: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits until the bot has been silent for `quietMs` after speaking at least once since `sinceFrames`. */
  async waitForBotToFinish(sinceFrames = this.framesReceived.length, quietMs = 400, timeoutMs = 15_000): Promise<void> {
    await this.waitFor(
      () =>
        this.framesReceived.length > sinceFrames &&
        this.pendingMarks.length === 0 &&
        performance.now() - this.framesReceived[this.framesReceived.length - 1].at > quietMs &&
        performance.now() > this.playbackEndsAt,
      timeoutMs,
      'the bot to finish speaking',
    );
  }

  private tick = (): void => {
    this.timer = undefined;
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    const frameMs = 20 / (this.options.speedup ?? 1);
    const due = Math.floor((performance.now() - this.startedAt) / frameMs) + 1;
    while (this.framesSent < due) this.sendFrame();
    this.timer = setTimeout(this.tick, frameMs);
  };

  private sendFrame(): void {
    let frame: Buffer;
    const current = this.speaking[0];
    if (current) {
      frame = Buffer.alloc(MULAW_FRAME_BYTES, MULAW_SILENCE);
      current.copy(frame, 0, 0, Math.min(MULAW_FRAME_BYTES, current.length));
      if (current.length <= MULAW_FRAME_BYTES) {
        this.speaking.shift();
        this.speakingDone.shift()?.();
      } else this.speaking[0] = current.subarray(MULAW_FRAME_BYTES);
    } else frame = Buffer.alloc(MULAW_FRAME_BYTES, MULAW_SILENCE);
    this.framesSent++;
    this.sendJson({
      event: 'media',
      sequenceNumber: String(++this.sequence),
      media: { track: 'inbound', chunk: String(++this.chunk), timestamp: String(this.framesSent * 20), payload: frame.toString('base64') },
      streamSid: this.streamSid,
    });
  }

  private onMessage(message: any): void {
    const now = performance.now();
    if (message.streamSid !== this.streamSid) return; // Twilio ignores messages for another stream
    if (message.event === 'media') {
      const bytes = Buffer.from(message.media.payload, 'base64').length;
      this.framesReceived.push({ at: now, bytes });
      this.playbackEndsAt = Math.max(this.playbackEndsAt, now) + (bytes / 8000) * 1000;
    } else if (message.event === 'mark') {
      const at = Math.max(this.playbackEndsAt, now);
      const timer = setTimeout(() => this.echoMark(message.mark.name), at - now);
      this.pendingMarks.push({ name: message.mark.name, at, timer });
    } else if (message.event === 'clear') {
      this.clears.push(now);
      this.playbackEndsAt = now;
      for (const mark of this.pendingMarks.splice(0)) {
        clearTimeout(mark.timer);
        this.sendMarkEcho(mark.name);
      }
    }
  }

  private echoMark(name: string): void {
    const index = this.pendingMarks.findIndex((m) => m.name === name);
    if (index >= 0) this.pendingMarks.splice(index, 1);
    this.sendMarkEcho(name);
  }

  private sendMarkEcho(name: string): void {
    this.marksSent.push({ name, at: performance.now() });
    this.sendJson({ event: 'mark', sequenceNumber: String(++this.sequence), streamSid: this.streamSid, mark: { name } });
  }

  private stopSending(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const mark of this.pendingMarks.splice(0)) clearTimeout(mark.timer);
    for (const done of this.speakingDone.splice(0)) done();
  }

  private sendJson(message: unknown): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }
}

function unescapeXml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
