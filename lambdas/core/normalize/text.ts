// Plain text → paragraph candidates. Blank lines separate blocks; inside a block, lines that were hard-wrapped
// (filled up to the document's wrap width) belong to one paragraph, while short lines (headings, an address, a
// dateline), list items, table rows (dotted leaders or space-aligned columns, whose last cell may wrap), "Label:
// value" rows after another row or a full stop, lines after a line that ends with a colon, more-indented lines and
// the first mixed-case line after an all-caps one each start a paragraph.
// E-mail conventions are understood: "> " quote markers are dropped (a change of quoting depth ends a block),
// a header block (From:/To:/Date:/Subject:) stays one paragraph, and a short "-- " signature is removed.

export type TextBlocks = { blocks: string[]; warnings: string[] };

type Line = { text: string; indent: number; depth: number };

const LIST_ITEM = /^(?:[-*•▪‣◦+]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)/i;
/** Narrower than this, a document is not hard-wrapped prose. */
const MIN_WRAP = 40;
/** Wider than this, lines were not hard-wrapped: editors and mail clients wrap at 60–100 columns. */
const MAX_WRAP = 120;
const SENTENCE_END = /[.!?:;"')\]…]$/u;
/** A dotted-leader table row ("Dr. Claudia Brenner ........ Chair of the Board"). */
const LEADER_ROW = /\S\s*(?:\.{4,}|…{2,}|_{4,})\s*\S/;
/** A row of space-aligned columns ("Ms. Lakshmi S. Iyer          Managing Director & CEO"). */
const COLUMN_GAP = /\S(?: {3,}|\t[ \t]*)(?=\S)/g;
const EMAIL_HEADER = /^(?:From|To|Cc|CC|Bcc|BCC|Date|Sent|Subject|Reply-To):[ \t]/;
/**
 * A row that starts with a short label: "Media: …", "For (11): …", "Investor Relations: …", "Regd. Office: …"
 * (a word that ends with a full stop is an abbreviation of up to four letters, so "President. Taking part were:"
 * is a sentence, not a label).
 */
const LABEL =
  /^(?:\p{Lu}[\p{L}\p{N}'’&/-]*|\p{Lu}\p{L}{0,3}\.)(?: (?:[\p{L}\p{N}()'’&/-]+|\p{L}{1,4}\.)){0,3}:(?:\s|$)/u;
const FORWARD_MARKER = /^(?:-{2,}\s*)?(?:forwarded message|original message|begin forwarded message)\b/i;
const QUOTE = /^[ \t]*>(?:[ \t]*>)*(?=[ \t]|$)/;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** Longest e-mail signature removed: a longer tail after "-- " is content that follows a separator. */
const MAX_SIGNATURE_LINES = 8;

const firstWordLength = (s: string) => s.match(/^\S+/)?.[0].length ?? 0;
const columns = (s: string) => s.replace(/\t/g, '    ').length;

function parseLine(raw: string): Line {
  // trimEnd, not /[ \t]+$/: that regex is quadratic on a long run of spaces inside a line.
  let rest = raw.trimEnd();
  let depth = 0;
  const quote = rest.match(QUOTE);
  if (quote) {
    depth = (quote[0].match(/>/g) ?? []).length;
    rest = rest.slice(quote[0].length).replace(/^[ \t]/, '');
  }
  const text = rest.replace(/^[ \t\f\v\u00a0]+/, '');
  return { text, indent: columns(rest.slice(0, rest.length - text.length)), depth };
}

const isAllCaps = (s: string) => !/\p{Ll}/u.test(s) && (s.match(/\p{Lu}/gu)?.length ?? 0) >= 4;

/** Table rows are short; the length cap also keeps the leader pattern from backtracking over long lines. */
const isTableRow = (line: Line) =>
  line.text.length <= 300 && (LEADER_ROW.test(line.text) || line.text.search(COLUMN_GAP) >= 0);

/** The column a table row's last cell starts at: a wrapped cell continues there on the next line. */
function lastCellColumn(line: Line): number {
  let column = -1;
  for (const gap of line.text.matchAll(COLUMN_GAP)) column = line.indent + gap.index + gap[0].length;
  return column;
}

/** The column the text of a list item starts at ("   - H.E. …" → 5), for hanging-indent continuation lines. */
const hangingColumn = (line: Line) => line.indent + (line.text.match(LIST_ITEM)?.[0].length ?? 0);

/** Removes "-- " signatures (short, before the next quoted or forwarded part); other separator lines just go. */
function dropSignatures(lines: Line[], warnings: string[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text !== '--') {
      out.push(line);
      continue;
    }
    let end = i + 1;
    let count = 0;
    let longest = 0;
    while (end < lines.length) {
      const next = lines[end];
      if (next.depth !== line.depth || EMAIL_HEADER.test(next.text) || FORWARD_MARKER.test(next.text)) break;
      if (next.text !== '') {
        count++;
        longest = Math.max(longest, next.text.length);
      }
      end++;
    }
    if (count > 0 && count <= MAX_SIGNATURE_LINES && longest <= 100) {
      const first = lines.slice(i + 1, end).find((l) => l.text !== '')!.text;
      warnings.push(`removed e-mail signature: "${first.length > 60 ? `${first.slice(0, 59)}…` : first}"`);
      i = end - 1;
    }
    // Otherwise only the "--" line goes (it has no words); the block still ends there.
    else out.push({ ...line, text: '' });
  }
  return out;
}

