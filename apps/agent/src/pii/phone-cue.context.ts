// The customer says a phone number comes next: "call me on", "Mobile:", "my number is", "text me at", "not answering at".
const CUE_BEFORE =
  /\b(?:phone|phoned|mobile|cell|cellphone|tel|telephone|landline|fax|desk|whatsapp|signal|viber|sms|text|texts|texting|call|calls|calling|called|ring|reach|contact|dial|number|answer|answers|answering|voicemail|messages?|messaging)\b[^\w\n]*(?:\b(?:me|us|him|her|them|at|on|to|is|was|my|our|your|his|the|no|num|number|back|directly|new|old|from|via|or)\b[^\w\n]*){0,4}$/i;
// ...or labels it right after: "416 60 039 office", "+46 8 928 571 38 (fax)".
const CUE_AFTER = /^[^\w\n]{0,3}(?:office|fax|mobile|cell|home|work|desk|phone|landline|whatsapp)\b/i;
const LOOK_AROUND = 40;

/** Whether the words just before `start` introduce what follows as a phone number. */
export function isIntroducedAsPhoneNumber(text: string, start: number): boolean {
  return CUE_BEFORE.test(text.slice(Math.max(0, start - LOOK_AROUND), start));
}

/** Whether the words just before `start` or just after `end` say the number between is a phone number. */
export function isCuedAsPhoneNumber(text: string, start: number, end: number): boolean {
  return isIntroducedAsPhoneNumber(text, start) || CUE_AFTER.test(text.slice(end, end + LOOK_AROUND));
}
