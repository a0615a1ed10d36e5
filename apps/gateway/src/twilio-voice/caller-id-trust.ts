import type { VoiceConfig } from '@support/platform';

/** STIR/SHAKEN full attestation: the carrier knows the caller and that they may use this number. */
const FULL_ATTESTATION = 'TN-Validation-Passed-A';

/**
 * Whether the calling number identifies the customer (their orders without further proof). Caller ID can be
 * spoofed; by default only a number the carrier attested in full is trusted (Twilio's `StirVerstat`).
 */
export function callerIdProvesCustomer(trust: VoiceConfig['trustCallerId'], stirVerstat: string | undefined): boolean {
  if (trust === 'always') return true;
  if (trust === 'never') return false;
  return stirVerstat === FULL_ATTESTATION;
}
