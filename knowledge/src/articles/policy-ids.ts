const POLICY_ID = /\bPOL-[A-Z0-9]+(?:-[A-Z0-9]+)*/g;

/** The policy ids a text states (e.g. "(policy POL-RETURN-30D)"), each once, in order of appearance. */
export function findPolicyIds(text: string): string[] {
  return [...new Set(text.match(POLICY_ID) ?? [])];
}
