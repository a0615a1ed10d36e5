import { Inject, Injectable } from '@nestjs/common';
import { AgentReply, ConversationRepository, HandoffRepository } from '@support/conversation';
import { LOGGER } from '@support/platform';
import type { Logger } from '@support/platform';
import { CustomerReach } from './customer-reach';
import { HandoffDelivery, HandoffDestination } from './handoff-destination';

/**
 * The one place handoffs reach their destinations. The gate records every handoff with its packet, which is what
 * the workspace inbox lists; a channel calls `handOff` once its customer has been told, and each registered
 * destination that accepts the handoff gets the same delivery. Channel modules register their destinations at start.
 */
@Injectable()
export class HandoffDesk {
  private readonly destinations: HandoffDestination[] = [];

  constructor(
    private readonly handoffs: HandoffRepository,
    private readonly conversations: ConversationRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  register(destination: HandoffDestination): void {
    this.destinations.push(destination);
  }

  /** Delivers the reply's handoff, if it has one; returns the names of the destinations that took it. */
  async handOff(reply: AgentReply, reach: CustomerReach): Promise<string[]> {
    const delivery = await this.deliveryFor(reply, reach);
    if (!delivery) return [];
    const taken: string[] = [];
    for (const destination of this.destinations.filter((d) => d.accepts(delivery))) {
      await destination.deliver(delivery);
      taken.push(destination.name);
    }
    this.logger.info(
      { conversationId: delivery.conversation.id, handoffId: delivery.handoff.id, kind: delivery.kind, destinations: taken },
      'handoff delivered',
    );
    return taken;
  }

  private async deliveryFor(reply: AgentReply, reach: CustomerReach): Promise<HandoffDelivery | null> {
    if (!reply.handoff) return null;
    const tx = reach.channel === 'email' ? reach.tx : undefined;
    const [handoff, conversation] = await Promise.all([
      reply.handoff.handoffId ? this.handoffs.get(reply.handoff.handoffId, tx) : this.handoffs.latestForConversation(reply.conversationId, tx),
      this.conversations.get(reply.conversationId, tx),
    ]);
    if (!handoff || !conversation) return null;
    // An earlier handoff (or the bot said nothing): a person already has it or is awaited, and this is the customer's next message.
    const followUp = reply.handoff.earlier || !reply.text.trim();
    return { kind: followUp ? 'follow_up' : 'handoff', handoff, conversation, reply, reach };
  }
}
