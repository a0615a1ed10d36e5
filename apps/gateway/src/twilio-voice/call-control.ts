/** Steering live calls through the provider's REST API. */
export abstract class CallControl {
  /** Replaces what the call is doing with this TwiML (ends its media stream). */
  abstract redirect(callSid: string, twiml: string): Promise<void>;
  abstract hangUp(callSid: string): Promise<void>;
  /**
   * Places a call to `to` that runs the TwiML at `url` when answered; returns its call sid. `statusCallback` hears
   * how it ended (`completed`, or `busy`, `no-answer`, `failed`, `canceled` when it never connected).
   */
  abstract dial(to: string, from: string, url: string, options?: { statusCallback?: string; timeoutMs?: number }): Promise<string>;
  /** Takes this caller out of the queue (wherever they are in line) and runs the TwiML at `url` on their call. */
  abstract dequeue(queueSid: string, callSid: string, url: string): Promise<void>;
}
