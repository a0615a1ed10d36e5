export type KeywordAction = 'stop' | 'start' | 'help';

// Twilio's default keywords on long codes (Advanced Opt-Out docs): the whole message, any case.
const KEYWORDS: Record<string, KeywordAction> = {
  STOP: 'stop',
  STOPALL: 'stop',
  UNSUBSCRIBE: 'stop',
  CANCEL: 'stop',
  END: 'stop',
  QUIT: 'stop',
  REVOKE: 'stop',
  OPTOUT: 'stop',
  START: 'start',
  YES: 'start',
  UNSTOP: 'start',
  HELP: 'help',
  INFO: 'help',
};

/**
 * The carrier keyword a message is, if it is one. `optOutType` is Twilio's own verdict
 * (Advanced Opt-Out on a Messaging Service, custom keywords included) and wins when present.
 */
export function keywordAction(body: string, optOutType?: string): KeywordAction | null {
  const fromTwilio = optOutType?.trim().toUpperCase();
  if (fromTwilio === 'STOP' || fromTwilio === 'START' || fromTwilio === 'HELP') return fromTwilio.toLowerCase() as KeywordAction;
  const word = body
    .trim()
    .replace(/[.!]+$/, '')
    .toUpperCase();
  return KEYWORDS[word] ?? null;
}
