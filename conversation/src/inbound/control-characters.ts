/** C0 and C1 control characters and DEL, except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Removes control characters a person cannot have meant to send (NUL, escape sequences, …). They are
 * dropped rather than refused, because SMS and email carry them in by accident; PostgreSQL cannot
 * store NUL in text at all.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}
