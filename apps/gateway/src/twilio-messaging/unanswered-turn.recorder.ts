import { Injectable } from '@nestjs/common';
import { AgentTurnRepository, NO_USAGE, ReceivedMessage } from '@support/conversation';
import { newId } from '@support/platform';

export type UnansweredReason = 'opted_out' | 'rate_limited' | 'keyword' | 'media_only';

/**
 * Marks a stored customer message as dealt with by the channel, not the agent (a STOP, a flood,
 * a picture). Without this turn record the agent would answer it later, when it catches up on
 * earlier unanswered messages: model spend and a reply nobody sees.
 */
@Injectable()
export class UnansweredTurnRecorder {
  constructor(private readonly turns: AgentTurnRepository) {}

  /** Records it once: false when the message already has a turn (a redelivery, or a resume after a crash). */
  async record(received: ReceivedMessage, reason: UnansweredReason, replyMessageId: string | null = null): Promise<boolean> {
    if (await this.turns.findByMessage(received.message.id)) return false;
    await this.turns.insert({
      id: newId('turn'),
      conversationId: received.conversation.id,
      messageId: received.message.id,
      replyMessageId,
      route: 'channel',
      intent: reason,
      intentConfidence: 1,
      passages: [],
      toolCalls: [],
      model: null,
      usage: NO_USAGE,
      costUsd: 0,
      latencyMs: {},
      gateDecision: 'reply',
      gateReason: `not_answered:${reason}`,
    });
    return true;
  }
}
