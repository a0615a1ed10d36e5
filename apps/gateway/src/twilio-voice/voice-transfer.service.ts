import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ConversationRepository, ConversationStates, HandoffRepository, IllegalTransitionError, MessageRepository } from '@support/conversation';
import { APP_CONFIG, LOGGER } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { HandoffDesk } from '../handoff/handoff-desk';
import { HandoffDelivery, HandoffDestination } from '../handoff/handoff-destination';
import { CallControl } from './call-control';
import { callerIdProvesCustomer } from './caller-id-trust';
import type { CutOff } from './reply-playback';
import { VoiceTransferRepository } from './voice-transfer.repository';
import { enqueueTwiml, whisperAndBridgeTwiml, nobodyWaitingTwiml, unavailableTwiml } from './voice.twiml';
import { VOICE_PROMPTS } from './voice-prompts';

/** Twilio's fields of a call to the agent line. */
export interface AgentLineCall {
  callSid: string;
  from: string;
  to: string;
  /** `outbound-api` for the leg the product dialled to `VOICE_AGENT_NUMBER`, `inbound` for a person calling in. */
  direction: string;
  stirVerstat: string | undefined;
}

/** Who is on the agent line: a workspace account (its id), or `VOICE_AGENT_NUMBER` that is no account (null). */
type StaffCaller = { accountId: string | null };

const STAFF_ONLY = 'This line is for support staff only. Goodbye.';
const TAKEN_BY_COLLEAGUE = 'Another member of the team has already taken the caller waiting first. Goodbye.';
const NO_LONGER_WAITING = 'The caller waiting first no longer needs a person. Goodbye.';

/**
 * The Twilio voice queue as a handoff destination (warm transfer): the caller into the queue, and a person's leg
 * hears the summary before the bridge. The call session hands the caller over through the desk once they have
 * heard the bot's last words.
 */
