import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { SSE_HEADERS, sseEvent } from '@support/channels';
import type { Response } from 'express';
import { PushedMessage, WebChatFanout } from './web-chat-fanout';

const KEEP_ALIVE_MS = 25_000;

/**
 * Open event streams of web chat pages, per conversation, so a person's reply reaches a customer
 * who is not waiting on a request of their own, whichever gateway their page is connected to.
 */
@Injectable()
export class WebChatPush implements OnApplicationShutdown {
  private readonly streams = new Map<string, { pages: Set<Response>; stopListening: Promise<() => Promise<void>> }>();

  constructor(private readonly fanout: WebChatFanout) {}

  /**
   * Opens the page's stream. The headers (the browser's EventSource `open`) and ": connected" go out
   * only once its messages are listened for, so nothing sent after either is missed.
   */
  async open(conversationId: string, res: Response): Promise<void> {
    let open = this.streams.get(conversationId);
    if (!open) {
      const pages = new Set<Response>();
      open = { pages, stopListening: this.fanout.listen(conversationId, (message) => this.write(pages, message)) };
      this.streams.set(conversationId, open);
    }
    const { pages } = open;
    const current = open;
    res.status(200).set(SSE_HEADERS);
    pages.add(res);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    res.on('close', () => {
      clearInterval(keepAlive);
      pages.delete(res);
      if (pages.size || this.streams.get(conversationId) !== current) return;
      this.streams.delete(conversationId);
      void current.stopListening.then((stop) => stop());
    });
    await open.stopListening;
    if (res.destroyed) return;
    res.flushHeaders();
    res.write(': connected\n\n');
  }

  /** How many gateways delivered the message to an open page of the conversation (0: none is open). */
  send(conversationId: string, message: PushedMessage): Promise<number> {
    return this.fanout.send(conversationId, message);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const { pages } of this.streams.values()) for (const res of pages) res.end();
    this.streams.clear();
    await this.fanout.close();
  }

  private write(pages: Set<Response>, message: PushedMessage): void {
    for (const res of pages) res.write(sseEvent('message', message));
  }
}
