import { cutAtSentence } from '../twilio/sentence-cut';
import { WHATSAPP_CAPABILITIES } from './whatsapp.capabilities';

const BOLD = '\u0000B\u0000';

/** Markdown the model may write, in WhatsApp's own light formatting: *bold*, _italic_, ~strike~. */
export function toWhatsAppText(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\[([^\]]+)\]\((\S+?)\)/g, '$1 ($2)')
    .replace(/^#{1,6}\s+(.+)$/gm, `${BOLD}$1${BOLD}`)
    .replace(/(\*\*|__)(.+?)\1/g, `${BOLD}$2${BOLD}`)
    .replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1_$2_')
    .replace(/~~(.+?)~~/g, '~$1~')
    .replace(/^\s*[*+]\s+/gm, '- ')
    .replaceAll(BOLD, '*')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A reply fitted to WhatsApp: its formatting, within Twilio's 1600 characters, cut at a sentence. */
export function formatWhatsAppReply(text: string): string {
  return cutAtSentence(toWhatsAppText(text), (candidate) => candidate.length <= WHATSAPP_CAPABILITIES.maxTextLength);
}
