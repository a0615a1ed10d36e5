/** Ask the agent to answer one stored customer message. */
export interface TurnRequest {
  conversationId: string;
  messageId: string;
}

export interface HandoffNotice {
  /** The stored handoff, with its packet (absent on replies stored before handoffs had ids here). */
  handoffId?: string;
  reason: string;
  summary: string;
  /** Not made by this turn: the handoff the conversation already waits on, which this message now belongs to. */
  earlier?: boolean;
}

/** The agent's answer to one customer message, as channels deliver it. */
export interface AgentReply {
  conversationId: string;
  /** The customer message answered. */
  messageId: string;
  /** The stored bot message; null when the bot stays silent (a person has the conversation). */
  replyMessageId: string | null;
  text: string;
  /**
   * This turn's handoff; on a turn the bot stayed silent for (a person has the conversation), the handoff the
   * person is answering, so channels can pass the customer's new message on to them.
   */
  handoff: HandoffNotice | null;
  /** `person` while the conversation waits for or is with a person: an empty `text` then means the person will reply. */
  waitingFor?: 'person' | null;
}

export type TurnEvent =
  | { type: 'delta'; conversationId: string; messageId: string; text: string }
  | { type: 'completed'; conversationId: string; messageId: string; reply: AgentReply }
  | { type: 'failed'; conversationId: string; messageId: string; error: string };

export type TurnListener = (event: TurnEvent) => void;

/**
 * How the gateway reaches the agent: in process by default, through Redis (BullMQ) when
 * REDIS_URL is set. Turns of one conversation are answered in order, and each message once.
 */
export abstract class AgentTransport {
  abstract submit(turn: TurnRequest): Promise<void>;
  /** Events for every turn of a conversation, from now on. Returns the unsubscribe function. */
  abstract subscribe(conversationId: string, listener: TurnListener): Promise<() => void>;
  abstract close(): Promise<void>;
}

/** The agent's side of the transport: answers a turn, streaming deltas through `emit`. */
export abstract class TurnHandler {
  abstract handle(turn: TurnRequest, emit: TurnListener): Promise<AgentReply>;
}
