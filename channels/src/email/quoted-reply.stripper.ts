import { REPLY_MARKER } from './reply-marker';

/** Lines that introduce a quoted or forwarded original, in the languages mail clients write them in. */
const QUOTE_HEADER = [
  /^-{2,}\s*(original message|forwarded message|ursprüngliche nachricht|message d'origine|mensaje original)\s*-{2,}/i,
  /^_{10,}$/,
  /^on\s.{1,200}\swrote:$/i,
  /^am\s.{1,200}\sschrieb\s.{0,200}:$/i,
  /^le\s.{1,200}\sa écrit\s?:$/i,
  /^el\s.{1,200}\sescribió:$/i,
  /^(from|von|de):\s.+$/i,
];
/** Gmail wraps a long "On … wrote:" line; the start of one is enough when "wrote:" follows within two lines. */
const WRAPPED_QUOTE_START = /^(on|am|le|el)\s/i;
const WRAPPED_QUOTE_END = /(wrote|schrieb|a écrit|escribió)\s?:$/i;
/** The RFC 3676 signature delimiter is "-- "; many clients trim its space. */
const SIGNATURE_DELIMITER = /^--\s?$/;
/** Signatures clients add on their own. */
const CLIENT_SIGNATURE = /^(sent from my .{1,40}|get outlook for .{1,40}|sent from (mail|yahoo mail|outlook) for .{1,40})$/i;

/**
 * The text a customer actually wrote: our reply marker and anything under it, quoted history
 * (`>` lines, "On … wrote:", Outlook header blocks) and signatures (RFC 3676 `-- `, "Sent from
 * my iPhone") removed. The stripping is lossy by design; the raw mail stays in the mailbox.
 */
export function visibleReplyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    const trimmed = line.trim();
    if (line.includes(REPLY_MARKER)) break;
    if (SIGNATURE_DELIMITER.test(line)) break;
    if (kept.some((l) => l.trim()) && startsQuote(lines, i)) break;
    if (trimmed.startsWith('>') || CLIENT_SIGNATURE.test(trimmed)) continue;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function startsQuote(lines: string[], i: number): boolean {
  const line = lines[i].trim();
  if (QUOTE_HEADER.some((pattern) => pattern.test(line))) return true;
  if (!WRAPPED_QUOTE_START.test(line)) return false;
  const joined = lines
    .slice(i, i + 3)
    .map((l) => l.trim())
    .join(' ');
  return WRAPPED_QUOTE_END.test(lines[i + 1]?.trim() ?? '') || WRAPPED_QUOTE_END.test(lines[i + 2]?.trim() ?? '')
    ? /\s(wrote|schrieb|a écrit|escribió)\s?:/i.test(joined)
    : false;
}

/**
 * Plain text of an HTML-only mail with the quoted history left out: Gmail's `gmail_quote`,
 * Apple Mail's `blockquote type=cite`, Outlook's reply separator.
 */
export function htmlToVisibleText(html: string): string {
  const withoutQuotes = html
    .replace(/<(style|script|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, '')
    .replace(/<div[^>]+class="?[^">]*gmail_quote[\s\S]*$/i, '')
    .replace(/<div[^>]+id="?(divRplyFwdMsg|appendonsend)[\s\S]*$/i, '');
  const text = withoutQuotes
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
