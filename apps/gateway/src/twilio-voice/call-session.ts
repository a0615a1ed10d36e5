import { AgentReply } from '@support/conversation';
import {
  DtmfCollector,
  FramePacer,
  MediaStreamInbound,
  outboundClear,
  outboundMark,
  outboundMedia,
  PacedItem,
  SpeechToText,
  SpeechToTextStream,
  TextToSpeech,
  Transcript,
} from '@support/channels';
import type { Logger, Metrics, VoiceConfig } from '@support/platform';
import { DispatchCallbacks } from '../conversations/turn-dispatcher.service';
import { AudioClock } from './audio-clock';
import { CutOff, ReplyPlayback } from './reply-playback';
import { VOICE_PROMPTS } from './voice-prompts';
import type { InboundMessage } from '@support/conversation';

export interface CallIdentity {
  callSid: string;
  streamSid: string;
  /** The caller's number (E.164) as Twilio gave it. */
  from: string;
  /** Whether that number proves who the caller is (see caller-id-trust.ts). */
  fromVerified: boolean;
}

/** One turn's milestones, in `performance.now()` milliseconds. */
export interface VoiceTurnTiming {
  utterance: number;
  endOfSpeechAt?: number;
  finalTranscriptAt: number;
  firstModelTokenAt?: number;
  firstSentenceAt?: number;
  firstTtsByteAt?: number;
  firstFrameAt?: number;
}

export type CallOutcome = 'hangup' | 'silence_timeout' | 'transfer' | 'error';

export interface CallSessionDeps {
  config: VoiceConfig;
  stt: SpeechToText;
  tts: TextToSpeech;
  dispatch(inbound: InboundMessage, callbacks: DispatchCallbacks): Promise<AgentReply>;
  /** Records in the conversation where the caller cut the bot off. */
  noteCutOff(conversationId: string, callSid: string, utterance: number, cut: CutOff): Promise<void>;
  transfer(call: CallIdentity, reply: AgentReply): Promise<void>;
  hangUp(callSid: string): Promise<void>;
  send(json: string): void;
  closeSocket(): void;
  metrics: Metrics;
  logger: Logger;
  pacerLeadMs?: number;
  onTurnTiming?(timing: VoiceTurnTiming): void;
  onFrameLateness?(lateMs: number): void;
}

/**
 * One phone call, from the media stream's `start` to its `stop`: caller audio to the recogniser,
 * finished utterances (or keyed digits) to the agent, the agent's streamed text back as paced
 * audio. The caller can cut in; silence is met with a reprompt, then a goodbye.
 */
export class CallSession {
  private stt: SpeechToTextStream | undefined;
  private readonly pacer: FramePacer;
  private readonly clock = new AudioClock();
  private readonly dtmf: DtmfCollector;
  private playback: ReplyPlayback | undefined;
  private finals: string[] = [];
  private lastWordEndSec: number | undefined;
  private utterances = 0;
  private playbacks = 0;
  private turnChain: Promise<void> = Promise.resolve();
  private turnsInFlight = 0;
  private conversationId: string | undefined;
  private repromptTimer: NodeJS.Timeout | undefined;
  private hangupTimer: NodeJS.Timeout | undefined;
  private ending: CallOutcome | undefined;
  private ended = false;

  constructor(
    readonly call: CallIdentity,
    private readonly deps: CallSessionDeps,
  ) {
    this.pacer = new FramePacer((item) => this.sendPaced(item), { leadMs: deps.pacerLeadMs, onFrameLateness: deps.onFrameLateness });
    this.dtmf = new DtmfCollector((digits) => this.enqueueTurn(`My order number is ${deps.config.orderNumberPrefix}${digits}.`));
  }

  /** Resources still held; all zero once the call has ended. */
  get openResources(): { stt: boolean; timers: number; queuedFrames: number; playing: boolean } {
    return {
      stt: !!this.stt,
      timers: [this.repromptTimer, this.hangupTimer].filter(Boolean).length + (this.dtmf.collecting ? 1 : 0),
      queuedFrames: this.pacer.pendingFrames,
      playing: !!this.playback?.active,
    };
  }

