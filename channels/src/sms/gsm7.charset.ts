/** GSM 03.38 basic character set (one septet each); the escape character 0x1B is left out. */
const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** GSM 03.38 extension table: two septets each (escape + character). */
const EXTENSION = '\f^{}\\[~]|€';

export const GSM7_BASIC = new Set(BASIC);
export const GSM7_EXTENSION = new Set(EXTENSION);

/** Septets a character costs in GSM-7, or null when it is outside the alphabet (forcing UCS-2). */
export function gsm7Septets(char: string): 1 | 2 | null {
  if (GSM7_BASIC.has(char)) return 1;
  if (GSM7_EXTENSION.has(char)) return 2;
  return null;
}
