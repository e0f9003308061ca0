// The normalization stage's public shapes (re-exported by index.ts) and the shape each format extractor returns.

export type NormalizeInput = { bytes: Uint8Array; key: string; contentType?: string };

export type NormalizedDocument = {
  format: 'text' | 'markdown' | 'html' | 'docx' | 'pdf';
  /** 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252' (or another declared charset), 'binary' for docx/pdf. */
  encoding: string;
  title: string | null;
  /** YYYY-MM-DD from publication metadata only (a PDF's CreationDate is not one). */
  publishedDate: string | null;
  paragraphs: string[];
  /** paragraphs.join('\n\n') */
  text: string;
  /** Plain-ASCII view of text for matching, with the same paragraph breaks. */
  asciiText: string;
  /** ISO 639-1, null when undetermined. */
  language: string | null;
  warnings: string[];
};

export type DocumentFormat = NormalizedDocument['format'];

/**
 * What a format extractor hands to the repair stage: paragraph candidates in order. A candidate may hold
 * '\n' where a source line was hard-wrapped (or a <br>): repair joins those lines and fixes line-end hyphens.
 */
export type Extracted = {
  blocks: string[];
  title: string | null;
  publishedDate: string | null;
  warnings: string[];
};
