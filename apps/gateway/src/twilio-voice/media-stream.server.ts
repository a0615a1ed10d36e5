import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { parseMediaStreamMessage, SpeechToText, TextToSpeech } from '@support/channels';
import { APP_CONFIG, LOGGER, Metrics } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { WebSocket, WebSocketServer } from 'ws';
import { TurnDispatcher } from '../conversations/turn-dispatcher.service';
import { HandoffDesk } from '../handoff/handoff-desk';
import { CallControl } from './call-control';
import { CallSession, VoiceTurnTiming } from './call-session';
import { isValidMediaStreamToken } from './twilio-signature';
import { VoiceTransferService } from './voice-transfer.service';

export const MEDIA_STREAM_PATH = '/twilio/media';

/** Hooks for the benchmark: per-turn milestones and per-frame pacing lateness. */
export interface VoiceObservers {
  onTurnTiming?(timing: VoiceTurnTiming): void;
  onFrameLateness?(lateMs: number): void;
}

/** The Media Streams WebSocket endpoint, on the gateway's own HTTP server: one `CallSession` per socket. */
@Injectable()
export class MediaStreamServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly sessions = new Set<CallSession>();
  private httpServer: Server | undefined;
  observers: VoiceObservers = {};

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SpeechToText) private readonly stt: SpeechToText | null,
    @Inject(TextToSpeech) private readonly tts: TextToSpeech | null,
    @Inject(CallControl) private readonly calls: CallControl | null,
    private readonly dispatcher: TurnDispatcher,
    private readonly transfers: VoiceTransferService,
    private readonly desk: HandoffDesk,
    private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get activeCalls(): CallSession[] {
    return [...this.sessions];
  }

  onApplicationBootstrap(): void {
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', this.onUpgrade);
  }

  /**
   * Before the database closes: each call ends the way a hang-up does (speech to text closed, socket
   * closed with 1000); a socket that never started a call gets 1001 (going away); any still open a
   * second later is cut.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.httpServer?.off('upgrade', this.onUpgrade);
    await Promise.all([...this.sessions].map((session) => session.finish('hangup')));
    for (const client of this.wss.clients) if (client.readyState === WebSocket.OPEN) client.close(1001, 'server shutting down');
    const closed = new Promise<void>((resolve) => this.wss.close(() => resolve()));
    const cut = setTimeout(() => [...this.wss.clients].forEach((client) => client.terminate()), 1_000);
    await closed;
    clearTimeout(cut);
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== MEDIA_STREAM_PATH) return; // another WebSocket endpoint may own it
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  };

  private accept(ws: WebSocket): void {
    let session: CallSession | undefined;
    const close = () => {
      if (session) {
        const ended = session;
        session = undefined;
        this.sessions.delete(ended);
        this.metrics.voiceActiveCalls.dec();
        void ended.finish('hangup');
      }
    };
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const message = parseMediaStreamMessage(data.toString());
      if (!message) return;
      if (message.event === 'start') {
        if (session) return;
        session = this.startSession(ws, message.start.callSid, message.start.streamSid ?? message.streamSid, message.start.customParameters ?? {});
        if (!session) ws.close(1008, 'not accepted');
        return;
      }
      session?.handle(message);
      if (message.event === 'stop') close();
    });
    ws.on('close', close);
    ws.on('error', (error) => this.logger.warn({ err: error }, 'media stream socket error'));
  }

  private startSession(ws: WebSocket, callSid: string, streamSid: string, parameters: Record<string, string>): CallSession | undefined {
    const authToken = this.config.providers.twilio.authToken;
    const caller = { from: parameters.from ?? '', verified: parameters.verified === 'yes' };
    if (!authToken || !isValidMediaStreamToken(authToken, callSid, caller, parameters.token)) {
      this.logger.warn({ callSid }, 'media stream refused: bad or missing stream token');
      return undefined;
    }
    if (!this.stt || !this.tts) return undefined;
    const transfers = this.transfers;
    const calls = this.calls;
    const session = new CallSession(
      { callSid, streamSid, from: caller.from, fromVerified: caller.verified },
      {
        config: this.config.voice,
        stt: this.stt,
        tts: this.tts,
        dispatch: (inbound, callbacks) => this.dispatcher.dispatch(inbound, callbacks),
        noteCutOff: (conversationId, sid, utterance, cut) => transfers.noteCutOff(conversationId, sid, utterance, cut),
        transfer: async (call, reply) => {
          const taken = await this.desk.handOff(reply, { channel: 'voice', ...call });
          if (!taken.includes(transfers.name)) throw new Error(`no handoff to transfer conversation ${reply.conversationId} with`);
        },
        hangUp: async (sid) => {
          if (calls) await calls.hangUp(sid);
        },
        send: (json) => ws.readyState === WebSocket.OPEN && ws.send(json),
        closeSocket: () => ws.readyState === WebSocket.OPEN && ws.close(1000),
        metrics: this.metrics,
        logger: this.logger,
        onTurnTiming: (timing) => this.observers.onTurnTiming?.(timing),
        onFrameLateness: (late) => this.observers.onFrameLateness?.(late),
      },
    );
    this.sessions.add(session);
    this.metrics.voiceActiveCalls.inc();
    this.logger.info({ callSid }, 'call connected');
    session.begin().catch((error) => {
      this.logger.error({ err: error, callSid }, 'could not start speech to text; ending the call');
      void session.finish('error');
    });
    return session;
  }
}
