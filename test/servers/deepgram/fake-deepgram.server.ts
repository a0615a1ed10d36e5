import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { toneFor } from '../../../channels/src/voice/speech/testing/tone.tts';
import { ListenParams, ListenSession } from './listen.session';
import { SpeechRegistry } from './speech.registry';

export interface FakeDeepgramOptions {
  apiKey?: string;
  latency?: {
    /** Final result after the endpointing silence (Deepgram: ~100–300 ms). */
    sttFinalMs?: number;
    /** Time to the first TTS byte (Aura: ~150–250 ms). */
    ttsFirstByteMs?: number;
    /** How much faster than real time TTS audio is streamed after the first byte. */
    ttsSpeedup?: number;
  };
  /** Close a listen socket after this long without audio or KeepAlive (Deepgram: 10 s). */
  idleTimeoutMs?: number;
  /** Length of synthesised speech per character of text. */
  ttsMsPerCharacter?: number;
}

export interface SpeakRequest {
  text: string;
  query: Record<string, string>;
  receivedAt: number;
  firstByteAt?: number;
  aborted: boolean;
}

/**
 * Local Deepgram: live STT on the `/v1/listen` WebSocket and TTS on `POST /v1/speak`, as
 * `@deepgram/sdk` v5 talks to them (deepgram.md). Transcribes clips registered in `speech`.
 */
export class FakeDeepgram {
  readonly speech = new SpeechRegistry();
  readonly listenConnections: Array<{ params: ListenParams; query: Record<string, string>; session: ListenSession; open: boolean }> = [];
  readonly speakRequests: SpeakRequest[] = [];
  readonly url: string;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly options: FakeDeepgramOptions,
  ) {
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(options: FakeDeepgramOptions = {}): Promise<FakeDeepgram> {
    let fake!: FakeDeepgram;
    const server = createServer((req, res) => void fake.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => fake.onUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeDeepgram(server, options);
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    return fake;
  }

  get openListenSockets(): number {
    return this.listenConnections.filter((c) => c.open).length;
  }

  /** Cuts every open live-transcription socket without a close frame, as a network fault would. */
  dropListenSockets(): void {
    for (const connection of this.listenConnections) if (connection.open) connection.session.close(1006, '');
  }

  async close(): Promise<void> {
    for (const connection of this.listenConnections) connection.session.dispose();
    for (const client of this.wss.clients) client.terminate();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private authorised(req: IncomingMessage): boolean {
    const expected = `Token ${this.options.apiKey ?? 'test-deepgram-key'}`;
    return req.headers.authorization === expected;
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname !== '/v1/listen') return void socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
    if (!this.authorised(req)) return void socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    const query = Object.fromEntries(url.searchParams);
    if (query.encoding !== 'mulaw' || query.sample_rate !== '8000') return void socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    const params: ListenParams = {
      model: query.model ?? 'base',
      interimResults: query.interim_results === 'true',
      endpointingMs: query.endpointing === 'false' ? Infinity : Number(query.endpointing ?? 10),
      utteranceEndMs: query.utterance_end_ms ? Number(query.utterance_end_ms) : null,
      vadEvents: query.vad_events === 'true',
    };
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new ListenSession(ws, params, this.speech, { finalMs: this.options.latency?.sttFinalMs ?? 0 }, this.options.idleTimeoutMs ?? 10_000);
      const connection = { params, query, session, open: true };
      this.listenConnections.push(connection);
      ws.on('message', (data, isBinary) => (isBinary ? session.onBinary(data as Buffer) : session.onText(data.toString())));
      ws.on('close', () => {
        connection.open = false;
        session.dispose();
      });
      ws.on('error', () => undefined);
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method !== 'POST' || url.pathname !== '/v1/speak') return json(res, 404, { err_code: 'NOT_FOUND', err_msg: 'Not found' });
    if (!this.authorised(req)) return json(res, 401, { err_code: 'INVALID_AUTH', err_msg: 'Invalid credentials.' });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let text: unknown;
    try {
      text = JSON.parse(Buffer.concat(chunks).toString()).text;
    } catch {
      return json(res, 400, { err_code: 'INVALID_JSON', err_msg: 'Body must be JSON.' });
    }
    if (typeof text !== 'string' || !text) return json(res, 400, { err_code: 'INVALID_TEXT', err_msg: 'text is required.' });
    const query = Object.fromEntries(url.searchParams);
    if (!query.model?.startsWith('aura')) return json(res, 400, { err_code: 'INVALID_MODEL', err_msg: 'Unknown model.' });
    const request: SpeakRequest = { text, query, receivedAt: performance.now(), aborted: false };
    this.speakRequests.push(request);
    const mulaw = query.encoding === 'mulaw';
    let audio = toneFor(text, this.options.ttsMsPerCharacter ?? 65);
    // Deepgram's REST default container for raw encodings is WAV; a header is exactly what container=none avoids.
    if (query.container !== 'none') audio = Buffer.concat([wavHeader(audio.length, mulaw ? 7 : 1), audio]);
    res.on('close', () => (request.aborted = !res.writableFinished));
    await sleep(this.options.latency?.ttsFirstByteMs ?? 0);
    if (res.destroyed) return;
    res.writeHead(200, { 'Content-Type': mulaw ? 'audio/basic' : 'audio/wav', 'Transfer-Encoding': 'chunked' });
    const chunkBytes = 1600;
    const chunkMs = ((chunkBytes / 8000) * 1000) / (this.options.latency?.ttsSpeedup ?? 20);
    for (let offset = 0; offset < audio.length && !res.destroyed; offset += chunkBytes) {
      request.firstByteAt ??= performance.now();
      res.write(audio.subarray(offset, offset + chunkBytes));
      if (offset + chunkBytes < audio.length) await sleep(chunkMs);
    }
    res.end();
  }
}

export function startFakeDeepgram(options?: FakeDeepgramOptions): Promise<FakeDeepgram> {
  return FakeDeepgram.start(options);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

function wavHeader(dataBytes: number, format: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(format, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(format === 7 ? 8000 : 16000, 28);
  header.writeUInt16LE(format === 7 ? 1 : 2, 32);
  header.writeUInt16LE(format === 7 ? 8 : 16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);
  return header;
}
