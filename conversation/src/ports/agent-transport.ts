/** Ask the agent to answer one stored customer message. */
export interface TurnRequest {
  conversationId: string;
  messageId: string;
}

export interface HandoffNotice {
  reason: string;
  summary: string;
}

/** The agent's answer to one customer message, as channels deliver it. */
export interface AgentReply {
  conversationId: string;
  /** The customer message answered. */
  messageId: string;
  /** The stored bot message; null when the bot stays silent (a person has the conversation). */
  replyMessageId: string | null;
  text: string;
  handoff: HandoffNotice | null;
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
