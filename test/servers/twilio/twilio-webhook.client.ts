import twilio from 'twilio';
import type { WebhookParams } from './twilio-webhook.builder';

export interface WebhookAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Calls the gateway's Twilio webhooks as Twilio does: form-encoded POST, signed with the SDK's own
 * `getExpectedTwilioSignature` over the *public* URL (PUBLIC_BASE_URL + path), the way it is when
 * the gateway sits behind a proxy and the test reaches it on 127.0.0.1.
 */
export class TwilioWebhookClient {
  constructor(
    private readonly gatewayUrl: string,
    private readonly publicBaseUrl: string,
    private readonly authToken: string,
  ) {}

  signature(path: string, params: WebhookParams): string {
    return twilio.getExpectedTwilioSignature(this.authToken, `${this.publicBaseUrl}${path}`, params);
  }

  /** `signature: null` sends none; a string sends that one instead of the right one. */
  async post(path: string, params: WebhookParams, options: { signature?: string | null } = {}): Promise<WebhookAnswer> {
    const signature = options.signature === undefined ? this.signature(path, params) : options.signature;
    return this.postRaw(path, new URLSearchParams(params).toString(), {
      'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
      ...(signature === null ? {} : { 'X-Twilio-Signature': signature }),
    });
  }

  async postRaw(path: string, body: string, headers: Record<string, string>): Promise<WebhookAnswer> {
    const response = await fetch(`${this.gatewayUrl}${path}`, { method: 'POST', headers: { 'User-Agent': 'TwilioProxy/1.1', ...headers }, body });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
  }
}
