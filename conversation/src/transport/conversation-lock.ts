/** Runs work for one conversation at a time, across every worker that shares the lock. */
export abstract class ConversationLock {
  abstract run<T>(conversationId: string, work: () => Promise<T>): Promise<T>;
  /** Releases connections; work in flight is not cut off. */
  async close(): Promise<void> {}
}

/** The lock of a single process: a promise chain per conversation. */
export class InProcessConversationLock extends ConversationLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(conversationId, tail);
    void tail.then(() => {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    return result;
  }
}
