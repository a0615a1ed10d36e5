import { ChannelUnderContract, ContractMessage } from './channel-under-contract';

interface Session {
  conversationId: string;
  token: string;
}

/**
 * The web chat as a browser uses it: the reply comes back on the request, so a message is acknowledged by its
 * reply, and a request that failed (or that the browser gave up on) is sent again with the same
 * `clientMessageId`. Each customer first opens a conversation with a greeting; the message under test continues it.
 */
export class WebChatChannel implements ChannelUnderContract {
  readonly name = 'web chat';
  private gatewayUrl = '';
  private readonly sessions = new Map<string, Promise<Session>>();
  private readonly acknowledgedIds = new Set<string>();
  private giveUpNext = false;

  async start(): Promise<Record<string, string>> {
    return { CHAT_RATE_LIMIT_PER_MINUTE: '1000' };
  }

  async connected(gatewayUrl: string): Promise<void> {
    this.gatewayUrl = gatewayUrl;
  }

  async deliver(message: ContractMessage): Promise<void> {
    const session = await this.session(message.customer);
    if (this.giveUpNext) {
      // The browser stops waiting before the reply arrives, and sends the message again.
      this.giveUpNext = false;
      await this.post(session, message, AbortSignal.timeout(300)).catch(() => undefined);
    }
    const response = await this.post(session, message, AbortSignal.timeout(60_000)).catch(() => null);
    if (response?.ok) this.acknowledgedIds.add(message.id);
  }

  async acknowledged(message: ContractMessage): Promise<boolean> {
    return this.acknowledgedIds.has(message.id);
  }

  /** Replies after the message in the conversation's history, as the page shows them after a reload. */
  async replies(message: ContractMessage): Promise<number> {
    const session = await this.sessions.get(message.customer)?.catch(() => null);
    if (!session) return 0;
    const response = await fetch(`${this.gatewayUrl}/api/chat/${session.conversationId}/messages`, { headers: { 'X-Chat-Session': session.token } }).catch(
      () => null,
    );
    if (!response?.ok) return 0;
    const { messages } = (await response.json()) as { messages: Array<{ author: string; text: string }> };
    const asked = messages.findIndex((m) => m.author === 'customer' && m.text === message.text);
    return asked < 0 ? 0 : messages.slice(asked + 1).filter((m) => m.author !== 'customer').length;
  }

  loseNextSendOutcome(): void {
    this.giveUpNext = true;
  }

  /** The reply travels on the customer's own request: there is no provider to be slow. */
  slowSends(): void {}

  async stop(): Promise<void> {}

  /** One conversation per customer, opened by their first message (two at once share it). */
  private session(customer: string): Promise<Session> {
    let session = this.sessions.get(customer);
    if (!session) {
      session = this.open();
      this.sessions.set(customer, session);
    }
    return session;
  }

  private async open(): Promise<Session> {
    const response = await fetch(`${this.gatewayUrl}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Hello' }),
    });
    if (!response.ok) throw new Error(`opening a chat failed: HTTP ${response.status} ${await response.text()}`);
    const { conversationId, sessionToken } = (await response.json()) as { conversationId: string; sessionToken: string };
    return { conversationId, token: sessionToken };
  }

  private post(session: Session, message: ContractMessage, signal: AbortSignal): Promise<Response> {
    return fetch(`${this.gatewayUrl}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Chat-Session': session.token },
      body: JSON.stringify({ conversationId: session.conversationId, text: message.text, clientMessageId: message.id }),
      signal,
    });
  }
}
