import { createHmac, timingSafeEqual } from 'node:crypto';
import { ForbiddenException } from '@nestjs/common';
import twilio from 'twilio';

/**
 * Checks `X-Twilio-Signature` over the public URL Twilio called (PUBLIC_BASE_URL + path and query,
 * never `req.protocol` behind a TLS proxy) and the form parameters. 403 otherwise.
 */
export function assertTwilioSignature(
  authToken: string | undefined,
  publicBaseUrl: string,
  originalUrl: string,
  signature: string | undefined,
  params: Record<string, unknown>,
): void {
  if (!authToken || !signature) throw new ForbiddenException('Missing or unverifiable Twilio signature.');
  if (!twilio.validateRequest(authToken, signature, `${publicBaseUrl}${originalUrl}`, params ?? {})) {
    throw new ForbiddenException('Invalid Twilio signature.');
  }
}

/**
 * A token for the media stream of one call (its sid and caller), passed as a `<Parameter>`: whether Twilio signs the
 * WebSocket upgrade is not confirmed (twilio-voice.md, gotcha 8), so the stream proves itself this way.
 */
export function mediaStreamToken(authToken: string, callSid: string, caller: { from: string; verified: boolean }): string {
  // The caller's number and whether it proves who they are are signed too: they decide whose orders the call may see.
  return createHmac('sha256', authToken)
    .update(`media-stream:${callSid}:${caller.from}:${caller.verified ? 'verified' : 'unverified'}`)
    .digest('base64url');
}

export function isValidMediaStreamToken(authToken: string, callSid: string, caller: { from: string; verified: boolean }, token: string | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(mediaStreamToken(authToken, callSid, caller));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
