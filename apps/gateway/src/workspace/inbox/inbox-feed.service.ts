import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { SSE_HEADERS } from '@support/channels';
import { LOGGER } from '@support/platform';
import type { Logger } from '@support/platform';
import type { Response } from 'express';
import { ConversationStateAdapter, OpenConversationVersion } from '../handling/conversation-state.adapter';
import { SessionRepository } from '../sessions/session.repository';

/** How often open inboxes look for change; handoffs are written by agent workers, possibly in other processes. */
export const INBOX_POLL_MS = 250;
const KEEP_ALIVE_MS = 25_000;

/**
 * Tells every open workspace page, over Server-Sent Events, which conversations changed (a new handoff, a claim,
 * a message, a note), so it fetches what it shows again. It reads the database while a page is open, so it sees
 * changes made by any process: agent workers, other gateways.
 */
@Injectable()
export class InboxFeed implements OnApplicationShutdown {
  /** Each open page, with the session token it was opened with. */
  private readonly pages = new Map<Response, string>();
  private versions = new Map<string, OpenConversationVersion>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly state: ConversationStateAdapter,
    private readonly sessions: SessionRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * `sessionToken` is the page's session: the stream ends when it does (sign-out here at once; a sign-out elsewhere,
   * a new password or its expiry by the next keep-alive), so a browser signed out hears nothing more.
   */
  async open(res: Response, sessionToken: string): Promise<void> {
    if (!this.pages.size) this.versions = await this.state.versions();
    res.status(200).set(SSE_HEADERS);
    res.flushHeaders();
    res.write(event('inbox', { changed: [], waiting: this.waiting() }));
    this.pages.set(res, sessionToken);
    const keepAlive = setInterval(() => void this.keepAlive(res, sessionToken), KEEP_ALIVE_MS);
    res.on('close', () => {
      clearInterval(keepAlive);
      this.pages.delete(res);
      if (!this.pages.size) this.stop();
    });
    this.timer ??= setInterval(() => this.nudge(), INBOX_POLL_MS);
  }

  /** Ends the pages open with this session. */
  signedOut(sessionToken: string): void {
    for (const [res, token] of this.pages) if (token === sessionToken) res.end();
  }

  /** Looks now (after a change made here), rather than at the next tick. */
  nudge(): void {
    if (!this.pages.size) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = this.poll()
      .catch((error) => this.logger.warn({ err: error }, 'inbox poll failed'))
      .finally(() => {
        this.polling = null;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  onApplicationShutdown(): void {
    for (const res of this.pages.keys()) res.end();
    this.pages.clear();
    this.stop();
  }

  private async poll(): Promise<void> {
    const next = await this.state.versions();
    const changed = [...new Set([...next.keys(), ...this.versions.keys()])].filter((id) => next.get(id)?.version !== this.versions.get(id)?.version);
    this.versions = next;
    if (!changed.length) return;
    const payload = event('inbox', { changed, waiting: this.waiting() });
    for (const res of this.pages.keys()) res.write(payload);
  }

  private async keepAlive(res: Response, sessionToken: string): Promise<void> {
    try {
      if (await this.sessions.find(sessionToken)) res.write(': keep-alive\n\n');
      else res.end();
    } catch (error) {
      this.logger.warn({ err: error }, 'inbox keep-alive failed');
    }
  }

  /** Conversations no one has taken yet: the count in the page title. */
  private waiting(): number {
    return [...this.versions.values()].filter((open) => open.waiting).length;
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}