/** The document's wrap width: the 90th percentile of the lines that another line follows in their block. */
function wrapWidth(blocks: Line[][]): number {
  const widths: number[] = [];
  for (const block of blocks) for (const line of block.slice(0, -1)) widths.push(line.indent + line.text.length);
  if (widths.length < 3) {
    return blocks.flat().reduce((max, l) => Math.max(max, l.indent + l.text.length), 0);
  }
  widths.sort((a, b) => a - b);
  return widths[Math.floor((widths.length - 1) * 0.9)];
}

function splitBlock(lines: Line[], docWidth: number): string[] {
  const blockWidth = lines.reduce((max, l) => Math.max(max, l.indent + l.text.length), 0);
  const docWrapped = docWidth >= MIN_WRAP && docWidth <= MAX_WRAP;
  // A document that is not hard-wrapped overall can still hold a hard-wrapped block.
  const width = docWrapped ? docWidth : blockWidth;
  // A block of short lines only (an address, a dateline, a small table) is not wrapped prose.
  const wrapped = width >= MIN_WRAP && width <= MAX_WRAP && blockWidth >= width * 0.8;
  const paragraphs: string[] = [];
  let current: Line[] = [lines[0]];
  let inHeader = EMAIL_HEADER.test(lines[0].text);
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    const prevLength = prev.indent + prev.text.length;
    let join: boolean;
    if (inHeader) {
      // A header block is one paragraph; a folded header continues on an indented line.
      join = EMAIL_HEADER.test(line.text) || line.indent > 0;
    } else if (isTableRow(prev) && line.indent > prev.indent && Math.abs(line.indent - lastCellColumn(prev)) <= 1) {
      join = !isTableRow(line); // the last cell of the row above, wrapped
    } else if (
      EMAIL_HEADER.test(line.text) ||
      LIST_ITEM.test(line.text) ||
      isTableRow(line) ||
      isTableRow(current[0]) ||
      (LABEL.test(line.text) && (LABEL.test(prev.text) || SENTENCE_END.test(prev.text))) ||
      // An all-caps heading or letterhead line, then a line in mixed case.
      (isAllCaps(prev.text) && /\p{Ll}/u.test(line.text)) ||
      // A line that ends with a colon introduces what follows: a list, a quote, a reply ("… wrote:").
      (prev.text.endsWith(':') && /^[\p{Lu}\p{N}"']/u.test(line.text)) ||
      (line.indent >= prev.indent + 2 &&
        !(LIST_ITEM.test(current[0].text) && Math.abs(line.indent - hangingColumn(current[0])) <= 1))
    ) {
      join = false;
    } else if (/\p{L}-$/u.test(prev.text) && /^\p{L}/u.test(line.text)) {
      join = true; // a word hyphenated across the line end
    } else if (!wrapped) {
      join = false;
    } else if (SENTENCE_END.test(prev.text)) {
      // After a full stop a line was only broken because the next word would not have fitted (with some slack
      // for text set in a proportional font); a line longer than the wrap width was not wrapped at all.
      join = prevLength <= width * 1.1 && prevLength + 1 + firstWordLength(line.text) > width * 0.92;
    } else {
      // A line cut mid-sentence only needs to be half full.
      join = prevLength >= width * 0.5;
    }
    if (join) {
      current.push(line);
      continue;
    }
    paragraphs.push(current.map((l) => l.text).join('\n'));
    current = [line];
    inHeader = EMAIL_HEADER.test(line.text);
  }
  paragraphs.push(current.map((l) => l.text).join('\n'));
  return paragraphs;
}

export function textToBlocks(source: string): TextBlocks {
  const warnings: string[] = [];
  const lines = dropSignatures(source.replace(/\r\n?/g, '\n').split('\n').map(parseLine), warnings);
  // Blocks: runs of non-blank lines at one quoting depth. A line without any letter or digit (a rule of dashes,
  // "* * *", "=====") separates blocks and is dropped. (Bullets and decoration go in repair, for every format.)
  const blocks: Line[][] = [];
  let block: Line[] = [];
  const end = () => {
    if (block.length > 0) blocks.push(block);
    block = [];
  };
  for (const line of lines) {
    if (block.length > 0 && line.depth !== block[0].depth) end();
    if (!HAS_WORD.test(line.text)) {
      end();
      continue;
    }
    block.push(line);
  }
  end();
  const width = wrapWidth(blocks);
  return { blocks: blocks.flatMap((b) => splitBlock(b, width)), warnings };
}
