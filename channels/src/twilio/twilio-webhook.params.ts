import { ValidationError } from '@support/platform';

/** A Twilio webhook's form fields as parsed: strings, or arrays for repeated keys. */
export type TwilioWebhookParams = Record<string, string | string[]>;

/** Checks that a parsed body is a flat form (what Twilio sends) and returns it unchanged, for signing. */
export function asTwilioParams(body: unknown): TwilioWebhookParams {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('Expected a form-encoded Twilio webhook body.');
  for (const value of Object.values(body)) {
    const flat = typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    if (!flat) throw new ValidationError('Expected a form-encoded Twilio webhook body.');
  }
  return body as TwilioWebhookParams;
}

/** One field's value; a repeated key (never sent by Twilio for these fields) counts as its first value. */
export function field(params: TwilioWebhookParams, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

export function requiredField(params: TwilioWebhookParams, name: string): string {
  const value = field(params, name)?.trim();
  if (!value) throw new ValidationError(`The Twilio webhook has no ${name}.`);
  return value;
}
