// Bytes → string for the text formats (plain text, Markdown, HTML), and the binary-content guard.
// UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised; invalid UTF-8 falls back to a charset the
// document declares, else Windows-1252 (the superset of Latin-1 that browsers use for "latin1" too).
import { reject } from './limits';

export type Decoded = { text: string; encoding: string; warnings: string[] };

// Node's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls (it takes the Latin-1 fast path), so the
// 32 code points that differ from Latin-1 are mapped here. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay
// as their C1 code points, as in the WHATWG Encoding Standard.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

const LATIN1_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'ascii',
  'us-ascii',
]);

/** The charset a document declares: the content type's charset parameter, else an HTML <meta> or XML prolog. */
export function declaredCharset(bytes: Uint8Array, contentType?: string): string | null {
  const fromType = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
  if (fromType) return fromType.toLowerCase();
  const head = decodeWindows1252(bytes.subarray(0, 2048));
  const meta =
    head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i)?.[1] ??
    head.match(/<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i)?.[1];
  return meta ? meta.toLowerCase() : null;
}

/** NUL bytes or more than 1% control characters mean binary content, not a text document. */
function looksBinary(units: ArrayLike<number>, length: number): boolean {
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const c = units[i];
    if (c === 0) return true;
    // Tab, LF, VT, FF, CR and ESC (ANSI colours in logs) are tolerated; so is the DOS end-of-file 0x1A.
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 26 && c !== 27) controls++;
  }
  return controls > Math.max(2, length * 0.01);
}

function rejectBinary(what: string): never {
  throw reject(
    'unsupported-format',
    `the file looks like binary data (${what}), not a text document; supported formats are text, Markdown, HTML, DOCX and PDF`,
  );
}

/** After a multi-byte decode: NULs, control characters, or many U+FFFD (bytes the charset could not map). */
function assertTextual(text: string): void {
  const sample = Math.min(text.length, 1 << 20);
  const codes = new Uint16Array(sample);
  let replaced = 0;
  for (let i = 0; i < sample; i++) {
    codes[i] = text.charCodeAt(i);
    if (codes[i] === 0xfffd) replaced++;
  }
  if (looksBinary(codes, sample)) rejectBinary('NUL or control characters after decoding');
  if (replaced > Math.max(2, sample * 0.01)) rejectBinary('bytes that are not valid in the detected encoding');
}

/** UTF-16 without a BOM: nearly every other byte is zero in ASCII-heavy text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.02) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.02) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', warnings: string[]): Decoded {
  const text = new TextDecoder(encoding).decode(bytes);
  assertTextual(text);
  return { text, encoding, warnings };
}

export function decodeText(bytes: Uint8Array, charset: string | null = null): Decoded {
  const warnings: string[] = [];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0) rejectBinary('UTF-32 is not supported');
    return decodeUtf16(bytes.subarray(2), 'utf-16le', warnings);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be', warnings);

  let body = bytes;
  let encoding = 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    encoding = 'utf-8-bom';
  } else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) return decodeUtf16(bytes, utf16, [`decoded as ${utf16} (no byte order mark)`]);
  }
  if (looksBinary(body, body.length)) rejectBinary('NUL bytes or many control characters');

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding, warnings };
  } catch {
    // Not UTF-8: fall through to the declared charset or Windows-1252.
  }
  if (charset && !LATIN1_LABELS.has(charset) && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      const decoder = new TextDecoder(charset);
      const text = decoder.decode(body);
      assertTextual(text);
      warnings.push(`decoded as ${decoder.encoding} (declared charset; invalid UTF-8)`);
      return { text, encoding: decoder.encoding, warnings };
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      // An unknown charset label: Windows-1252 is the best guess left.
    }
  }
  warnings.push('decoded as windows-1252 (invalid UTF-8)');
  return { text: decodeWindows1252(body), encoding: 'windows-1252', warnings };
}
