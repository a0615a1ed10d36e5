/**
 * The longest start of `text` that `fits`, ending after a whole sentence; when not even the first
 * sentence fits, cut after a word and end with "..." (three dots: "…" is not in GSM-7).
 */
export function cutAtSentence(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const sentences = text.match(/[^.!?\n]+(?:[.!?]+["')\]]*|\n|$)\s*/g) ?? [text];
  let kept = '';
  for (const sentence of sentences) {
    if (!fits((kept + sentence).trim())) break;
    kept += sentence;
  }
  if (kept.trim()) return kept.trim();
  let cut = '';
  for (const word of text.split(/(\s+)/)) {
    if (!fits(`${cut}${word}...`.trim())) break;
    cut += word;
  }
  return `${cut.trim()}...`;
}
