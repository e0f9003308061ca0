// Size, count and time caps for the normalization stage. Each cap turns into a DocumentRejection with a
// reason, so a hostile or pathological upload never hangs or exhausts a Lambda.
import { DocumentRejection } from '../errors';

export const NORMALIZE_LIMITS = {
  /** Whole upload, checked before anything else reads the bytes. */
  maxBytes: 10 * 1024 * 1024,
  /** PDF page count, checked before any page is parsed. */
  maxPdfPages: 300,
  /** Sum of the uncompressed sizes a DOCX zip declares, and the real inflated size of the parts read. */
  maxDocxUncompressedBytes: 64 * 1024 * 1024,
  /** Entries in a DOCX zip. */
  maxZipEntries: 5000,
  /** Longest source line (text, Markdown) and longest extracted paragraph, in characters. */
  maxLineChars: 200_000,
  /** Wall-clock budget for one document; async parsers are raced against it, sync stages check it. */
  timeoutMs: 20_000,
  /** HTML elements (counted by a tag scan before parsing): more is not a web page but a DOM bomb. */
  maxHtmlElements: 400_000,
  /** HTML nesting depth: Chrome's parser stops nesting at 512 too; linkedom's cost grows faster than linearly. */
  maxHtmlDepth: 512,
  /** Above this many elements an HTML page skips Readability (its scoring is not linear) for the plain walk. */
  maxReadabilityElements: 30_000,
  /** Texts shorter than this (characters) get language null: franc guesses wildly on a line or two. */
  minLanguageChars: 100,
};

export type NormalizeLimits = typeof NORMALIZE_LIMITS;

export const reject = (code: string, message: string): DocumentRejection => new DocumentRejection(code, message);

/** Wall-clock budget shared by the stages of one document. */
export class Deadline {
  private readonly end: number;
  constructor(readonly timeoutMs: number) {
    this.end = Date.now() + timeoutMs;
  }
  remaining(): number {
    return Math.max(0, this.end - Date.now());
  }
  check(stage: string): void {
    if (Date.now() > this.end) {
      throw reject('too-complex', `normalization took longer than ${this.timeoutMs} ms (during ${stage})`);
    }
  }
  /** Races an async parser against the remaining budget; onTimeout lets it release resources. */
  async race<T>(work: Promise<T>, stage: string, onTimeout?: () => void): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, rejectPromise) => {
      timer = setTimeout(() => {
        onTimeout?.();
        rejectPromise(reject('too-complex', `${stage} took longer than ${this.timeoutMs} ms`));
      }, this.remaining());
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
