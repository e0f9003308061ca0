// Plain text → paragraph candidates. Blank lines separate blocks; inside a block, lines that were hard-wrapped
// (each filled up to the wrap width) belong to one paragraph, while short lines (headings, list items, an
// address) and unwrapped long lines each stand alone.

const LIST_ITEM = /^(?:[-*•▪‣◦+]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)/i;
/** Narrower than this, a block is a list of short lines rather than wrapped prose. */
const MIN_WRAP = 40;
/** Wider than this, lines were not hard-wrapped: editors and mail clients wrap at 60–100 columns. */
const MAX_WRAP = 120;

const SENTENCE_END = /[.!?:;"')\]…]$/u;

const firstWordLength = (line: string) => line.match(/^\S+/)?.[0].length ?? 0;

function splitBlock(lines: string[]): string[] {
  if (lines.length === 1) return lines;
  const width = lines.reduce((max, l) => Math.max(max, l.length), 0);
  const wrapped = width >= MIN_WRAP && width <= MAX_WRAP;
  const paragraphs: string[] = [];
  let current: string[] = [lines[0]];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    // A wrapped line was broken because the next word would not have fitted (with some slack for text that
    // was set in a proportional font); a line cut mid-sentence only needs to be half full.
    const full = wrapped
      ? SENTENCE_END.test(prev)
        ? prev.length + 1 + firstWordLength(line) > width * 0.92
        : prev.length >= width * 0.5
      : false;
    const hyphenated = /\p{L}-$/u.test(prev) && /^\p{L}/u.test(line);
    if ((full || hyphenated) && !LIST_ITEM.test(line)) {
      current.push(line);
    } else {
      paragraphs.push(current.join('\n'));
      current = [line];
    }
  }
  paragraphs.push(current.join('\n'));
  return paragraphs;
}

export function textToBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t\f\v\u00a0]*\n/)) {
    const lines = block
      .split('\n')
      .map((l) => l.replace(/[ \t\f\v\u00a0]+$/, '').replace(/^[ \t\f\v\u00a0]+/, ''))
      .filter((l) => l !== '');
    if (lines.length > 0) blocks.push(...splitBlock(lines));
  }
  return blocks;
}
