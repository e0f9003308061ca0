// The extractor on every hand-labeled sample (samples/*.expected.json): participant precision and recall, and
// the exact event date. Documents go through the normalizer (lambdas/core/normalize) when it loads; otherwise a
// crude stand-in here strips markup (HTML: the <article> paragraphs and meta tags; Markdown: front matter and
// emphasis) and splits on blank lines. Prints a small table.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { type ExtractInput, extractMetadata, personKey } from '../../lambdas/core/extract';

type Expected = {
  file: string;
  publishedDate: string | null;
  eventDate: string | null;
  eventEndDate: string | null;
  location: { place: string | null; country: string | null; virtual: boolean } | null;
  participants: { name: string }[];
  mentionedPeople: { name: string }[];
  countries: string[];
};

const samplesDir = new URL('../../samples/', import.meta.url);
const labels = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.expected.json'))
  .sort();

type Normalize = (input: { bytes: Uint8Array; key: string; contentType?: string }) => Promise<ExtractInput>;
let normalizer: Normalize | null | undefined;
async function loadNormalizer(): Promise<Normalize | null> {
  if (normalizer !== undefined) return normalizer;
  try {
    const mod = (await import('../../lambdas/core/normalize/index')) as { normalizeDocument?: Normalize };
    normalizer = typeof mod.normalizeDocument === 'function' ? mod.normalizeDocument : null;
  } catch {
    normalizer = null;
  }
  return normalizer;
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  middot: '·',
  ndash: '–',
  mdash: '—',
  eacute: 'é',
  nbsp: ' ',
};
const decode = (s: string) => s.replace(/&(\w+);/g, (m, e) => entities[e] ?? m);

/** Crude stand-in for the normalizer, enough for the samples. */
function crude(file: string, raw: string): ExtractInput {
  let title: string | null = null;
  let publishedDate: string | null = null;
  let blocks: string[];
  if (file.endsWith('.html')) {
    title = decode(/property="og:title" content="([^"]+)"/.exec(raw)?.[1] ?? '') || null;
    publishedDate = /article:published_time" content="(\d{4}-\d{2}-\d{2})/.exec(raw)?.[1] ?? null;
    const article = /<article[^>]*>([\s\S]*?)<\/article>/.exec(raw)?.[1] ?? raw;
    blocks = [...article.matchAll(/<(p|h[1-6]|li|figcaption)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
      decode(m[2].replace(/<[^>]+>/g, ''))
        .replace(/\s+/g, ' ')
        .trim(),
    );
  } else {
    let body = raw;
    if (file.endsWith('.md')) {
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(raw);
      if (fm) {
        title = /^title:\s*"?(.*?)"?\s*$/m.exec(fm[1])?.[1] ?? null;
        publishedDate = /^date:\s*(\d{4}-\d{2}-\d{2})/m.exec(fm[1])?.[1] ?? null;
        body = raw.slice(fm[0].length);
      }
      body = body
        .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
        .replace(/\*\*|__|^#+\s*/gm, '')
        .replace(/^\s*(?:[-*]|\d+\.)\s+/gm, '\n\n');
    }
    blocks = body.split(/\n\s*\n/);
  }
  const paragraphs = blocks.map((b) => b.trim()).filter(Boolean);
  return { paragraphs, text: paragraphs.join('\n\n'), title, publishedDate, language: 'en' };
}

const fold = (name: string) => personKey(name);
const rows: string[] = [];

describe('extract: labeled samples', () => {
  after(() => {
    if (rows.length === 0) return;
    console.log(
      ['sample                                      input       P     R    eventDate   ok  location', ...rows].join(
        '\n',
      ),
    );
  });

  assert.ok(labels.length > 0, 'no samples/*.expected.json');
  for (const label of labels) {
    it(label.replace('.expected.json', ''), async () => {
      const expected = JSON.parse(readFileSync(new URL(label, samplesDir), 'utf8')) as Expected;
      const bytes = readFileSync(new URL(expected.file, samplesDir));
      const normalize = await loadNormalizer();
      let input: ExtractInput;
      let via = 'crude';
      if (normalize) {
        try {
          input = await normalize({ bytes: new Uint8Array(bytes), key: expected.file });
          via = 'normalizer';
        } catch {
          input = crude(expected.file, bytes.toString('utf8'));
        }
      } else input = crude(expected.file, bytes.toString('utf8'));
      const r = extractMetadata(input);

      const got = new Set(r.participants.map((p) => fold(p.name)));
      const want = new Set(expected.participants.map((p) => fold(p.name)));
      const hits = [...got].filter((k) => want.has(k)).length;
      const precision = got.size === 0 ? (want.size === 0 ? 1 : 0) : hits / got.size;
      const recall = want.size === 0 ? 1 : hits / want.size;
      const loc = r.location
        ? `${r.location.place ?? '-'}/${r.location.country ?? '-'}${r.location.virtual ? ' (virtual)' : ''}`
        : '-';
      const dateOk = r.eventDate === expected.eventDate;
      rows.push(
        `${expected.file.padEnd(44)}${via.padEnd(11)}${precision.toFixed(2).padStart(5)} ${recall.toFixed(2).padStart(5)}  ${String(r.eventDate).padEnd(11)} ${dateOk ? 'yes' : 'NO '} ${loc}`,
      );
      const missing = [...want].filter((k) => !got.has(k));
      const extra = [...got].filter((k) => !want.has(k));
      assert.ok(recall >= 0.8, `recall ${recall.toFixed(2)}: missing ${missing.join(', ')}`);
      assert.ok(precision >= 0.8, `precision ${precision.toFixed(2)}: extra ${extra.join(', ')}`);
      assert.equal(r.eventDate, expected.eventDate, 'eventDate');
      // No participant is also listed as merely mentioned.
      for (const m of r.mentionedPeople) assert.ok(!got.has(fold(m.name)), `${m.name} in both lists`);
    });
  }
});
