// Markdown → paragraphs. YAML front matter feeds the metadata; the body is rendered by marked and walked like
// HTML, which strips the formatting (#, **, _, `), keeps link text and drops link targets and images.
import { Marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { toIsoDate } from './dates';
import { assertHtmlShape, domToBlocks, parseFragment } from './dom';
import type { NormalizeLimits } from './limits';
import type { Extracted } from './types';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

// A private instance: options set on the global `marked` elsewhere cannot change what this stage emits.
const markdown = new Marked({ gfm: true, async: false });

const DATE_KEYS = ['date', 'published', 'publishedDate', 'published_date', 'pubDate', 'datePublished'];

export function extractMarkdown(source: string, limits: NormalizeLimits): Extracted {
  const warnings: string[] = [];
  let title: string | null = null;
  let publishedDate: string | null = null;
  let body = source;
  const front = source.match(FRONT_MATTER);
  if (front) {
    body = source.slice(front[0].length);
    try {
      const data: unknown = parseYaml(front[1]);
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        const record = data as Record<string, unknown>;
        if (typeof record.title === 'string' && record.title.trim()) title = record.title.replace(/\s+/g, ' ').trim();
        for (const key of DATE_KEYS) {
          publishedDate = toIsoDate(record[key]);
          if (publishedDate) break;
        }
      }
    } catch (e) {
      warnings.push(`markdown: front matter is not valid YAML (${(e as Error).message.split('\n')[0]})`);
    }
  }
  // No title in the front matter: the document's first-level heading is its title, as a renderer would show it.
  if (!title) {
    const h1 = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body) ?? /^(.+)\r?\n=+[ \t]*$/m.exec(body);
    const text = h1?.[1]
      .replace(/[*_`]/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    if (text) title = text;
  }
  const html = markdown.parse(body, { async: false });
  // Raw HTML passes through Markdown: the same DOM caps apply.
  assertHtmlShape(html, limits);
  return { blocks: domToBlocks(parseFragment(html)), title, publishedDate, warnings };
}
