import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { sseEvent } from '@support/channels';
import type { Response } from 'express';

const KEEP_ALIVE_MS = 25_000;

/**
 * Open event streams of web chat pages, per conversation, so a person's reply reaches a customer
 * who is not waiting on a request of their own. In memory: one gateway process's pages.
 */
@Injectable()
export class WebChatPush implements OnApplicationShutdown {
  private readonly streams = new Map<string, Set<Response>>();

  open(conversationId: string, res: Response): void {
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    res.write(': connected\n\n');
    const streams = this.streams.get(conversationId) ?? new Set<Response>();
    streams.add(res);
    this.streams.set(conversationId, streams);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    res.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(res);
      if (!streams.size) this.streams.delete(conversationId);
    });
  }

  /** Whether a page of this conversation is listening. */
  isOpen(conversationId: string): boolean {
    return (this.streams.get(conversationId)?.size ?? 0) > 0;
  }

  publish(conversationId: string, message: { author: string; text: string; messageId: string }): void {
    for (const res of this.streams.get(conversationId) ?? []) res.write(sseEvent('message', message));
  }

  onApplicationShutdown(): void {
    for (const streams of this.streams.values()) for (const res of streams) res.end();
    this.streams.clear();
  }
}
