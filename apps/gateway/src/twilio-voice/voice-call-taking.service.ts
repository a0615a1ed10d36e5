import { Inject, Injectable } from '@nestjs/common';
import { ConversationStates, HandoffRepository, IllegalTransitionError } from '@support/conversation';
import { APP_CONFIG, LOGGER } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { randomBytes } from 'node:crypto';
import { CallControl } from './call-control';
import { VoiceTransfer, VoiceTransferRepository } from './voice-transfer.repository';
import { callerGoneTwiml, callerJoinTwiml, unavailableTwiml, whisperAndJoinTwiml } from './voice.twiml';

/** How long a person's phone rings before Twilio reports `no-answer`. */
const RING_MS = 25_000;
/**
 * A hold for a person not bridged this long after it was made is dead: its gateway stopped between the hold and
 * the dial, or Twilio's status callback was lost. Well past the ring and Twilio's own delays in answering.
 */
export const TAKE_HOLD_MS = 2 * 60_000;
/** Twilio's final call statuses for a call that never connected. */
const NOT_CONNECTED = new Set(['busy', 'no-answer', 'failed', 'canceled']);

export type CallTakingRefusal = 'not_configured' | 'no_call' | 'caller_gone' | 'being_taken';

/** Why a waiting call cannot be taken; the workspace maps it to its answer. */
export class CallTakingError extends Error {
  override readonly name = 'CallTakingError';
  constructor(
    readonly reason: CallTakingRefusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A person takes one particular call from the queue: the product dials their phone (Calls API); when they answer
 * they hear that call's summary while the caller is dequeued by its call sid (Queue Member resource) into a
 * conference room named for the call, which the person joins next. `<Dial><Queue>` would bridge whoever is at the
 * head of the queue instead. If their phone does not connect, the call is free to take again.
 */
@Injectable()
export class VoiceCallTaking {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CallControl) private readonly calls: CallControl | null,
    private readonly transfers: VoiceTransferRepository,
    private readonly handoffs: HandoffRepository,
    private readonly states: ConversationStates,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * The waiting call of the conversation, or why it cannot be taken. One already ringing someone's phone passes:
   * the claim decides between people, and `dialPerson` refuses a second ring.
   */
  async takeable(conversationId: string): Promise<VoiceTransfer> {
    this.controls();
    const transfer = await this.transfers.latestForConversation(conversationId);
    if (!transfer || transfer.status === 'bridged') throw new CallTakingError('no_call', 'This conversation has no call waiting in the queue.');
    if (transfer.status === 'left') throw new CallTakingError('caller_gone', 'The caller hung up before the call was taken.');
    if (transfer.status === 'requested' || !transfer.queueSid)
      throw new CallTakingError('no_call', 'The caller is still being moved into the queue; try again in a moment.');
    return transfer;
  }

  /** Holds the conversation's waiting call for `accountId` and rings `phone`; returns the new call's sid. */
  async dialPerson(conversationId: string, accountId: string, phone: string): Promise<string> {
    const { calls, from } = this.controls();
    const transfer = await this.takeable(conversationId);
    const token = randomBytes(16).toString('hex');
    if (!(await this.transfers.reserveForTake(transfer.callSid, token, accountId, TAKE_HOLD_MS))) {
      await this.takeable(conversationId); // says why: it left meanwhile, or a phone is ringing for it already
      throw new CallTakingError('being_taken', 'A phone is already ringing for this call.');
    }
    const base = `${this.config.publicBaseUrl}/twilio/voice/take/${token}`;
    try {
      const agentCallSid = await calls.dial(phone, from, base, { statusCallback: `${base}/status`, timeoutMs: RING_MS });
      await this.transfers.setTakeCall(token, agentCallSid);
      this.logger.info({ callSid: transfer.callSid, agentCallSid, conversationId, accountId }, 'dialling the person who took the call');
      return agentCallSid;
    } catch (error) {
      await this.transfers.releaseTake(token);
      throw error;
    }
  }

  /** The person answered: dequeue their caller into the room, and whisper the summary to them on the way in. */
  async personAnswered(token: string, agentCallSid: string): Promise<string> {
    const held = await this.transfers.byTakeToken(token);
    if (!held) return unavailableTwiml('This call is no longer waiting for you. Goodbye.');
    const transfer = await this.transfers.markConnecting(token, agentCallSid);
    if (!transfer) return callerGoneTwiml();
    try {
      await this.controls().calls.dequeue(transfer.queueSid!, transfer.callSid, `${this.config.publicBaseUrl}/twilio/voice/take/${token}/caller`);
    } catch (error) {
      // Twilio answers 404 for a member that just left the queue: the caller hung up while the phone rang.
      this.logger.warn({ err: error, callSid: transfer.callSid, agentCallSid }, 'could not dequeue the caller');
      // markConnecting already said `bridged`; the caller is gone, so the inbox must not show them connected.
      await this.transfers.recordLeft(transfer.callSid, 'hangup', null, { evenIfBridged: true });
      return callerGoneTwiml();
    }
    this.logger.info({ callSid: transfer.callSid, agentCallSid }, 'connecting the caller to the person who took the call');
    const handoff = await this.handoffs.latestForConversation(transfer.conversationId);
    return whisperAndJoinTwiml(roomFor(transfer.callSid), handoff?.summary ?? null);
  }

  /** The dequeued caller's TwiML (the Member's `Url`). */
  async callerDequeued(token: string): Promise<string> {
    const transfer = await this.transfers.byTakeToken(token);
    if (!transfer) return unavailableTwiml('Sorry, we could not connect you. Please call again.');
    return callerJoinTwiml(roomFor(transfer.callSid));
  }

  /**
   * The person's call ended. If it never connected, or it did but never reached the caller still waiting (Twilio
   * could not fetch its answer TwiML from us, say), the caller is back to waiting for anyone and the conversation
   * unassigned.
   */
  async personCallEnded(token: string, callStatus: string): Promise<void> {
    if (callStatus !== 'completed' && !NOT_CONNECTED.has(callStatus)) return;
    const released = await this.transfers.releaseTake(token, { onlyWhileWaiting: !NOT_CONNECTED.has(callStatus) });
    if (!released) return;
    this.logger.info({ callSid: released.callSid, callStatus }, 'the person never reached the caller; the call is waiting again');
    try {
      await this.states.unassign(released.conversationId, { by: released.takenBy ?? undefined });
    } catch (error) {
      // Someone moved the conversation meanwhile (handed it on, resolved it): theirs to decide.
      if (!(error instanceof IllegalTransitionError)) throw error;
    }
  }

  private controls(): { calls: CallControl; from: string } {
    const from = this.config.voice.from;
    if (!this.calls || !from) {
      throw new CallTakingError(
        'not_configured',
        'Taking calls needs Twilio: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_VOICE_FROM (one of your Twilio numbers) and restart.',
      );
    }
    return { calls: this.calls, from };
  }
}

function roomFor(callSid: string): string {
  return `take-${callSid}`;
}
