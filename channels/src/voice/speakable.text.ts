/**
 * Text written for a screen, made fit to be read aloud: no Markdown marks, no bare URLs,
 * order numbers read as their digits. The stored reply keeps the original text.
 */
export function toSpeakable(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, 'the link in our help center')
    .replace(/[*_`#>]+/g, '')
    .replace(/^\s*[-•]\s+/gm, '')
    .replace(/\(\s*POL-[A-Z0-9-]+\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
