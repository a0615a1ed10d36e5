import { refuse, RetailOutcome, succeed } from './retail-outcome';

/**
 * What one conversation has proven to the retail tools: which customer it is. Set by finding the
 * customer by email or by name and ZIP code (never by a user id the model passes), and fixed from then on:
 * one customer per conversation.
 */
export class RetailSession {
  private userId: string | null;

  constructor(options: { authenticatedUserId?: string } = {}) {
    this.userId = options.authenticatedUserId ?? null;
  }

  get authenticatedUserId(): string | null {
    return this.userId;
  }

  /** Records the customer found by their own details; a different customer is refused. */
  authenticate(userId: string): RetailOutcome<string> {
    if (this.userId && this.userId !== userId) {
      return refuse('other_customer', 'This conversation is already authenticated as another customer; only one customer can be helped per conversation.');
    }
    this.userId = userId;
    return succeed(userId);
  }
}

/**
 * The conversation's state for one tool call. `confirmed` comes from the conversation (the customer's
 * own explicit "yes" to the action just described), never from the model's arguments.
 */
export interface RetailCallContext {
  session: RetailSession;
  confirmed: boolean;
}
