import { EventEmitter } from 'node:events';
import { AgentTransport, TurnEvent, TurnHandler, TurnListener, TurnRequest } from '../ports/agent-transport';

/** Gateway and agent in one process (the default): turns go straight to the handler. */
export class InProcessAgentTransport extends AgentTransport {
  private readonly events = new EventEmitter().setMaxListeners(0);
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly handler: TurnHandler,
    private readonly onError: (error: unknown, turn: TurnRequest) => void,
  ) {
    super();
  }

  async submit(turn: TurnRequest): Promise<void> {
    const emit = (event: TurnEvent) => this.events.emit(event.conversationId, event);
    const work = this.handler.handle(turn, emit).catch((error) => {
      this.onError(error, turn);
      emit({ type: 'failed', conversationId: turn.conversationId, messageId: turn.messageId, error: String(error?.message ?? error) });
    });
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  async subscribe(conversationId: string, listener: TurnListener): Promise<() => void> {
    this.events.on(conversationId, listener);
    return () => this.events.off(conversationId, listener);
  }

  /** Waits for turns in flight, so nothing is cut off mid-reply at shutdown. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