  async begin(): Promise<void> {
    this.stt = await this.deps.stt.open(
      { endpointingMs: this.deps.config.endpointingMs, utteranceEndMs: this.deps.config.utteranceEndMs },
      {
        onSpeechStarted: () => this.callerActive(),
        onTranscript: (t) => this.onTranscript(t),
        onUtteranceEnd: () => this.endOfUtterance(),
        onClosed: (error) => {
          this.deps.logger.error({ err: error, callSid: this.call.callSid }, 'speech to text lost for good; ending the call');
          this.stt = undefined;
          void this.finish('error');
        },
      },
    );
    if (this.ended) return void (await this.stt.close());
    this.speakLine(VOICE_PROMPTS.greeting);
  }

  handle(message: MediaStreamInbound): void {
    if (this.ended) return;
    switch (message.event) {
      case 'media': {
        const audio = Buffer.from(message.media.payload, 'base64');
        this.clock.received(audio.length);
        this.stt?.send(audio);
        return;
      }
      case 'mark':
        this.playback?.markEchoed(message.mark.name);
        return;
      case 'dtmf':
        this.callerActive();
        this.dtmf.press(message.dtmf.digit);
        return;
      case 'stop':
        void this.finish(this.ending ?? 'hangup');
        return;
    }
  }

  /** Idempotent: closes the recogniser, stops audio and timers. Called on `stop`, socket close, or by the bot. */
  async finish(outcome: CallOutcome): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.clearSilenceTimers();
    this.dtmf.close();
    this.playback?.dispose();
    this.pacer.close();
    const stt = this.stt;
    this.stt = undefined;
    this.deps.metrics.voiceCalls.inc({ outcome: this.ending ?? outcome });
    this.deps.logger.info({ callSid: this.call.callSid, outcome: this.ending ?? outcome, utterances: this.utterances }, 'call ended');
    await stt?.close().catch((error) => this.deps.logger.warn({ err: error, callSid: this.call.callSid }, 'closing speech to text failed'));
    this.deps.closeSocket();
  }

  private onTranscript(transcript: Transcript): void {
    if (transcript.text.trim()) this.callerActive();
    if (!transcript.isFinal) return;
    if (transcript.text.trim()) {
      this.finals.push(transcript.text.trim());
      this.lastWordEndSec = transcript.endSec ?? this.lastWordEndSec;
    }
    if (transcript.speechFinal) this.endOfUtterance();
  }

  /** `speech_final` and `UtteranceEnd` can both end one utterance; the second finds nothing left and does nothing. */
  private endOfUtterance(): void {
    if (!this.finals.length) return;
    const text = this.finals.join(' ');
    const endOfSpeechAt = this.lastWordEndSec === undefined ? undefined : this.clock.arrivalOf(this.lastWordEndSec);
    this.finals = [];
    this.lastWordEndSec = undefined;
    this.enqueueTurn(text, endOfSpeechAt);
  }

  /** The caller spoke or keyed: silence timers restart, and bot audio in progress stops (barge-in). */
  private callerActive(): void {
    this.clearSilenceTimers();
    const playback = this.playback;
    if (!playback?.active) return;
    this.deps.send(outboundClear(this.call.streamSid));
    this.pacer.clear();
    const cut = playback.cancel();
    this.deps.metrics.voiceBargeIns.inc();
    this.deps.logger.info({ callSid: this.call.callSid, heardChars: cut.heard.length, unheardChars: cut.unheard.length }, 'caller barged in');
    const utterance = this.utterances;
    if (this.conversationId && utterance > 0 && cut.unheard) {
      void this.deps
        .noteCutOff(this.conversationId, this.call.callSid, utterance, cut)
        .catch((error) => this.deps.logger.warn({ err: error }, 'could not record the cut-off'));
    }
  }

  private enqueueTurn(text: string, endOfSpeechAt?: number): void {
    const finalTranscriptAt = performance.now();
    this.turnsInFlight++;
    this.turnChain = this.turnChain
      .then(() => this.runTurn(text, { utterance: 0, endOfSpeechAt, finalTranscriptAt }))
      .catch((error) => {
        this.deps.logger.error({ err: error, callSid: this.call.callSid }, 'voice turn failed');
        if (!this.ended) this.speakLine(VOICE_PROMPTS.sorry);
      })
      .finally(() => {
        this.turnsInFlight--;
        this.armSilenceTimersWhenIdle();
      });
  }

  private async runTurn(text: string, timing: VoiceTurnTiming): Promise<void> {
    if (this.ended) return;
    timing.utterance = ++this.utterances;
    const playback = this.startPlayback();
    let streamed = false;
    const reply = await this.deps.dispatch(
      {
        channel: 'voice',
        from: { kind: 'phone', address: this.call.from, verified: this.call.fromVerified },
        text,
        channelMessageId: `${this.call.callSid}:${timing.utterance}`,
        ...(this.conversationId ? { conversationId: this.conversationId } : {}),
      },
      {
        onStored: ({ conversation }) => (this.conversationId = conversation.id),
        onDelta: (delta) => {
          timing.firstModelTokenAt ??= performance.now();
          streamed = true;
          playback.pushText(delta);
        },
      },
    );
    this.conversationId = reply.conversationId;
    if (!streamed && reply.text) {
      timing.firstModelTokenAt ??= performance.now();
      playback.pushText(reply.text);
    }
    playback.endText();
    await playback.heard;
    Object.assign(timing, playback.timings);
    this.observe(timing);
    // A handoff stands even if the caller cut the message short; an empty reply means a person already has
    // the conversation. Either way the caller belongs in the queue, not in a silent call.
    if ((reply.handoff || !reply.text) && !this.ended) {
      this.ending = 'transfer';
      try {
        await this.deps.transfer(this.call, reply);
      } catch (error) {
        this.ending = undefined;
        throw error;
      }
    }
  }

  private speakLine(text: string): ReplyPlayback {
    const playback = this.startPlayback();
    playback.pushText(text);
    playback.endText();
    void playback.heard.then(() => this.armSilenceTimersWhenIdle());
    return playback;
  }

  private startPlayback(): ReplyPlayback {
    this.playback?.dispose();
    const playback = new ReplyPlayback(`p${++this.playbacks}`, this.deps.tts, this.pacer, (error) =>
      this.deps.logger.error({ err: error, callSid: this.call.callSid }, 'speech synthesis failed'),
    );
    this.playback = playback;
    return playback;
  }

  private sendPaced(item: PacedItem): void {
    if (this.ended) return;
    if (item.kind === 'frame') {
      if (this.playback && this.playback.timings.firstFrameAt === undefined) this.playback.timings.firstFrameAt = performance.now();
      this.deps.send(outboundMedia(this.call.streamSid, item.audio));
    } else {
      this.deps.send(outboundMark(this.call.streamSid, item.name));
    }
  }

  private armSilenceTimersWhenIdle(): void {
    if (this.ended || this.ending || this.turnsInFlight > 0 || this.playback?.active || this.hangupTimer) return;
    this.repromptTimer = setTimeout(() => {
      this.repromptTimer = undefined;
      if (!this.ended) this.speakLine(VOICE_PROMPTS.reprompt);
    }, this.deps.config.repromptMs);
    this.hangupTimer = setTimeout(() => {
      this.hangupTimer = undefined;
      void this.sayGoodbye();
    }, this.deps.config.hangupMs);
  }

  private async sayGoodbye(): Promise<void> {
    if (this.ended) return;
    this.clearSilenceTimers();
    this.ending = 'silence_timeout';
    const playback = this.speakLine(VOICE_PROMPTS.goodbye);
    await playback.heard;
    if (this.ended) return;
    try {
      await this.deps.hangUp(this.call.callSid);
    } catch (error) {
      this.deps.logger.warn({ err: error, callSid: this.call.callSid }, 'hang-up through the API failed; closing the stream');
    }
    await this.finish('silence_timeout');
  }

  private clearSilenceTimers(): void {
    if (this.repromptTimer) clearTimeout(this.repromptTimer);
    if (this.hangupTimer) clearTimeout(this.hangupTimer);
    this.repromptTimer = this.hangupTimer = undefined;
  }

  private observe(timing: VoiceTurnTiming): void {
    const from = timing.endOfSpeechAt ?? timing.finalTranscriptAt;
    const histogram = this.deps.metrics.voiceTurnLatency;
    const seconds = (at: number | undefined) => (at === undefined ? undefined : Math.max(0, at - from) / 1000);
    const points: Array<[string, number | undefined]> = [
      ['final_transcript', seconds(timing.finalTranscriptAt)],
      ['first_model_token', seconds(timing.firstModelTokenAt)],
      ['first_tts_byte', seconds(timing.firstTtsByteAt)],
      ['first_frame', seconds(timing.firstFrameAt)],
    ];
    for (const [milestone, value] of points) if (value !== undefined) histogram.observe({ milestone }, value);
    this.deps.onTurnTiming?.(timing);
  }
}
