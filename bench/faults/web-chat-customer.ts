import { describeFailure, MessageOutcome } from './message-outcome';

/** Longer than the gateway waits for the agent (turn deadline + margin), so the gateway's own answer comes first. */
const REQUEST_TIMEOUT_MS = 45_000;

interface ChatReply {
  conversationId: string;
  reply: string;
  handoff: unknown;
  sessionToken?: string;
}

/**
 * A browser on the chat page: `POST /api/chat`, and after a failed request (refused, reset, timed out,
 * 5xx) the same message again with the same `clientMessageId`, so the product can recognise the retry.
 */
export class WebChatCustomer {
  conversationId?: string;
  sessionToken?: string;
  /** The bot handed this conversation to a person: the customer has nothing more for the bot. */
  handedOff = false;

  constructor(private readonly gatewayUrl: () => string | null) {}

  /** One try; true when the reply arrived. */
  async send(outcome: MessageOutcome): Promise<boolean> {
    outcome.attempts++;
    const url = this.gatewayUrl();
    if (!url) {
      outcome.lastError = 'gateway down';
      return false;
    }
    const body = { text: outcome.message.text, conversationId: this.conversationId, clientMessageId: outcome.message.id };
    try {
      const response = await fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(this.sessionToken ? { 'X-Chat-Session': this.sessionToken } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      if (!response.ok) {
        outcome.lastError = `HTTP ${response.status}`;
        return false;
      }
      const reply = JSON.parse(text) as ChatReply;
      this.conversationId = reply.conversationId;
      this.sessionToken ??= reply.sessionToken;
      this.handedOff = Boolean(reply.handoff);
      outcome.acknowledged = true;
      outcome.conversationId = this.conversationId;
      outcome.sessionToken = this.sessionToken;
      return true;
    } catch (error) {
      outcome.lastError = describeFailure(error);
      return false;
    }
  }

  /** What the customer sees of the conversation now (`GET /api/chat/:id/messages`), or null if it cannot be read. */
  async history(): Promise<Array<{ author: string; text: string }> | null> {
    const url = this.gatewayUrl();
    if (!url || !this.conversationId) return null;
    try {
      const response = await fetch(`${url}/api/chat/${this.conversationId}/messages`, {
        headers: { 'X-Chat-Session': this.sessionToken ?? '' },
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) return null;
      return ((await response.json()) as { messages: Array<{ author: string; text: string }> }).messages;
    } catch {
      return null;
    }
  }
}
