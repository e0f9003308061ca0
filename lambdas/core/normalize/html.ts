// HTML → paragraphs and metadata. The main content comes from Mozilla Readability run on a linkedom DOM; when it
// finds no article (or too little of the page), a plain walk of the page minus its navigation, headers, footers,
// sidebars, comment and share widgets is used instead. Scripts and styles never reach the text in either path.
import { Readability } from '@mozilla/readability';
import { dateInLine, toIsoDate } from './dates';
import {
  assertHtmlShape,
  type DomDocument,
  type DomElement,
  type DomNode,
  domToBlocks,
  parseDocument,
  tagName,
} from './dom';
import type { NormalizeLimits } from './limits';
import type { Extracted } from './types';

const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const list = <T>(items: ArrayLike<T>): T[] => Array.from(items);
const snippet = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** An element's text with its blocks apart ("Home World", not "HomeWorld"), for warnings. */
const blockText = (el: DomNode) => domToBlocks(el).join(' ').replace(/\s+/g, ' ');

function metaContent(doc: DomDocument, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = collapse(doc.querySelector(selector)?.getAttribute('content'));
    if (value) return value;
  }
  return null;
}

function jsonLdValues(doc: DomDocument, field: string): unknown[] {
  const found: unknown[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (field in record) found.push(record[field]);
    if ('@graph' in record) visit(record['@graph'], depth + 1);
  };
  for (const script of list(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common and harmless: the other sources still apply.
    }
  }
  return found;
}

export function htmlTitle(doc: DomDocument): string | null {
  return (
    metaContent(doc, ['meta[property="og:title"]', 'meta[name="og:title"]']) ??
    (collapse(doc.querySelector('title')?.textContent) || null)
  );
}

export function htmlPublishedDate(doc: DomDocument): string | null {
  const meta = metaContent(doc, [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="publish-date"]',
    'meta[name="dc.date.issued"]',
    'meta[name="DC.date.issued"]',
    'meta[name="date"]',
  ]);
  const candidates: unknown[] = [meta, ...jsonLdValues(doc, 'datePublished')];
  const scope = doc.querySelector('article') ?? doc.querySelector('main') ?? doc;
  for (const time of [
    ...list(scope.querySelectorAll('time[datetime]')),
    ...list(doc.querySelectorAll('time[datetime]')),
  ]) {
    candidates.push(time.getAttribute('datetime'));
  }
  for (const candidate of candidates) {
    const date = toIsoDate(candidate);
    if (date) return date;
  }
  // No metadata: a short date line of the article's chrome ("<div class="meta">Press Center | 15.09.2026</div>"),
  // which Readability drops with the rest of the chrome.
  for (const el of list(scope.querySelectorAll(DATE_CHROME))) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length === 0 || text.length > 120) continue;
    const date = dateInLine(text);
    if (date) return date;
  }
  return null;
}
const DATE_CHROME =
  '[class*="date"], [class*="meta"], [class*="posted"], [class*="published"], [class*="byline"], [itemprop*="date"]';

type Measure = { text: number; links: number; items: number };

/**
 * Text length (non-space characters), text inside links, and list items of every element, in one bottom-up
 * pass: asking each element for its textContent instead costs O(elements × depth) on nested markup.
 */
function measure(root: DomNode): Map<DomNode, Measure> {
  const sizes = new Map<DomNode, Measure>();
  const stack: [DomNode, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [node, done] = stack.pop()!;
    if (node.nodeType === 3) continue;
    const children = node.childNodes;
    if (!done) {
      stack.push([node, true]);
      for (let i = 0; i < children.length; i++) if (children[i].nodeType === 1) stack.push([children[i], false]);
      continue;
    }
    const m: Measure = { text: 0, links: 0, items: 0 };
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.nodeType === 3) {
        m.text += (child.textContent ?? '').replace(/\s+/g, '').length;
        continue;
      }
      const c = sizes.get(child);
      if (!c) continue;
      m.text += c.text;
      m.links += c.links;
      m.items += c.items;
    }
    const tag = tagName(node);
    if (tag === 'a') m.links = m.text;
    if (tag === 'li') m.items += 1;
    sizes.set(node, m);
  }
  return sizes;
}

const NO_MEASURE: Measure = { text: 0, links: 0, items: 0 };

/** Lists that are mostly short links: menus, tag clouds, "related" link lists. */
function removeLinkLists(root: DomElement, sizes: Map<DomNode, Measure>, warnings: string[]): void {
  for (const el of list(root.querySelectorAll('ul, ol, menu'))) {
    if (!el.isConnected) continue;
    const { text, links, items } = sizes.get(el) ?? NO_MEASURE;
    if (items >= 3 && text > 0 && links / text >= 0.8 && text / items <= 50) {
      warnings.push(`removed navigation links: "${snippet(blockText(el))}"`);
      el.remove();
    }
  }
}

