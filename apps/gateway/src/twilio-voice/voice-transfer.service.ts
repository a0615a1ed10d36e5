import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HandoffRepository, MessageRepository } from '@support/conversation';
import { APP_CONFIG, LOGGER } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { HandoffDesk } from '../handoff/handoff-desk';
import { HandoffDelivery, HandoffDestination } from '../handoff/handoff-destination';
import { CallControl } from './call-control';
import type { CutOff } from './reply-playback';
import { VoiceTransferRepository } from './voice-transfer.repository';
import { enqueueTwiml, whisperAndBridgeTwiml, nobodyWaitingTwiml } from './voice.twiml';
import { VOICE_PROMPTS } from './voice-prompts';

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

  /** TwiML for a person's leg (they called the agent line, or we dialled them): the summary, then the bridge. */
  async whisperForAgent(agentCallSid: string): Promise<string> {
    const queue = this.config.voice.queueName;
    const head = await this.transfers.headOfQueue(queue);
    if (!head) return nobodyWaitingTwiml();
    await this.transfers.markTakenBy(head.callSid, agentCallSid);
    const handoff = await this.handoffs.latestForConversation(head.conversationId);
    return whisperAndBridgeTwiml(queue, handoff?.summary ?? null);
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
