// Web boilerplate in extracted text: author boxes, related-post lists, comment sections, share/subscribe and
// cookie lines, navigation link lines, copyright footers and editor/photo credit lines. Section headings such
// as "Related Posts" or "Leave a Reply" start a trailing block that is cut whole (the related titles and
// comments under them are not prose to keep); single lines are dropped wherever they stand. Every pattern
// matches a whole short paragraph, never a sentence inside prose.

/** Headings that open a trailing section of page furniture. */
const SECTION_MARKER =
  /^(?:about the authors?|about (?:this|our) (?:author|writer)|related (?:posts?|stories|articles?|news|content|coverage|links|topics|reading)|(?:you )?(?:may|might) also (?:like|enjoy|be interested in)|more (?:stories|news|articles) (?:from|on|about) .{1,40}|more from .{1,40}|recommended(?: for you| stories| articles| reading)?|(?:popular|recent|latest|trending|top) (?:posts|stories|articles|news)|leave a (?:reply|comment|response)|post a comment|add (?:a )?comment|join the (?:discussion|conversation)|(?:\d+ )?(?:comments?|responses?|replies)(?: \(\d+\))?|discussion|comments are closed\.?)\s*:?$/i;

/**
 * A copyright line: "© 2026 …", "Copyright …", "(c) 2026 Marine Fuels Intelligence Ltd.", "(c) Reuters". "(c)" before
 * a sentence is the third item of a lettered list ("(c) The Tertiary Education Commission (TEC) has confirmed …"),
 * which is text to keep: only a year, "copyright" or a short capitalized name after it make it a copyright mark.
 */
export const COPYRIGHT_LINE =
  /^(?:©|[Cc]opyright\b|COPYRIGHT\b|\([cC]\)\s*(?:[Cc]opyright\b|\d{4}\b|(?:\p{Lu}[\p{L}\p{N}&.,'’-]*\s*){1,5}$))/u;

/** Whole-paragraph patterns, each with the longest paragraph it may remove. */
const LINE_PATTERNS: [RegExp, number][] = [
  [/^your email address will not be published\b/i, 200],
  [/^required fields are marked\b/i, 120],
  [/^save my name,? email,? and website\b/i, 200],
  [
    /\b(?:we|this (?:web)?site) uses? cookies\b|\baccept (?:all )?cookies\b|\bcookie (?:policy|settings|preferences|consent)\b/i,
    300,
  ],
  [COPYRIGHT_LINE, 200],
  [/\ball rights reserved\.?$/i, 200],
  [
    /^(?:web editor|editors?|responsible editor|chief editor|editor-in-chief|photos?|photograph|photo credits?|images?|image credits?|credits?|reporter|written by|compiled by|translated by)\s*[:：|]/i,
    150,
  ],
  [
    /^(?:share|share this(?: article| story| post| page)?|share on|share via|click to share|follow us|subscribe|sign up for|join our newsletter|get our newsletter)\b/i,
    100,
  ],
  [/^(?:read more|continue reading|read also|see also)\b/i, 100],
  // Wire-service credit lines: "Reporting by Amara Okafor and Yonas Tesfaye; editing by Clare Whitfield".
  [
    /^\(?(?:additional )?reporting by\b.{1,150}\b(?:writing|editing) by\b|^\(?(?:additional )?reporting by\b[^.!?]*$/i,
    250,
  ],
  // The end mark of a press release: "-ENDS-", "– END –", "(ends)".
  [/^[-–—(\s]*end(?:s)?[-–—)\s.]*$/i, 12],
  [/^(?:skip to (?:main )?content|back to top|print|menu|search|advertisement|loading\.*|previous|next|home)$/i, 30],
  [/^(?:previous|next|older|newer) (?:post|article|story|entry)\b/i, 150],
  [/^(?:tags?|filed under|categories|category|keywords)\s*:/i, 200],
  // Bylines: "By Staff · July 14", "By Li Ming, Xinhua" (a sentence starting with "By" ends with punctuation).
  [/^by\s+\S.*[^.!?:;]$/i, 80],
  // "Home | World | Asia | Contact", "Home > News > Asia": short items between separators (not a sentence, and
  // not French quotes: with a « in the line, » closes a quotation; nor a numbered table row: "2. | Hon. Joseph
  // Ssempijja-Mukasa | Vice Chairperson | KWSSB Board", "No. | Name | Designation"; nor a dateline beside language
  // links: "Gdynia, 13.03.2026 · Polska wersja · Українська версія", "Oslo, 4 March 2026 | English").
  [
    /^(?!.*«)(?!\s*(?:\d{1,3}[.)]?|No\.?|S\/?N|#)\s*\|)(?!\p{Lu}[\p{L} .'-]{1,30}, (?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{1,2} \p{Lu}\p{Ll}+ \d{4}|\p{Lu}\p{Ll}+ \d{1,2}, \d{4})\s*[|•»>·])(?:[^|•»>·\n]{1,30}[|•»>·]\s*){2,}[^|•»>·\n]{0,29}[^|•»>·\n.!?]$/u,
    200,
  ],
];

const SOCIAL = new Set(
  'facebook twitter x whatsapp telegram linkedin reddit pinterest email e-mail mail print share tweet copy link vk weibo wechat messenger pocket tumblr flipboard sms on via this article story the'.split(
    ' ',
  ),
);
const NETWORKS = new Set([
  'facebook',
  'twitter',
  'whatsapp',
  'telegram',
  'linkedin',
  'reddit',
  'pinterest',
  'vk',
  'weibo',
  'wechat',
]);

function isSocialLine(p: string): boolean {
  if (p.length > 120) return false;
  const words = p
    .toLowerCase()
    .split(/[\s|•·,/]+/)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => SOCIAL.has(w)) && words.some((w) => NETWORKS.has(w));
}

export const isBoilerplateLine = (p: string): boolean =>
  LINE_PATTERNS.some(([re, max]) => p.length <= max && re.test(p)) || isSocialLine(p);

export const isSectionMarker = (p: string): boolean => p.length <= 60 && SECTION_MARKER.test(p);

const quote = (p: string) => `removed boilerplate: "${p.length > 60 ? `${p.slice(0, 59)}…` : p}"`;

/** One pass: the trailing section cut, then single lines. */
function pass(paragraphs: string[], warnings: string[]): string[] {
  const total = paragraphs.reduce((sum, p) => sum + p.length, 0);
  let before = 0;
  let cut = paragraphs.length;
  for (let i = 0; i < paragraphs.length; i++) {
    // A marker opens a trailing block only if less text follows it than precedes it.
    if (isSectionMarker(paragraphs[i]) && total - before < before) {
      cut = i;
      break;
    }
    before += paragraphs[i].length;
  }
  const tail = paragraphs.slice(cut);
  for (const p of tail.slice(0, 10)) warnings.push(quote(p));
  if (tail.length > 10) warnings.push(`removed boilerplate: ${tail.length - 10} more paragraphs after "${tail[0]}"`);
  return paragraphs.slice(0, cut).filter((p) => {
    if (!isBoilerplateLine(p)) return true;
    warnings.push(quote(p));
    return false;
  });
}

/** Removes boilerplate until nothing more goes (so normalizing the result again removes nothing). */
export function removeBoilerplate(paragraphs: string[]): { paragraphs: string[]; warnings: string[] } {
  const warnings: string[] = [];
  let current = paragraphs;
  for (;;) {
    const next = pass(current, warnings);
    if (next.length === current.length) return { paragraphs: next, warnings };
    current = next;
  }
}
