/** The text under one heading, with the path of headings above it. */
export interface MarkdownSection {
  headings: string[];
  text: string;
}

const HEADING = /^(#{1,3})[ \t]+(.+?)[ \t#]*$/;
const FENCE = /^[ \t]*(```|~~~)/;

/**
 * Cuts a Markdown body at `#`, `##` and `###` headings (not inside code fences). Deeper headings stay
 * in the text: they are usually too small to stand alone.
 */
export function splitMarkdownSections(body: string): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  let headings: string[] = [];
  let lines: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = lines.join('\n').trim();
    if (text) sections.push({ headings, text });
    lines = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (!heading) {
      lines.push(line);
      continue;
    }
    flush();
    const level = heading[1].length;
    headings = level === 1 ? [] : [...headings.slice(0, level - 2), heading[2].trim()];
  }
  flush();
  return sections;
}
