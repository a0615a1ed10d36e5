import { BaseUrlRequestClient } from '@support/channels';
import { ProviderError } from '@support/platform';
import twilio from 'twilio';
import { CallControl } from './call-control';

/** Live-call REST through the `twilio` SDK (`Calls/{CallSid}.json`, `Calls.json`, `Queues/{QU}/Members/{CA}.json`). */
export class TwilioCallControl extends CallControl {
  private readonly client: twilio.Twilio;

  constructor(settings: { accountSid: string; authToken: string; apiBaseUrl?: string }) {
    super();
    this.client = twilio(settings.accountSid, settings.authToken, {
      httpClient: settings.apiBaseUrl ? new BaseUrlRequestClient(settings.apiBaseUrl) : undefined,
    });
  }

  async redirect(callSid: string, twiml: string): Promise<void> {
    await this.call('update call', () => this.client.calls(callSid).update({ twiml }));
  }

  async hangUp(callSid: string): Promise<void> {
    await this.call('hang up', () => this.client.calls(callSid).update({ status: 'completed' }));
  }

  async dial(to: string, from: string, url: string, options: { statusCallback?: string; timeoutMs?: number } = {}): Promise<string> {
    const status = options.statusCallback ? { statusCallback: options.statusCallback, statusCallbackMethod: 'POST', statusCallbackEvent: ['completed'] } : {};
    const timeout = options.timeoutMs === undefined ? {} : { timeout: Math.round(options.timeoutMs / 1000) };
    const call = await this.call('place call', () => this.client.calls.create({ to, from, url, method: 'POST', ...status, ...timeout }));
    return call.sid;
  }

  /** `POST Queues/{QU}/Members/{CA}.json` with `Url`: dequeues that member, whatever its position. */
  async dequeue(queueSid: string, callSid: string, url: string): Promise<void> {
    await this.call('dequeue caller', () => this.client.queues(queueSid).members(callSid).update({ url, method: 'POST' }));
  }

  private async call<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const status = (error as { status?: number }).status;
      throw new ProviderError('twilio', `${what} failed: ${(error as Error).message}`, status === undefined || status >= 500 || status === 429);
    }
  }
}
