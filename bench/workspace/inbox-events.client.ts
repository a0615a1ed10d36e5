/**
 * The workspace's live inbox feed (`GET /workspace/api/inbox/events`) read as the page's EventSource reads it,
 * noting when each conversation is first named in an `inbox` event, by this process's clock.
 */
export class InboxEventsClient {
  private readonly firstNamedAt = new Map<string, number>();
  private readonly waiters = new Map<string, (at: number) => void>();

  private constructor(private readonly abort: AbortController) {}

  /** Opens the feed with a signed-in person's cookies; resolves once its first event (the current count) arrived. */
  static async open(baseUrl: string, cookieHeader: string): Promise<InboxEventsClient> {
    const abort = new AbortController();
    const response = await fetch(`${baseUrl}/workspace/api/inbox/events`, {
      headers: { Cookie: cookieHeader, Accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (response.status !== 200 || !response.body) throw new Error(`the inbox feed answered ${response.status}`);
    const client = new InboxEventsClient(abort);
    const reader = response.body.getReader();
    let firstEvent!: () => void;
    const opened = new Promise<void>((resolve) => (firstEvent = resolve));
    void (async () => {
      const decoder = new TextDecoder();
      let buffered = '';
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        const at = Date.now();
        buffered += decoder.decode(value, { stream: true });
        const blocks = buffered.split('\n\n');
        buffered = blocks.pop()!;
        for (const block of blocks) {
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: inbox$/m.test(block) && data) client.named(JSON.parse(data).changed as string[], at);
          if (data) firstEvent();
        }
      }
    })();
    await opened;
    return client;
  }

  /** When an `inbox` event first named this conversation; fails after `timeoutMs`. */
  firstNamed(conversationId: string, timeoutMs: number): Promise<number> {
    const seen = this.firstNamedAt.get(conversationId);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no inbox event named ${conversationId} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.set(conversationId, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  close(): void {
    this.abort.abort();
  }

  private named(conversationIds: string[], at: number): void {
    for (const id of conversationIds) {
      if (this.firstNamedAt.has(id)) continue;
      this.firstNamedAt.set(id, at);
      this.waiters.get(id)?.(at);
      this.waiters.delete(id);
    }
  }
}
