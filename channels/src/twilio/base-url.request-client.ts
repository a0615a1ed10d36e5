import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

/**
 * The SDK builds absolute https://<product>.twilio.com URLs and has no base-URL option
 * (twilio 6.2.0, lib/base/BaseTwilio.js): this client swaps the origin for TWILIO_API_BASE_URL
 * (a proxy, or a local server in tests), keeping the path, auth and form body as the SDK made them.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly base: string;

  constructor(baseUrl: string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.base = baseUrl.replace(/\/+$/, '');
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(/^https?:\/\/[^/]+/, this.base) });
  }
}