@Injectable()
export class VoiceTransferService implements HandoffDestination, OnModuleInit {
  readonly name = 'voice_queue';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CallControl) private readonly calls: CallControl | null,
    private readonly transfers: VoiceTransferRepository,
    private readonly handoffs: HandoffRepository,
    private readonly messages: MessageRepository,
    private readonly conversations: ConversationRepository,
    private readonly states: ConversationStates,
    private readonly desk: HandoffDesk,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.desk.register(this);
  }

  accepts(delivery: HandoffDelivery): boolean {
    return delivery.reach.channel === 'voice';
  }

  /** Records the transfer first: updating the call ends its media stream (twilio-voice.md §5). */
  async deliver({ reach, conversation, handoff }: HandoffDelivery): Promise<void> {
    if (reach.channel !== 'voice') return;
    if (!this.calls) throw new Error('TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN are not set; a call cannot be transferred');
    const call = reach;
    const queue = this.config.voice.queueName;
    await this.transfers.insert({ callSid: call.callSid, conversationId: conversation.id, handoffId: handoff.id, queueName: queue });
    const base = this.config.publicBaseUrl;
    await this.calls.redirect(
      call.callSid,
      enqueueTwiml(queue, VOICE_PROMPTS.transfer, { waitUrl: `${base}/twilio/voice/hold`, action: `${base}/twilio/voice/queue-result` }),
    );
    this.logger.info({ callSid: call.callSid, conversationId: conversation.id, queue }, 'call transferred to the queue');
    const { agentNumber, from } = this.config.voice;
    if (agentNumber && from) {
      const agentCallSid = await this.calls.dial(agentNumber, from, `${base}/twilio/voice/agent`);
      this.logger.info({ callSid: call.callSid, agentCallSid }, 'dialled a person for the transfer');
    }
  }

  /**
   * TwiML for a call to the agent line: the summary of the caller at the head of the queue, then the bridge, only
   * for someone on the team (see `staffCaller`), who claims that caller's conversation; anyone else hears a short
   * refusal and the call ends, nobody dequeued.
   */
  async agentLine(call: AgentLineCall): Promise<string> {
    const staff = await this.staffCaller(call);
    if (!staff) return unavailableTwiml(STAFF_ONLY);
    return this.whisperForAgent(call.callSid, staff);
  }

  /**
   * The leg the product dialled to `VOICE_AGENT_NUMBER`, or a person calling in whose caller ID is a workspace
   * account's phone or `VOICE_AGENT_NUMBER` and is trusted as a customer's would be (`VOICE_TRUST_CALLER_ID`, by
   * default only a number the carrier attested in full): caller ID alone can be spoofed. Null for anyone else.
   */
  private async staffCaller(call: AgentLineCall): Promise<StaffCaller | null> {
    const { agentNumber, trustCallerId } = this.config.voice;
    if (call.direction === 'outbound-api') {
      if (agentNumber && call.to === agentNumber) return { accountId: await this.transfers.accountWithPhone(agentNumber) };
      return this.refuse(call, 'not a call the product placed to VOICE_AGENT_NUMBER');
    }
    const accountId = await this.transfers.accountWithPhone(call.from);
    if (!accountId && !(agentNumber && call.from === agentNumber)) return this.refuse(call, 'caller ID is no account phone nor VOICE_AGENT_NUMBER');
    if (!callerIdProvesCustomer(trustCallerId, call.stirVerstat)) return this.refuse(call, 'caller ID not trusted (VOICE_TRUST_CALLER_ID)');
    return { accountId };
  }

  private refuse(call: AgentLineCall, reason: string): null {
    this.logger.warn(
      { callSid: call.callSid, from: call.from, to: call.to, direction: call.direction, stirVerstat: call.stirVerstat ?? null, reason },
      'agent line refused a caller who is not on the team',
    );
    return null;
  }

  /** The summary of the first caller waiting, then the bridge; their conversation is claimed for the person. */
  private async whisperForAgent(agentCallSid: string, staff: StaffCaller): Promise<string> {
    const queue = this.config.voice.queueName;
    const head = await this.transfers.headOfQueue(queue);
    if (!head) return nobodyWaitingTwiml();
    if (!(await this.transfers.markTakenBy(head.callSid, agentCallSid, staff.accountId))) return unavailableTwiml(TAKEN_BY_COLLEAGUE);
    const refusal = await this.claim(head.conversationId, staff.accountId);
    if (refusal) {
      await this.transfers.releaseTakenBy(head.callSid, agentCallSid);
      this.logger.info(
        { callSid: head.callSid, agentCallSid, accountId: staff.accountId, conversationId: head.conversationId },
        `agent line refused: ${refusal}`,
      );
      return unavailableTwiml(refusal === 'taken' ? TAKEN_BY_COLLEAGUE : NO_LONGER_WAITING);
    }
    this.logger.info(
      { callSid: head.callSid, agentCallSid, accountId: staff.accountId, conversationId: head.conversationId },
      'agent line bridging a person to the caller',
    );
    const handoff = await this.handoffs.latestForConversation(head.conversationId);
    return whisperAndBridgeTwiml(queue, handoff?.summary ?? null);
  }

  /**
   * Claims the conversation for the account, as Take call does (already theirs is fine). Without an account (a
   * `VOICE_AGENT_NUMBER` that is nobody's phone) nothing is recorded, but a conversation someone holds is still theirs.
   */
  private async claim(conversationId: string, accountId: string | null): Promise<'taken' | 'not_waiting' | null> {
    if (!accountId) {
      const conversation = await this.conversations.get(conversationId);
      if (!conversation) return 'not_waiting';
      return conversation.assignee ? 'taken' : null;
    }
    try {
      await this.states.claim(conversationId, accountId);
      return null;
    } catch (error) {
      if (!(error instanceof IllegalTransitionError)) throw error;
      if (error.assignee === accountId && error.status === 'with_human') return null;
      return error.assignee ? 'taken' : 'not_waiting';
    }
  }

  async recordWaiting(callSid: string, position: number | null, waitMs: number | null, queueSid: string | null): Promise<void> {
    await this.transfers.recordWaiting(callSid, position, waitMs, queueSid);
  }

  async recordLeft(callSid: string, result: string, waitMs: number | null): Promise<void> {
    await this.transfers.recordLeft(callSid, result, waitMs);
  }

  /** A system line in the conversation: what the caller heard of the bot's reply before cutting in. */
  async noteCutOff(conversationId: string, callSid: string, utterance: number, cut: CutOff): Promise<void> {
    await this.messages.insert({
      conversationId,
      channel: 'voice',
      direction: 'outbound',
      author: 'system',
      text: `[caller interrupted the bot] heard: "${cut.heard}" — not heard: "${cut.unheard}"`,
      channelMessageId: `${callSid}:${utterance}:cut-off`,
    });
  }
}
