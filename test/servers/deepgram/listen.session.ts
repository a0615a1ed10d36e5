import { randomUUID } from 'node:crypto';
import { MULAW_SAMPLE_RATE, mulawRms } from '@support/channels';
import type { WebSocket } from 'ws';
import { SPEECH_RMS, SpeechRegistry } from './speech.registry';

export interface ListenParams {
  model: string;
  interimResults: boolean;
  endpointingMs: number;
  utteranceEndMs: number | null;
  vadEvents: boolean;
}

export interface ListenLatency {
  /** Delay between the end of speech being detectable and the final result being sent. */
  finalMs: number;
}

const FRAME = 160;

/**
 * One `/v1/listen` connection: audio bytes in, Deepgram's live messages out (deepgram.md §2),
 * driven by the audio's own clock (bytes received), so it works at any sending pace.
 */
export class ListenSession {
  readonly requestId = randomUUID();
  audioBytes = 0;
  keepAlives = 0;
  private pending = Buffer.alloc(0);
  private utterance: Buffer[] = [];
  private speechStartByte: number | null = null;
  private lastSpeechByte = 0;
  private lastInterimByte = 0;
  private lastWordEndSec: number | null = null;
  private utteranceEndSent = true;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly params: ListenParams,
    private readonly registry: SpeechRegistry,
    private readonly latency: ListenLatency,
    private readonly idleTimeoutMs: number,
  ) {
    this.armIdle();
  }

  onBinary(data: Buffer): void {
    this.armIdle();
    this.pending = Buffer.concat([this.pending, data]);
    while (this.pending.length >= FRAME) {
      const frame = this.pending.subarray(0, FRAME);
      this.pending = this.pending.subarray(FRAME);
      this.onFrame(frame);
    }
  }

  onText(text: string): void {
    let message: { type?: string };
    try {
      message = JSON.parse(text);
    } catch {
      return this.close(1008, 'DATA-0000: could not parse control message');
    }
    if (message.type === 'KeepAlive') {
      this.keepAlives++;
      this.armIdle();
    } else if (message.type === 'Finalize') {
      this.finalise(true);
    } else if (message.type === 'CloseStream') {
      this.finalise(false);
      this.later(this.latency.finalMs + 5, () => {
        this.sendJson({
          type: 'Metadata',
          transaction_key: 'deprecated',
          request_id: this.requestId,
          sha256: '',
          created: new Date().toISOString(),
          duration: this.audioBytes / MULAW_SAMPLE_RATE,
          channels: 1,
        });
        this.close(1000, '');
      });
    }
  }

  /** Ends the connection from the server side, as a network fault or Deepgram error would. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.dispose();
    if (code === 1006) this.socket.terminate();
    else this.socket.close(code, reason);
  }

  dispose(): void {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private onFrame(frame: Buffer): void {
    this.audioBytes += frame.length;
    const voiced = mulawRms(frame) > SPEECH_RMS;
    if (voiced) {
      if (this.speechStartByte === null) {
        this.speechStartByte = this.audioBytes - frame.length;
        this.lastInterimByte = this.speechStartByte;
        if (this.params.vadEvents) this.sendJson({ type: 'SpeechStarted', channel: [0], timestamp: this.seconds(this.speechStartByte) });
      }
      this.lastSpeechByte = this.audioBytes;
    }
    if (this.speechStartByte !== null) {
      this.utterance.push(frame);
      if (this.params.interimResults && this.audioBytes - this.lastInterimByte >= MULAW_SAMPLE_RATE) {
        this.lastInterimByte = this.audioBytes;
        const heard = this.registry.recognise(Buffer.concat(this.utterance));
        if (heard) this.sendResults(heard.transcript, false, false, false);
      }
      const silenceMs = ((this.audioBytes - this.lastSpeechByte) / MULAW_SAMPLE_RATE) * 1000;
      if (!voiced && silenceMs >= this.params.endpointingMs) this.finalise(false, true);
    } else if (this.params.utteranceEndMs && !this.utteranceEndSent && this.lastWordEndSec !== null) {
      if ((this.seconds(this.audioBytes) - this.lastWordEndSec) * 1000 >= this.params.utteranceEndMs) {
        this.utteranceEndSent = true;
        const lastWordEnd = this.lastWordEndSec;
        this.later(this.latency.finalMs, () => this.sendJson({ type: 'UtteranceEnd', channel: [0, 1], last_word_end: lastWordEnd }));
      }
    }
  }

  private finalise(fromFinalize: boolean, speechFinal = false): void {
    if (this.speechStartByte === null) {
      if (fromFinalize) this.sendResults('', true, false, true);
      return;
    }
    const audio = Buffer.concat(this.utterance);
    const heard = this.registry.recognise(audio);
    const transcript = heard?.transcript ?? '';
    const start = this.seconds(this.speechStartByte);
    const end = this.seconds(this.lastSpeechByte);
    this.speechStartByte = null;
    this.utterance = [];
    if (transcript) {
      this.lastWordEndSec = end;
      this.utteranceEndSent = false;
    }
    this.later(this.latency.finalMs, () => this.sendResults(transcript, true, speechFinal, fromFinalize, start, end));
  }

  private sendResults(transcript: string, isFinal: boolean, speechFinal: boolean, fromFinalize: boolean, start = 0, end = this.seconds(this.audioBytes)): void {
    const words = transcript ? transcript.split(/\s+/) : [];
    const step = words.length ? (end - start) / words.length : 0;
    this.sendJson({
      type: 'Results',
      channel_index: [0, 1],
      duration: end - start,
      start,
      is_final: isFinal,
      speech_final: speechFinal,
      from_finalize: fromFinalize,
      channel: {
        alternatives: [
          {
            transcript,
            confidence: transcript ? 0.97 : 0,
            words: words.map((word, i) => ({
              word: word.toLowerCase().replace(/[^a-z0-9']/g, ''),
              start: start + i * step,
              end: start + (i + 1) * step,
              confidence: 0.97,
              punctuated_word: word,
            })),
          },
        ],
      },
      metadata: { request_id: this.requestId, model_info: { name: this.params.model, version: 'fake', arch: 'fake' }, model_uuid: 'fake' },
    });
  }

  private seconds(bytes: number): number {
    return Math.round((bytes / MULAW_SAMPLE_RATE) * 1000) / 1000;
  }

  private sendJson(message: unknown): void {
    if (!this.closed && this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private later(ms: number, work: () => void): void {
    if (ms <= 0) return work();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }

  /** Deepgram closes a stream that gets neither audio nor KeepAlive for 10 s (NET-0001). */
  private armIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(1011, 'NET-0001: no audio received'), this.idleTimeoutMs);
  }
}
