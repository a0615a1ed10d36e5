import { Inject, Injectable } from '@nestjs/common';
import { AgentReply, AgentTransport, ConversationIntake, InboundMessage, ReceivedMessage } from '@support/conversation';
import { Metrics, ProviderError } from '@support/platform';

export interface DispatchCallbacks {
  /** Called once the message is stored, with its conversation. */
  onStored?(received: ReceivedMessage): void;
  onDelta?(text: string): void;
}

const REPLY_TIMEOUT_MS = 60_000;

/** Stores an inbound message, hands it to the agent, and waits for the reply. Every channel goes through here. */
@Injectable()
export class TurnDispatcher {
  constructor(
    private readonly intake: ConversationIntake,
    @Inject(AgentTransport) private readonly transport: AgentTransport,
    private readonly metrics: Metrics,
  ) {}

  async dispatch(inbound: InboundMessage, callbacks: DispatchCallbacks = {}): Promise<AgentReply> {
    const received = await this.intake.receive(inbound);
    this.metrics.messages.inc({ channel: inbound.channel, direction: 'in' });
    if (received.duplicate) this.metrics.duplicates.inc({ channel: inbound.channel });
    callbacks.onStored?.(received);
    const reply = await this.awaitReply(received, callbacks.onDelta);
    if (reply.text) this.metrics.messages.inc({ channel: inbound.channel, direction: 'out' });
    return reply;
  }

  private async awaitReply(received: ReceivedMessage, onDelta?: (text: string) => void): Promise<AgentReply> {
    const turn = { conversationId: received.conversation.id, messageId: received.message.id };
    let unsubscribe: () => void = () => undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<AgentReply>((resolve, reject) => {
        timer = setTimeout(() => reject(new ProviderError('agent', `no reply within ${REPLY_TIMEOUT_MS} ms`, true)), REPLY_TIMEOUT_MS);
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
