import { Injectable } from '@nestjs/common';
import { newId } from '@support/platform';
import type { NextFunction, Request, Response } from 'express';

/** How long a client (a load balancer, Twilio) is asked to wait before trying again: another replica, or this one restarted. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Counts the requests in flight and, once draining, answers new ones 503 with `Connection: close`
 * (the process is stopping; a load balancer sends them to another replica). A chat page's event
 * stream is not waited for: it lasts as long as the page is open, and the page reconnects.
 */
@Injectable()
export class RequestDrain {
  private draining = false;
  private readonly inFlight = new Set<Response>();
  private onSettled: (() => void) | null = null;

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (this.draining) {
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(503).json({ message: 'The service is restarting: please try again in a few seconds.', errorId: newId('err') });
      return;
    }
    this.inFlight.add(res);
    res.once('close', () => {
      this.inFlight.delete(res);
      if (this.draining && this.waitedFor() === 0) this.onSettled?.();
    });
    next();
  };

  get isDraining(): boolean {
    return this.draining;
  }

  /** From now on new requests are refused; resolves once those already in flight have been answered. */
  drain(): Promise<void> {
    this.draining = true;
    if (this.waitedFor() === 0) return Promise.resolve();
    return new Promise((resolve) => (this.onSettled = resolve));
  }

  private waitedFor(): number {
    return [...this.inFlight].filter((res) => !isEventStream(res)).length;
  }
}

function isEventStream(res: Response): boolean {
  return res.req.method === 'GET' && String(res.getHeader('content-type') ?? '').startsWith('text/event-stream');
}
