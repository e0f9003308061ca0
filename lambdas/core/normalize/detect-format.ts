// Which extractor a document goes to. Magic bytes decide for containers (PDF, zip); for the text formats the
// key's extension wins, then the content type, then a look at the text itself.
import { reject } from './limits';
import type { DocumentFormat } from './types';

export type Container = 'pdf' | 'zip' | null;

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

// Binary formats people upload by mistake: named so the rejection says what was received.
const KNOWN_BINARY: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['an RTF document', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const extensionOf = (key: string): string => {
  const name = key.split(/[/\\]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

function indexOfAscii(bytes: Uint8Array, needle: string, limit: number): number {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** An OLE2 file named .docx is what Word writes for a password-protected document. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

/** Looks at magic bytes only; throws for binary formats this stage does not read. */
export function detectContainer(bytes: Uint8Array, key: string, contentType?: string): Container {
  const ext = extensionOf(key);
  // Readers accept junk before the PDF header; only a file that claims to be a PDF gets that tolerance, so a
  // text that merely mentions "%PDF-" near its start stays text.
  const claimsPdf = ext === 'pdf' || /^application\/(?:x-)?pdf\b/i.test(contentType ?? '');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]) || (claimsPdf && indexOfAscii(bytes, '%PDF-', 1024) >= 0)) {
    return 'pdf';
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, OLE2)) {
    if (isEncryptedOffice(bytes))
      throw reject('encrypted', 'the DOCX is password-protected (encrypted Office package)');
    throw reject('unsupported-format', 'legacy Office binary file (.doc/.xls/.ppt); save it as DOCX or PDF');
  }
  for (const [what, sig] of KNOWN_BINARY) {
    if (startsWith(bytes, sig)) throw reject('unsupported-format', `the file is ${what}, not a supported document`);
  }
  if (ext === 'pdf') throw reject('corrupt', 'the file is named .pdf but has no PDF header (%PDF-)');
  if (ext === 'docx') throw reject('corrupt', 'the file is named .docx but is not a zip package');
  return null;
}

const PAGE_OPENING = /^<(?:!doctype\s+html|html|head|body)\b/i;

/**
 * Whether a text opens like a web page: optional whitespace, an XML prolog and comments, then a doctype or an
 * <html>, <head> or <body> tag. A scan rather than one regular expression: a run of comments before text that
 * is not a page made the backtracking regex take exponential time.
 */
function opensLikeHtml(text: string): boolean {
  let at = text.length - text.trimStart().length;
  if (text.startsWith('<?xml', at)) {
    const end = text.indexOf('>', at);
    if (end < 0) return false;
    at = end + 1;
  }
  for (;;) {
    while (at < text.length && /\s/.test(text[at])) at++;
    if (!text.startsWith('<!--', at)) break;
    const end = text.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = end + 3;
  }
  return PAGE_OPENING.test(text.slice(at, at + 20));
}
const HTML_END = /<\/(?:html|body)\s*>/i;
/** A text file that is a whole web page: it opens like one and closes with </body> or </html>. */
export const textReadsAsHtml = (text: string): boolean => opensLikeHtml(text) && HTML_END.test(text.slice(-4096));
const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function sniffText(text: string): DocumentFormat {
  if (opensLikeHtml(text)) return 'html';
  const head = text.slice(0, 10_000);
  if (
    head.trimStart().startsWith('<') &&
    (head.match(/<\/?(?:p|div|br|span|a|h[1-6]|ul|li|table)\b/gi)?.length ?? 0) >= 3
  ) {
    return 'html';
  }
  if (FRONT_MATTER.test(text)) return 'markdown';
  const signals = [
    /^#{1,6}[ \t]+\S/m, // ATX heading
    /\[[^\]\n]+\]\([^)\s]+\)/, // inline link
    /(\*\*|__)\S[^\n]*?\S\1/, // strong emphasis
    /^```/m, // fenced code
    /^[ \t]*[-*+][ \t]+\S[^\n]*\n[ \t]*[-*+][ \t]+\S/m, // two list items
  ].filter((re) => re.test(head)).length;
  return signals >= 2 ? 'markdown' : 'text';
}

/** The format a file's name claims, or null when its extension says nothing we read. */
export function formatFromName(key: string): DocumentFormat | null {
  const ext = extensionOf(key);
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return 'html';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  return null;
}

/** Text, Markdown or HTML for a decoded text document. */
export function detectTextFormat(text: string, key: string, contentType?: string): DocumentFormat {
  const named = formatFromName(key);
  if (named === 'markdown' || named === 'html') return named;
  // A .txt that is really a saved web page still goes through the HTML extractor: it opens like a page and
  // closes one too (a normalized text that merely starts with a literal "<html>" stays text).
  if (named === 'text') return textReadsAsHtml(text) ? 'html' : 'text';
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  return sniffText(text);
}
