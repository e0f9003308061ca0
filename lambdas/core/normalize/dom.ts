// A light DOM (linkedom), and DOM → paragraph candidates for the HTML, Markdown (rendered by marked) and DOCX
// (rendered by mammoth) extractors. Block elements end a paragraph, <br> becomes a line break inside one, and
// elements whose text is never prose (scripts, styles, form controls) are skipped. The walk is iterative, so
// deeply nested markup cannot overflow the stack.

import { parseHTML } from 'linkedom';
import { reject } from './limits';

// The structural subset of linkedom's DOM that the walker needs (kept local so no DOM lib types are required).
export type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
};

export type DomElement = DomNode & {
  isConnected: boolean;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
};

export type DomDocument = DomElement & { body: DomElement | null; documentElement: DomElement | null };

/** Parses a web page (a fragment without <html> is wrapped in one) into a linkedom document. */
export function parseDocument(html: string): DomDocument {
  if (/<html[\s>]/i.test(html.slice(0, 4096))) {
    const page = parsePage(html);
    // "<!--<html>…": the tag was inside a comment, and linkedom built no <html> root (or none at all, and its
    // `body` getter then throws a TypeError): read the markup as a fragment instead.
    if (page.documentElement && tagName(page.documentElement) === 'html') return page;
  }
  return parseFragment(html);
}

/** Parses generated markup (marked and mammoth emit body fragments) into a linkedom document. */
export function parseFragment(html: string): DomDocument {
  return parsePage(`<!doctype html><html><head></head><body>${html}</body></html>`);
}

const parsePage = (html: string) => (parseHTML(html) as unknown as { document: DomDocument }).document;

const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));
// Elements the parser closes when a sibling opens (<p>, <li> without end tags): they do not deepen the tree.
const IMPLIED_END = new Set('p li dt dd option optgroup tr td th thead tbody tfoot rb rp rt'.split(' '));

/**
 * The markup without script and style contents and comments (an unclosed one runs to the end, as in a browser).
 * A scan with indexOf: a lazy regular expression rescans to the end for every unclosed "<script", which is
 * quadratic in the number of them.
 */
function withoutScriptsAndComments(html: string): string {
  const open = /<(script|style)\b|<!--/gi;
  const parts: string[] = [];
  let from = 0;
  for (let m = open.exec(html); m !== null; m = open.exec(html)) {
    parts.push(html.slice(from, m.index));
    let end: number;
    if (m[1]) {
      const close = new RegExp(`</${m[1]}\\s*>`, 'gi');
      close.lastIndex = m.index + m[0].length;
      end = close.exec(html) ? close.lastIndex : -1;
    } else {
      const close = html.indexOf('-->', m.index + 4);
      end = close < 0 ? -1 : close + 3;
    }
    if (end < 0) return parts.join('');
    from = end;
    open.lastIndex = end;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

/**
 * Counts elements and nesting depth with a tag scan, before any parsing: linkedom's parse time grows faster
 * than linearly with depth (100,000 nested divs take seconds), so such markup is refused up front.
 */
export function assertHtmlShape(html: string, limits: { maxHtmlElements: number; maxHtmlDepth: number }): void {
  const markup = withoutScriptsAndComments(html);
  // [^<>] rather than [^>]: with unclosed tags ("<a<a<a…") each attempt stops at the next "<" (linear time).
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g;
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  for (let m = tag.exec(markup); m !== null; m = tag.exec(markup)) {
    const name = m[2].toLowerCase();
    if (m[1]) {
      if (!VOID.has(name) && !IMPLIED_END.has(name)) depth = Math.max(0, depth - 1);
      continue;
    }
    elements++;
    if (!m[3] && !VOID.has(name) && !IMPLIED_END.has(name)) deepest = Math.max(deepest, ++depth);
  }
  if (elements > limits.maxHtmlElements) {
    throw reject('too-complex', `the HTML has ${elements} elements (limit ${limits.maxHtmlElements})`);
  }
  if (deepest > limits.maxHtmlDepth) {
    throw reject('too-complex', `the HTML nests elements ${deepest} levels deep (limit ${limits.maxHtmlDepth})`);
  }
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const CDATA_NODE = 4;

const BLOCK = new Set(
  (
    'address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody td ' +
    'tfoot th thead tr ul'
  ).split(' '),
);

const SKIP = new Set(
  'script style noscript template svg math canvas iframe object embed head title button select option textarea input audio video map'.split(
    ' ',
  ),
);

export const tagName = (node: DomNode): string => node.nodeName.toLowerCase();

export function domToBlocks(root: DomNode): string[] {
  const blocks: string[] = [];
  let buffer = '';
  let preDepth = 0;
  const flush = () => {
    const lines = buffer
      .split('\n')
      .map((line) => line.replace(/[ \t\f\r\v\u00a0]+/g, ' ').trim())
      .filter((line) => line !== '');
    if (lines.length > 0) blocks.push(lines.join('\n'));
    buffer = '';
  };
  // Stack of [node, exiting]: an element is visited on entry and once more on exit (to end its block).
  const stack: [DomNode, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [node, exiting] = stack.pop()!;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) {
      const data = node.textContent ?? '';
      // Source newlines are just spaces in HTML, except inside <pre>.
      buffer += preDepth > 0 ? data : data.replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const tag = tagName(node);
    if (exiting) {
      if (tag === 'pre') preDepth--;
      if (BLOCK.has(tag)) flush();
      continue;
    }
    if (SKIP.has(tag)) continue;
    if (tag === 'br') {
      buffer += '\n';
      continue;
    }
    if (BLOCK.has(tag)) flush();
    if (tag === 'pre') preDepth++;
    stack.push([node, true]);
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], false]);
  }
  flush();
  return blocks;
}