const BOILERPLATE_ROLE =
  '[role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"]';
const BOILERPLATE_NAME =
  /(?:^|[\s_-])(?:comments?|comment-list|respond|replies|share|sharing|social|related|cookies?|consent|subscribe|newsletter|sidebar|breadcrumbs?|menu|navbar|nav|footer|masthead|site-header|advert|ads|promo|author-box|author-bio|about-author|widget)(?:$|[\s_-])/i;
const KEEP = new Set(['html', 'body', 'main', 'article']);

/** The tag-stripping fallback's cleanup: drop the page furniture Readability would have dropped. */
function removePageFurniture(doc: DomDocument, warnings: string[]): void {
  const body = doc.body ?? doc.documentElement;
  if (!body) return;
  const sizes = measure(body);
  const half = (sizes.get(body) ?? NO_MEASURE).text * 0.5;
  // An element inside one already removed is skipped; one holding half the page is the page, not furniture.
  const drop = (el: DomElement) => {
    if (KEEP.has(tagName(el)) || !el.isConnected || (sizes.get(el) ?? NO_MEASURE).text >= half) return;
    const text = blockText(el);
    if (text) warnings.push(`removed boilerplate: "${snippet(text)}"`);
    el.remove();
  };
  for (const el of list(
    doc.querySelectorAll(`nav, header, footer, aside, [hidden], [aria-hidden="true"], ${BOILERPLATE_ROLE}`),
  )) {
    drop(el);
  }
  for (const el of list(doc.querySelectorAll('[class], [id]'))) {
    if (BOILERPLATE_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) drop(el);
  }
  removeLinkLists(body, sizes, warnings);
}

/**
 * Removes comment nodes. Readability serializes the page and parses it again (innerHTML) between attempts; a
 * comment whose data holds "-->" (linkedom makes one from "<![CDATA[--><!doctype html>…") does not survive the
 * round trip, and Readability then loops for ever.
 */
function removeComments(root: DomNode): void {
  const comments: DomNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 8) comments.push(node);
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) stack.push(children[i]);
  }
  for (const comment of comments) (comment as DomElement).remove();
}

function readabilityBlocks(html: string, limits: NormalizeLimits, warnings: string[]): string[] | null {
  const doc = parseDocument(html);
  removeComments(doc);
  try {
    const article = new Readability(doc as never, {
      maxElemsToParse: limits.maxReadabilityElements,
      // Keep the element itself: walking it keeps paragraph structure that textContent would lose.
      serializer: (el: unknown) => el as DomElement,
    }).parse();
    if (!article?.content) return null;
    const local: string[] = [];
    removeLinkLists(article.content, measure(article.content), local);
    warnings.push(...local);
    return domToBlocks(article.content);
  } catch {
    // Readability throws on pages over maxElemsToParse and on DOM features linkedom lacks: fall back.
    return null;
  }
}

export function extractHtml(html: string, limits: NormalizeLimits): Extracted {
  assertHtmlShape(html, limits);
  const warnings: string[] = [];
  const doc = parseDocument(html);
  const title = htmlTitle(doc);
  const publishedDate = htmlPublishedDate(doc);
  const elements = doc.querySelectorAll('*').length;

  const fallbackWarnings: string[] = [];
  removePageFurniture(doc, fallbackWarnings);
  const fallback = domToBlocks(doc.body ?? doc.documentElement ?? doc);
  const fallbackLength = fallback.reduce((sum, b) => sum + b.length, 0);

  const readabilityWarnings: string[] = [];
  const main = elements <= limits.maxReadabilityElements ? readabilityBlocks(html, limits, readabilityWarnings) : null;
  const mainLength = main?.reduce((sum, b) => sum + b.length, 0) ?? 0;
  // Readability sometimes settles on a teaser box; it must hold a fair share of the page's text to be trusted.
  if (main && mainLength > 0 && mainLength >= Math.min(250, fallbackLength * 0.5)) {
    warnings.push(...readabilityWarnings);
    return { blocks: main, title, publishedDate, warnings };
  }
  warnings.push(
    elements > limits.maxReadabilityElements
      ? `html: ${elements} elements, over ${limits.maxReadabilityElements}; used the tag-stripping fallback`
      : 'html: no main article found; used the tag-stripping fallback',
    ...fallbackWarnings,
  );
  return { blocks: fallback, title, publishedDate, warnings };
}
