import { Inject, Injectable } from '@nestjs/common';
import { AgentReply, AgentTransport, ConversationIntake, InboundMessage, ReceivedMessage } from '@support/conversation';
import { APP_CONFIG, Metrics, ProviderError } from '@support/platform';
import type { AppConfig } from '@support/platform';

export interface DispatchCallbacks {
  /** Called once the message is stored, with its conversation. */
  onStored?(received: ReceivedMessage): void;
  onDelta?(text: string): void;
}

/** Routing, retrieval, the handoff summary (at most 4 s), recording and the transport, on top of the model's time. */
const REPLY_MARGIN_MS = 10_000;

/**
 * How long to wait for the agent's reply: its turn deadline (the longer of text and voice), one try of
 * the router's model call, and the margin. Longer than any turn the agent ends itself, with an apology
 * and a person; reached only when no agent answers at all.
 */
export function replyTimeoutMs(config: AppConfig): number {
  const { text, voice } = config.agent.turnBudgets;
  return Math.max(text.deadlineMs, voice.deadlineMs) + (config.anthropic?.timeoutMs ?? 0) + REPLY_MARGIN_MS;
}

/** Stores an inbound message, hands it to the agent, and waits for the reply. Every channel goes through here. */
@Injectable()
export class TurnDispatcher {
  private readonly replyTimeoutMs: number;

  constructor(
    private readonly intake: ConversationIntake,
    @Inject(AgentTransport) private readonly transport: AgentTransport,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.replyTimeoutMs = replyTimeoutMs(config);
  }

  async dispatch(inbound: InboundMessage, callbacks: DispatchCallbacks = {}): Promise<AgentReply> {
    const received = await this.receive(inbound);
    callbacks.onStored?.(received);
    return this.answer(received, callbacks.onDelta);
  }

  /** Stores the message in its conversation (a redelivery finds the stored one). */
  async receive(inbound: InboundMessage): Promise<ReceivedMessage> {
    const received = await this.intake.receive(inbound);
    this.metrics.messages.inc({ channel: inbound.channel, direction: 'in' });
    if (received.duplicate) this.metrics.duplicates.inc({ channel: inbound.channel });
    return received;
  }

  /** Hands an already stored message to the agent and waits for the reply (the stored one, if it was answered before). */
  async answer(received: ReceivedMessage, onDelta?: (text: string) => void): Promise<AgentReply> {
    const reply = await this.awaitReply(received, onDelta);
    if (reply.text) this.metrics.messages.inc({ channel: received.message.channel, direction: 'out' });
    return reply;
  }

  private async awaitReply(received: ReceivedMessage, onDelta?: (text: string) => void): Promise<AgentReply> {
    const turn = { conversationId: received.conversation.id, messageId: received.message.id };
    let unsubscribe: () => void = () => undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<AgentReply>((resolve, reject) => {
        timer = setTimeout(() => reject(new ProviderError('agent', `no reply within ${this.replyTimeoutMs} ms`, true)), this.replyTimeoutMs);
        this.transport
          .subscribe(turn.conversationId, (event) => {
            if (event.messageId !== turn.messageId) return;
            if (event.type === 'delta') onDelta?.(event.text);
            else if (event.type === 'completed') resolve(event.reply);
            else reject(new ProviderError('agent', event.error, true));
          })
          .then((off) => {
            unsubscribe = off;
            // A redelivered message is submitted too: the agent answers it from the stored turn, never twice.
            return this.transport.submit(turn);
          })
          .catch(reject);
      });
    } finally {
      clearTimeout(timer);
      unsubscribe();
    }
  }
}
