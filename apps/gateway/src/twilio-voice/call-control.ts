/** Steering live calls through the provider's REST API. */
export abstract class CallControl {
  /** Replaces what the call is doing with this TwiML (ends its media stream). */
  abstract redirect(callSid: string, twiml: string): Promise<void>;
  abstract hangUp(callSid: string): Promise<void>;
  /** Places a call to `to` that runs the TwiML at `url` when answered; returns its call sid. */
  abstract dial(to: string, from: string, url: string): Promise<string>;
}
