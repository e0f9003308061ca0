// Metadata and entity extraction (design section 3): pure, deterministic, AWS-free. Input is the normalizer's
// output (paragraphs and text); output is the record's metadata fields plus warnings. Stages, each its own
// module: document preparation (here: site chrome, e-mail headers, participant lists), organizations, people,
// countries, dates, event (name, location) and quantities.
import { COPYRIGHT_LINE } from '../normalize/boilerplate';
import type { ArchiveRecord, Attendance, Person } from '../record';
import { findCountries, isTerritory, matchCountryName, matchWorldPlace, normalizeCountry } from './countries';
import namesData from './data/names.json' with { type: 'json' };
import {
  addDays,
  dateOfLine,
  findEventDate,
  forgetParsedDates,
  isCalendarWord,
  isMeetingDateField,
  MEETING_FIELD_NOUNS,
  monthsNamed,
  parseDates,
} from './dates';
import { isDictionaryWord } from './dictionary';
import { findEventName, findLocation } from './event';
import { findOrganizations, headingCompany, OrganizationContext } from './organizations';
import { findPeople, metaOf, personKey } from './people';
import { findQuantities } from './quantities';
import {
  countWords,
  type Sentence,
  segments,
  splitSentences,
  type Token,
  titleCaseWords,
  tokenize,
  unwrap,
} from './text';
import { isCommonWord, isKnownName, isTitleWord, matchHonorific } from './titles';

export { normalizeCountry } from './countries';
export { normalizeOrganization } from './organizations';
export { personKey } from './people';

export type ExtractInput = {
  paragraphs: string[];
  text: string;
  title: string | null;
  publishedDate: string | null;
  language: string | null;
};

export type Extraction = Pick<
  ArchiveRecord,
  | 'title'
  | 'publishedDate'
  | 'eventDate'
  | 'eventEndDate'
  | 'eventName'
  | 'location'
  | 'participants'
  | 'mentionedPeople'
  | 'organizations'
  | 'countries'
  | 'quantities'
> & { warnings: string[] };

export type ExtractOptions = {
  /** YYYY-MM-DD, e.g. the upload date: the reference for relative dates when the document has no publication date */
  referenceDate?: string;
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const QUANTITY_HINT = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|hundred)\b/i;
const CHROME = namesData.chrome.map((c) => c.toLowerCase());
const CHROME_FIRST = new Set(CHROME.map((c) => /^[^\s:]*/.exec(c)![0]));
const STOP = new Set(namesData.stopMarkers.map((c) => c.toLowerCase()));
const HEADER_LINE = /^(?:From|To|Cc|Bcc|Date|Sent|Subject|Reply-To):\s/;
const HEADER_KEYS = /(?:^|\s)(From|To|Cc|Bcc|Date|Sent|Subject|Reply-To):\s/g;
const BULLET = /^\s*(?:[-*•‣▪–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/;
/** How the people of a list item attended; 'absent' under "Apologies" / "Absent with apologies:". */
export type ListMode = Attendance | null | 'absent';
const ROSTER_HEADING =
  /^((?:(?:members|directors|councillors|also|others|those) )?present|sederunt|(?:(?:officers|staff|officials|also|others) )?in attendance|(?:also )?attending|attendance|attendees|participants|who (?:was|were) (?:there|present)|delegates|delegations|apolog(?:ies|y)(?: for absence)?|absent(?: with apolog(?:ies|y))?|regrets|excused)\s*[:?]?$/i;
/** A roster's sub-heading for how its group attended: "In the room", "Online (MS Teams)", "By video link". */
const ATTENDANCE_SUBHEADING =
  /^(?:in the (?:room|hall|chamber|boardroom|meeting room)|in person|on site|online|remote(?:ly)?|virtual(?:ly)?|(?:via|by|on) (?:video(?: ?link| ?conference)?|zoom|(?:ms |microsoft )?teams|webex|phone|telephone)|by phone)(?:\s*\([^()]{1,30}\))?$/i;
const ABSENT_HEADING = /\b(?:apologies|apology|absent|regrets|excused|not present)\b/i;
const PARTICIPANT_HEADER =
  /\b(?:took part|take part|taking part|participants?|present|presence of|attended|attending|attendees|attendance|represented|delegations?|in attendance|joined)\b/i;

type Prepared = {
  sentences: Sentence[];
  /** sentences of all-caps paragraphs (mastheads, headings): no organizations are read from them */
  headingSentences: Set<number>;
  /** names of authors, editors, correspondents and e-mail senders */
  authors: string[];
  /** a date line that says it is the publication date ("Posted …: February 4, 2026") or a sign-off date line */
  pubLine: string | null;
  listAttendance: Map<number, ListMode>;
  headerDate: string | null;
  headerSubject: string | null;
  /** short lines before the body that hold a full date (masthead, press-release date) */
  dateLines: string[];
  dateline: { place: string; date: string | null } | null;
  warnings: string[];
};

function isChrome(p: string): boolean {
  const trimmed = p.trim();
  const words = countWords(trimmed);
  if (words > 40) return false;
  const low = trimmed.slice(0, 80).toLowerCase();
  if (!CHROME_FIRST.has(/^[^\s:]*/.exec(low)![0]) && !/^(?:by|por|par|[\w.+-]+@|https?:|www\.|tel|phone|fax)/.test(low))
    return false;
  // "(c) The Tertiary Education Commission (TEC) has confirmed …": a lettered list's item, not a copyright line
  if (low.startsWith('(c)') && !COPYRIGHT_LINE.test(trimmed) && !/rights reserved/.test(low)) return false;
  if (words <= 40 && CHROME.some((c) => low.startsWith(c))) return true;
  // Bylines: "By Amara Okafor and Yonas Tesfaye · October 4, 2025"
  if (words <= 25 && /^[Bb]y\s+\p{Lu}/u.test(p.trim())) return true;
  if (words <= 8 && /^(?:Por|Par)\s+\p{Lu}[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+)*$/u.test(p.trim())) return true;
  if (words <= 12 && /^(?:[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\/\S+|www\.\S+|tel\.?|phone|fax)/i.test(low)) return true;
  return false;
}

const HEADER_START =
  /^(?:[-–—\s]*(?:Forwarded message|Original Message)[-–—\s]*)?(?:From|To|Cc|Bcc|Date|Sent|Subject|Reply-To):/i;

function emailHeader(raw: string): { date: string | null; subject: string | null; correspondents: string[] } | null {
  if (!HEADER_START.test(raw)) return null;
  const p = raw.replace(/^[-–—\s]*(?:Forwarded message|Original Message)[-–—\s]*/i, '');
  const keys = [...p.matchAll(HEADER_KEYS)];
  if (keys.length < 2 || !HEADER_LINE.test(p.trim())) return null;
  const field = (name: string): string | null => {
    const k = keys.findIndex((m) => m[1] === name);
    if (k < 0) return null;
    const from = keys[k].index! + keys[k][0].length;
    const to = k + 1 < keys.length ? keys[k + 1].index! : p.length;
    return p.slice(from, to).trim();
  };
  const correspondents = ['From', 'Reply-To', 'To', 'Cc']
    .map((f) => field(f))
    .flatMap((v) => (v ? v.split(/[,;]/) : []))
    .map((v) => v.replace(/<[^>]*>|\S+@\S+/g, '').trim())
    .filter((v) => /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+)+$/u.test(v));
  return { date: field('Date') ?? field('Sent'), subject: field('Subject'), correspondents };
}

const SLASH_CREDIT =
  /(?:©|\(c\)|\b[Cc]redits?:|\b[Pp]hotos?:)[^/\n]{1,60}\/\s*(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|del|al|bin|el))+)/gu;
const CREDIT_NOUN = /reporter|journalist|correspondent|editor|writer|columnist|blogger/;
const NAME_RUN =
  /\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|del|al|bin|el))*\s+\p{Lu}[\p{L}'’-]+/gu;
/**
 * NAME_RUN without the global flag, for test(): a global regex's test() leaves lastIndex behind, and the next
 * matchAll(NAME_RUN) starts there, so one document's credit line cost the next document a contact's name.
 */
const HAS_NAME_RUN = new RegExp(NAME_RUN.source, 'u');
/** A name opening a paragraph, and a paragraph that is only a name (NAME_RUN anchored, built once). */
const NAME_RUN_LEAD = new RegExp(`^${NAME_RUN.source}`, 'u');
const NAME_RUN_WHOLE = new RegExp(`^${NAME_RUN.source}$`, 'u');
const CREDIT =
  /(?:(?:^|[·|•(;]\s*)[Bb]y|(?:^|[·|•(;]\s*|\s)(?:[Rr]eporting by|[Aa]dditional reporting by|[Ee]diting by|[Ee]dited by|[Ww]riting by|[Ww]ritten by|[Ww]riter:?|[Cc]ompiled by|[Tt]ranslated by|(?:English )?[Tt]ranslation:|[Ee]ditors?:|[Rr]eporters?:|[Aa]uthor:|[Pp]hotos?(?: by)?:?|[Pp]hoto credit:|[Cc]r[eé]dit(?:s|o|os)?:|[Rr]edacción:|[Ee]dición:|[Tt]exto:|[Tt]ext:|[Ff]otos?:|[Rr]eportaje:))\s+((?:\p{Lu}[\p{L}'’.-]+)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|(?:van|von|der|de|das|da|dos|do|del|al|bin|el)(?=\s)))+)/gu;

const RECORDED_BY =
  /\b(?:[Mm]inutes|[Nn]otes|[Rr]eport)(?: were| was)? (?:recorded|prepared|drawn up|compiled|taken) by:?\s*(?:\|\s*)?(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|del|al|bin|el))*\s+\p{Lu}[\p{L}'’-]+)/gu;
const CREDIT_SENTENCE =
  /(?:^|[.·|•]\s+)(?:Translations?|Translated|Photos?|Photographs?|Photography|Illustrations?|Graphics|Video|Layout|Design)\s+by\s+([^.;:\n]{3,120})/gu;

/**
 * Names printed as credits: bylines ("By Amara Okafor · 4 October"), credit lines ("Reporting by X; editing by Y"),
 * "Editor: X", and "X is The Coastwatch's local democracy reporter". A "by" inside a sentence of the story ("was
 * chaired by …") is not a credit: only short paragraphs and parenthesized credit lines are read.
 */
function creditedNames(paragraph: string): string[] {
  const out: string[] = [];
  const short = countWords(paragraph) <= 30;
  const credit =
    /^\(?\s*(?:reporting|editing|writing|additional reporting|photos?|editors?|reporters?|redacción|edición)\b/i.test(
      paragraph,
    );
  if (short || credit || /(?:\b(?:Editor|Reporter|Author|[Tt]ranslation)|[Cc]r[eé]dit(?:o|s)?):\s/.test(paragraph)) {
    for (const m of paragraph.matchAll(CREDIT)) {
      const lead = m[0].trimStart();
      // In a long paragraph only labelled credits count ("Editor: X"), not "by" in prose.
      if (
        !short &&
        !credit &&
        !/^(?:[·|•(;]\s*)?(?:Editor|Reporter|Author|English translation|[Tt]ranslation|[Pp]hoto credit|[Cc]r[eé]dit)/.test(
          lead,
        )
      )
        continue;
      // "Photo: President Baek Seung-hoon holds a video conference …": a caption about someone, not a credit.
      if (/[Pp]hoto/.test(lead) && isTitleWord(m[1].split(/\s+/)[0].toLowerCase())) continue;
      out.push(m[1].replace(/\s+(?:and|in)$/, ''));
    }
    // "Posted on 9 September 2025 by Tomasz Nowicki | Reposted …": a posting line's author.
    const posted =
      short &&
      /\b(?:[Pp]osted|[Pp]ublished|[Ww]ritten|[Ff]iled|[Uu]pdated|[Ss]ubmitted)\b[^|·•\n]{0,40}?\bby\s+(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|del|al|bin|el))+)/u.exec(
        paragraph,
      );
    if (posted) out.push(posted[1]);
    // "By Amara Okafor and Yonas Tesfaye"
    // "Por Lucía Fernández Olivera": a Spanish or Portuguese byline.
    const por =
      /^(?:Por|Par)\s+(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|del|da|dos|y))*\s+\p{Lu}[\p{L}'’.-]+)\s*$/u.exec(
        paragraph.trim(),
      );
    if (por) out.push(por[1]);
    const and = /^[Bb]y\s+[^·|]+?\s+and\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+)/u.exec(paragraph);
    if (and) out.push(and[1]);
  }
  const is =
    CREDIT_NOUN.test(paragraph) &&
    /(?:^|\.\s+)(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+) is (?:a|an|the|[\p{Lu}][^.]{0,40}?['’]s)\b[^.]{0,50}?\b(?:reporter|journalist|correspondent|editor|writer|columnist|blogger)\b/u.exec(
      paragraph,
    );
  if (is) out.push(is[1]);
  // A blog platform's byline: "Helena Marques · Follow".
  // (or "Daria Munteanu · 7 min read · Nov 17, 2025")
  const follow = /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+)+)\s*·\s*(?:Follow\b|\d+\s*min(?:ute)?s? read\b)/u.exec(
    paragraph,
  );
  if (follow) out.push(follow[1]);
  // An author's note: "Ana Gelashvili writes about food and wine from Tbilisi."
  const writes =
    short &&
    /(?:^|\.\s+)(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+) (?:writes|blogs) (?:about|on|for)\b/u.exec(paragraph);
  if (writes) out.push(writes[1]);
  // A credit sentence anywhere in a paragraph, with every name it lists: "… international department.
  // Translations by Carla Moretti and Tom Jeffries."
  for (const m of paragraph.matchAll(CREDIT_SENTENCE))
    for (const name of m[1].split(/\s*(?:,|\band\b|&)\s*/)) if (NAME_RUN_WHOLE.test(name.trim())) out.push(name.trim());
  // A photo's credit after a slash: "© Métropole de Lyon / Laurent Cerino", "(credit: Ministerio de Minería /
  // Felipe Andrés Muñoz)".
  for (const m of paragraph.matchAll(SLASH_CREDIT)) out.push(m[1]);
  // A photo agency's credit: "(CNE/Tomasz Kędzierski)", "Photo: AFP/Jane Doe".
  for (const m of paragraph.matchAll(AGENCY_CREDIT)) out.push(m[1]);
  return out.filter((n) => HAS_NAME_RUN.test(n) || /\s/.test(n));
}
/**
 * Press contacts: a name with a telephone number or an e-mail address after it ("For more information, please
 * contact: Jens Lindqvist, OCHA Geneva, +41 22 917 xxxx, lindqvist@un.org").
 */
function contactNames(paragraph: string): string[] {
  const out: string[] = [];
  // "Enquiries: Tumelo Phakoe, Spokesperson … Cell: 082 …": the name after an inline contact label.
  const label = CONTACT_LABEL.exec(paragraph);
  if (label) {
    const lead = NAME_RUN_LEAD.exec(paragraph.slice(label[0].length).replace(HONORIFIC_LEAD, ''));
    if (lead) out.push(lead[0]);
  }
  if (!CONTACT.test(paragraph)) return out;
  for (const m of paragraph.matchAll(NAME_RUN)) {
    const after = paragraph.slice(m.index + m[0].length, m.index + m[0].length + 110);
    // (an office and a ministry may stand between the name and the number)
    if (/^,(?:[^.;]|\.(?=\s*\+\d)){0,90}?(?:\+\d|\(\d|\b[\w.-]+@[\w-]+\.)/.test(after)) out.push(m[0]);
  }
  return out;
}
const CONTACT_LABEL =
  /^(?:(?:media|press|for media|for press)\s+)?(?:contacts?|enquiries|inquiries|queries)\s*:\s*(?=\S)/i;
const HONORIFIC_LEAD = /^(?:(?:Mr|Mrs|Ms|Dr|Er|Eng|Engr|Prof)\.?\s+)+/;
const AGENCY_CREDIT =
  /(?:^|[\s([])\p{Lu}{2,}(?:\s\p{Lu}{2,})?\s*\/\s*(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|del|al|bin|el))+)(?=\s*[)\]]|\s*$)/gmu;
const CONTACT_HEADING = /^(?:(?:media|press|for media|for press)\s+)?(?:contacts?|enquiries|inquiries|queries)\s*:?$/i;
const CONTACT_LINE = /^(?:(?:tel|phone|mobile|email|e-mail)\.?:?\s*)?(?:\+\d|\(\d{2,4}\)|[\w.-]+@[\w-]+\.)/i;
const CONTACT = /(?:\+\d{1,3}[\s\d()x-]{6,}|\b[\w.-]+@[\w-]+\.[\w.]+)/;

// The labels of a meeting's own fields (date, time, place, format, circulation), as a key-value table prints them.
const FIELD_ROW_LABEL =
  /^(?:dates?|dates? (?:of|and|&) (?:the )?(?:meeting|session|hearing|dialogue|consultation|time|circulation|issue|publication|report)|dates?\s*\/\s*time|time|venue|place|location|format|mode|held|where|when|report version|(?:circulated|issued|published|posted)(?: [a-z ]{0,40})?)$/i;
/**
 * Key-value tables, flattened by the normalizer to one paragraph a cell ("Date / time" | "05.11.2026, 10:00") or
 * printed as text ("| Dates | 23/06/2026 – 25/06/2026 |"): a row whose key is one of a meeting's fields reads as a
 * field line ("Dates: 23/06/2026 – 25/06/2026"), so the date and place rules see it. A text row with an empty key
 * continues the row above ("| | Shakawe, North-West District, Botswana |").
 */
function fieldRows(paragraphs: string[]): string[] {
  // (the key without Markdown's bold or a colon of its own: "**Date / time**", "Venue:")
  const key = (cell: string): string => cell.replace(/[*:]/g, '').trim();
  const out: string[] = [];
  let lastField = false;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i].trim();
    const row = /^\|\s*([^|\n]*?)\s*\|\s*([^|\n]+?)\s*\|?\s*$/.exec(p);
    if (row && FIELD_ROW_LABEL.test(key(row[1]))) {
      out.push(`${key(row[1])}: ${row[2]}`);
      lastField = true;
      continue;
    }
    if (row && row[1] === '' && lastField) {
      out[out.length - 1] = `${out[out.length - 1].replace(/,\s*$/, '')}, ${row[2]}`;
      continue;
    }
    lastField = false;
    const next = paragraphs[i + 1]?.trim();
    if (FIELD_ROW_LABEL.test(key(p)) && next && !next.includes('\n') && countWords(next) <= 30) {
      out.push(`${key(p)}: ${next}`);
      i++;
      continue;
    }
    out.push(paragraphs[i]);
  }
  return out;
}

const NAME_COLUMN = /^(?:(?:full )?names?|members?|participants?|attendees?)$/i;
const TITLE_COLUMN = /^(?:designation|title|position|role|office|function|capacity)s?$/i;
const BODY_COLUMN =
  /^(?:organi[sz]ations?|affiliations?|institutions?|representing|company|agency|body|employer|country|constituency)$/i;
/**
 * A text table of people ("No. | Name | Designation | Organization", then "1. | Eng. Dr. Sarah Kiggundu |
 * Chairperson | KWSSB Board"): each row reads as a roster line, "Eng. Dr. Sarah Kiggundu, Chairperson, KWSSB
 * Board", and the header row goes. The columns hold for the rows under later headings ("ABSENT WITH APOLOGY").
 */
function pipeRosterRows(paragraphs: string[]): string[] {
  let columns: { name: number; title: number; body: number; cells: number } | null = null;
  const out: string[] = [];
  for (const p of paragraphs) {
    if (!p.includes('|') || p.includes('\n')) {
      out.push(p);
      continue;
    }
    const cells = p
      .split('|')
      .map((c) => c.trim())
      .filter((c, i, all) => c || (i > 0 && i < all.length - 1));
    // (a header names the name column and another: "Member" alone is a row's office)
    const name = cells.findIndex((c) => NAME_COLUMN.test(c));
    const title = cells.findIndex((c) => TITLE_COLUMN.test(c));
    const body = cells.findIndex((c) => BODY_COLUMN.test(c));
    if (name >= 0 && (title >= 0 || body >= 0) && cells.every((c) => c.length <= 30)) {
      columns = { name, title, body, cells: cells.length };
      continue;
    }
    if (columns && cells.length === columns.cells && cells[columns.name]) {
      const c = columns;
      out.push(
        [cells[c.name], c.title >= 0 ? cells[c.title] : '', c.body >= 0 ? cells[c.body] : '']
          .filter(Boolean)
          .join(', '),
      );
      continue;
    }
    out.push(p);
  }
  return out;
}

/**
 * A roster row whose columns the normalizer joined with single spaces, with the person's initials as a column
 * ("Suzanne Okonkwo-Price SOP Chief Executive", "Dr Rhodri ap Gwilym RaG Vice Chair"): read as "Suzanne
 * Okonkwo-Price, Chief Executive". The initials must spell the words before them (hyphenated parts and particles
 * too), so a capitalized acronym in a row ("Llais Cardiff") is left as it is.
 */
function initialsColumnRows(paragraphs: string[]): string[] {
  const byInitials = new Map<string, string>();
  const rows = paragraphs.map((p) => {
    if (countWords(p) > 24 || p.includes('\n')) return p;
    const words = p.trim().split(/\s+/);
    for (let c = 2; c + 1 < words.length; c++) {
      const code = words[c];
      if (!/^[A-Z][A-Za-z]{1,4}$/.test(code) || (code.match(/[A-Z]/g)?.length ?? 0) < 2) continue;
      if (!/^[A-Z]/.test(words[c + 1])) continue;
      for (let from = Math.max(0, c - 5); from <= c - 2; from++) {
        const initials = words
          .slice(from, c)
          .flatMap((w) => w.split('-'))
          .map((w) => w[0] ?? '')
          .join('');
        if (initials.toLowerCase() !== code.toLowerCase()) continue;
        byInitials.set(code, words.slice(from, c).join(' '));
        return `${words.slice(0, c).join(' ')}, ${words.slice(c + 1).join(' ')}`;
      }
    }
    return p;
  });
  if (byInitials.size === 0) return rows;
  // "(deputising for PH)": the initials a row gave, as the name they stand for.
  return rows.map((p) =>
    p.replace(
      /\b(deputi[sz]ing for|standing in for|on behalf of|substituting for|in place of)\s+([A-Z][A-Za-z]{1,4})\b/g,
      (all, cue: string, code: string) => (byInitials.has(code) ? `${cue} ${byInitials.get(code)}` : all),
    ),
  );
}

/** Joins a paragraph that ends mid-phrase ("Chairman of the" | "Audit Committee …") with the next one. */
function joinBrokenParagraphs(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      // Only the tail is tested: the unanchored pattern tried at every position of a long paragraph.
      /(?:\b(?:of|the|and|for|to|in|on|with|a|an|at|by|or|&)|,)$/.test(prev.trimEnd().slice(-6)) &&
      /^\s*[\p{Lu}\p{Ll}]/u.test(p) &&
      countWords(prev) > 3
    )
      out[out.length - 1] = `${prev.trimEnd()}\n${p.trimStart()}`;
    else out.push(p);
  }
  return out;
}

/** Paragraphs → content sentences: site chrome, e-mail headers, quoted replies and signatures removed. */
function prepare(doc: ExtractInput): Prepared {
  const warnings: string[] = [];
  let paragraphs = Array.isArray(doc.paragraphs) && doc.paragraphs.length > 0 ? doc.paragraphs : [];
  if (paragraphs.length === 0 && typeof doc.text === 'string') paragraphs = doc.text.split(/\n\s*\n/);
  let headerDate: string | null = null;
  let headerSubject: string | null = null;
  const kept: { text: string; index: number }[] = [];
  const authors: string[] = [];
  const contacts: { name: string; paragraph: number }[] = [];
  let inSignature = false;
  let chromePubLine: string | null = null;
  // A paragraph cut off after "of the" / "and" / a comma continues in the next one.
  paragraphs = joinBrokenParagraphs(
    fieldRows(initialsColumnRows(pipeRosterRows(paragraphs.map((x) => String(x ?? ''))))),
  ).flatMap(splitFields);
  const total = paragraphs.length;
  for (let p = 0; p < total; p++) {
    const raw = String(paragraphs[p] ?? '');
    const trimmed = raw.trim();
    if (!trimmed) continue;
    authors.push(...creditedNames(trimmed));
    contacts.push(...contactNames(trimmed).map((name) => ({ name, paragraph: p })));
    // "Minutes recorded by: Lenka Hrdličková": whoever wrote the record, a person of the meeting only if the
    // record names them elsewhere (as a contact is).
    for (const m of trimmed.matchAll(RECORDED_BY)) contacts.push({ name: m[1], paragraph: p });
    // A repost's signature over its source line: "Daria Munteanu" / "Originally published at vinurisioameni.md".
    if (
      countWords(trimmed) <= 5 &&
      NAME_RUN_WHOLE.test(trimmed.replace(/^[—–-]\s*/, '')) &&
      /^(?:Originally|First) (?:published|posted)\b|^This (?:article|post|story) (?:was|first) (?:originally )?(?:published|appeared)\b/i.test(
        String(paragraphs[p + 1] ?? '').trim(),
      )
    )
      authors.push(trimmed.replace(/^[—–-]\s*/, ''));
    // The paragraph under a "Media contact:" heading opens with the contact's name.
    if (p > 0 && CONTACT_HEADING.test(String(paragraphs[p - 1] ?? '').trim())) {
      const lead = NAME_RUN_LEAD.exec(trimmed);
      if (lead) contacts.push({ name: lead[0], paragraph: p });
    }
    // A contact card printed one line a paragraph: the name, an office, the phone ("Lauren B. Whitcomb" |
    // "Director, Investor Relations" | "(713) 555-0187").
    if (
      countWords(trimmed) <= 5 &&
      NAME_RUN_WHOLE.test(trimmed) &&
      [1, 2].some((d) => CONTACT_LINE.test(String(paragraphs[p + d] ?? '').trim()))
    )
      contacts.push({ name: trimmed, paragraph: p });
    const header = emailHeader(trimmed);
    if (header) {
      // (a correspondent the body names too stays a person: the sender of minutes listed as present)
      contacts.push(...header.correspondents.map((name) => ({ name, paragraph: p })));
      if (headerDate === null && header.date) headerDate = header.date;
      if (headerSubject === null && header.subject) headerSubject = header.subject;
      inSignature = false;
      continue;
    }
    if (/^-{2,}\s*(?:Forwarded message|Original Message)/i.test(trimmed)) {
      inSignature = false;
      continue;
    }
    if (/^(?:--|–|—)\s*(?:\n|$)/.test(trimmed)) {
      inSignature = true;
      continue;
    }
    if (inSignature) continue;
    // Quoted replies: every line starts with ">".
    if (trimmed.split('\n').every((l) => l.trim().startsWith('>'))) continue;
    if (trimmed.length <= 40 && p >= total / 2 && STOP.has(trimmed.toLowerCase().replace(/[:\s]+$/, ''))) break;
    if (isChrome(trimmed)) {
      // "Issued by: ASEAN Secretariat, 30 April 2026" is chrome, but its date is the publication date.
      // (a byline's date too: "By Lorena Castillo | Thursday, 16 July 2026, 09:45"; and a line of a breadcrumb's
      // paragraph: "Home > Supply Chain\nPrint edition 13/2026 | Online: Monday, 29 June 2026")
      if (chromePubLine === null && p < 10 && countWords(trimmed) <= 24)
        chromePubLine =
          [trimmed, ...trimmed.split(/\n|\s\|\s/).map((x) => x.trim())].find(
            (line, i) =>
              (i === 0 ? CHROME_PUB_HEAD : CHROME_PUB_LINE).test(line) &&
              parseDates(line, null).some((x) => x.yearCertain),
          ) ?? null;
      continue;
    }
    kept.push({ text: raw, index: p });
  }
  // A press contact or an e-mail's correspondent is no one of the meeting, unless the body names them too ("Chief
  // Financial Officer Marte Lind-Olsen" above "For further information: Marte Lind-Olsen, CFO, +47 …").
  for (const c of contacts)
    if (!kept.some((k) => k.index !== c.paragraph && k.text.includes(c.name))) authors.push(c.name);
  // Minutes open with their meeting's date: "# Planning Committee Meeting — Minutes" over "**Wednesday 18 February
  // 2026**" is the meeting's date line, not the publication's.
  const minutesHead = kept.slice(0, 4).findIndex((k) => /\bminutes\b/i.test(k.text) && countWords(k.text) <= 15);
  if (minutesHead >= 0) {
    for (const k of kept.slice(minutesHead + 1, minutesHead + 4)) {
      const first = k.text.split('\n')[0];
      const d = countWords(first) <= 16 ? parseDates(first, null).find((x) => x.yearCertain) : undefined;
      if (!d || MEETING_VERB.test(first) || isMeetingDateField(first)) continue;
      // ("Published on SGXNet: 8 May 2026" says whose date it is)
      if (OWN_DATE_LINE.test(first)) continue;
      const rest = first.slice(0, d.index) + first.slice(d.index + d.length);
      if (rest.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w)).length > 1) continue;
      k.text = `Date of meeting: ${k.text}`;
      break;
    }
  }
  // Date lines before the body: short paragraphs or lines holding a full date. A line that says it is the
  // publication date ("Posted by the Clerk: February 4, 2026", "Published: 10 June 2026") wins.
  const dateLines: string[] = [];
  // Minutes that give "Date:" beside "Place:"/"Venue:" give the meeting's date, not the publication's.
  const meetingFields = kept.slice(0, 14).some((k) => /^\s*(?:Venue|Place|Location)\s*:/i.test(k.text));
  let lineDateline: Prepared['dateline'] = null;
  let pubLine: string | null = null;
  // (a header table runs longer: "Date of circulation" can be its twelfth row)
  const headRows = kept.findIndex((k) => countWords(k.text) >= 30);
  for (const k of kept.slice(0, Math.max(8, Math.min(headRows, 20)))) {
    if (countWords(k.text) >= 30 && dateLines.length === 0 && kept.indexOf(k) > 0) break;
    for (const whole of k.text.split('\n')) {
      if (
        !pubLine &&
        ((PUB_FIELD.test(whole.trim()) &&
          !(meetingFields && /^\s*Date\s*:/i.test(whole)) &&
          parseDates(whole, null).some((x) => x.yearCertain)) ||
          // "Report version: v1.1 – circulated 12.11.2026": a minutes' circulation date.
          CIRCULATED.test(whole) ||
          // "Posted March 11, 2026 by the Office of the Town Clerk": the date right after the verb.
          (POSTED_DATE.test(whole.trim()) &&
            parseDates(whole.trim(), null).some((x) => x.yearCertain && x.index <= 32)))
      )
        pubLine = whole.trim();
    }
    // "October 24, 2025 · by Layla Haddad · 6 min read": each piece of a masthead line on its own.
    const lines = k.text.split(/\n|\s[·|•]\s|\s\(/);
    // "Fríkirkjufréttir – Newsletter of …, No. 4/2026 – 18 May 2026": a short masthead's last piece after a dash.
    const dash = /\s[–—]\s(?=[^–—]*$)/.exec(k.text);
    if (dash && countWords(k.text) <= 30) lines.push(k.text.slice(dash.index + dash[0].length));
    // "Serving Brome Lake … since 1894 Wednesday, March 11, 2026 · Vol. 132": a masthead's lines joined, its date
    // line from the weekday on.
    const weekday = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? (?=\d{1,2} \p{Lu}|\p{Lu}\p{Ll}+\.? \d)/u.exec(
      k.text,
    );
    if (
      weekday &&
      weekday.index > 0 &&
      countWords(k.text) <= 30 &&
      // (after a year or a name, not a verb's date: "The board met on Wednesday, 5 March")
      /(?:\b\d{4}|\p{Lu}\p{L}*)\s*$/u.test(k.text.slice(0, weekday.index)) &&
      !MEETING_VERB.test(k.text.slice(0, weekday.index))
    )
      lines.push(k.text.slice(weekday.index).split(/\s[·|•]\s/)[0]);
    for (const line of lines) {
      if (countWords(line) > 24) continue;
      // A line that is mostly a date, or a dateline ("Zurich, 5 March 2026"), not a sentence that holds one.
      const d = parseDates(line, null).find((x) => x.yearCertain);
      if (!d) continue;
      // "held on Friday 26 June 2026" under a minutes heading dates the meeting, not the publication; so does a
      // "Date:" field beside a "Place:" field.
      if (
        MEETING_VERB.test(line.slice(0, d.index)) ||
        (meetingFields && /^\s*Date\s*:/i.test(line)) ||
        isMeetingDateField(line)
      )
        continue;
      const rest = line.slice(0, d.index) + line.slice(d.index + d.length);
      const lowerWords = rest.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w)).length;
      if (lowerWords <= 3 || /\p{Lu}[\p{L}.'-]*,\s*$/u.test(line.slice(0, d.index))) {
        dateLines.push(line.trim());
        // "Lima, 23 June 2026": a date line that opens with a known place is a dateline without the dash.
        const head = /^\s*(\p{Lu}[\p{L}\p{M}'’. -]{1,40}?),\s*$/u.exec(line.slice(0, d.index));
        const place = head ? placeName(head[1]) : null;
        if (place && !lineDateline) lineDateline = { place, date: line.slice(d.index, d.index + d.length) };
      }
    }
    if (countWords(k.text) >= 30) break;
  }
  if (!pubLine && chromePubLine) pubLine = chromePubLine;
  // A sign-off date line at the foot: "JAKARTA, 20 JANUARY 2026", "Issued by …, Colombo, 25 September 2025."
  if (!pubLine && dateLines.length === 0) {
    const foot = kept.slice(-6).reverse();
    for (const [x, k] of foot.entries()) {
      if (countWords(k.text) > 16) continue;
      const line = k.text.trim().replace(/\b([A-Z])([A-Z]{2,})\b/g, (_m, a: string, b: string) => a + b.toLowerCase());
      const d = parseDates(line, null).find((x) => x.yearCertain);
      if (!d) continue;
      // (above the last three lines, only a place-and-date line: "Graz, 27 November 2025" over the signatures)
      if (
        x >= 3 &&
        !(/^\p{Lu}[\p{L}\p{M} .'’-]*,\s*$/u.test(line.slice(0, d.index)) && !line.slice(d.index + d.length).trim())
      )
        continue;
      // (not a sentence that tells the meeting: "The Committee met on 11 March 2026 in Dublin.")
      if (MEETING_VERB.test(line.slice(0, d.index))) continue;
      const rest = (line.slice(0, d.index) + line.slice(d.index + d.length)).replace(/^\W*issued by\b/i, '');
      if (rest.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w)).length <= 2 && kept.length > 1) {
        pubLine = line;
        break;
      }
    }
  }
  // Sentences, list items and participant-list headers.
  const sentences: Sentence[] = [];
  const headingSentences = new Set<number>();
  const listAttendance = new Map<number, ListMode>();
  let listMode: ListMode | undefined;
  // Under a minutes heading ("PRESENT"): sub-headings and rows follow until the next heading.
  let inRoster = false;
  let cellMode = false;
  // The last row ended in a semicolon: a list whose bullets the normalizer dropped runs on to its last row.
  let semicolonList = false;
  let dateline: Prepared['dateline'] = null;
  for (const k of kept) {
    const segs = segments(k.text).flatMap(splitLeaderRows);
    for (let q = 0; q < segs.length; q++) {
      let seg = segs[q];
      const isItem = BULLET.test(seg) || /\.{4,}|…{2,}/.test(seg);
      seg = seg.replace(BULLET, '').replace(/\*\*/g, '').replace(NICKNAME, '$1 ');
      if (!seg.trim()) continue;
      // A dateline opens the first body paragraph: "ADDIS ABABA, Oct 4 (Meridian Wire) – …".
      const dl: RegExpExecArray | null =
        dateline || sentences.length > 12 || !DATELINE_DASH.test(seg.slice(0, 120))
          ? null
          : (/^(\p{Lu}[\p{L}\p{M}'’. -]{1,40}?)(?:\s*\([^)]{1,12}\))?,\s+([^()–—-]{3,40}?)\s*(?:\([^)]{1,40}\))?\s*(?:--|–|—|-)\s+/u.exec(
              seg,
            ) ??
            // a newswire's: "HOUSTON--(BUSINESS WIRE)--Feb. 24, 2026--"
            /^(\p{Lu}[\p{Lu}\p{M}'’. ,-]{1,40}?)--\([\p{Lu} ]{3,30}\)--([^–—]{3,30}?)--\s*/u.exec(seg) ??
            // and "SEOUL, South Korea, October 15, 2025 /PRNewswire/ --"
            /^(\p{Lu}[\p{Lu}\p{M}'’. -]{1,40}?),\s+(?:[\p{L} .]{2,30},\s+)?(\p{Lu}\p{Ll}+\.? \d{1,2}, \d{4})\s*\/[\p{L} -]{2,30}\/\s*(?:--|–|—)\s*/u.exec(
              seg,
            ) ??
            // (a stop before the dash is no part of the name: "CUSCO.– El Consejo …", "CUSCO. – …")
            /^(\p{Lu}[\p{L}\p{M}'’. -]{0,40}?[\p{L}\p{M}])\.?()\s*(?:--|–|—)\s+/u.exec(seg));
      if (dl && !dateline) {
        // A place the gazetteer does not know is still the dateline's when a date follows it ("Kyebi (E/R), Nov
        // 10, GNA –"): one to three capitalized words.
        const place: string | null =
          placeName(dl[1]) ??
          (!isCalendarWord(dl[1].trim()) &&
          /^\p{Lu}[\p{L}\p{M}'’-]+(?: \p{Lu}[\p{L}\p{M}'’-]+){0,2}$/u.test(dl[1].trim()) &&
          // a date after it ("Kyebi (E/R), Nov 10, GNA –"), the headline's place ("… town hall in Silver City" over
          // "SILVER CITY —"), or a wire's capitals ("KANDARA –")
          ((dl[2] && parseDates(dl[2], null).length > 0) ||
            (countWords(dl[1]) <= 3 &&
              [doc.title ?? '', ...sentences.map((x) => x.text)].some((h) =>
                h.includes(` in ${titleCaseWords(dl[1].trim())}`),
              )) ||
            // a name the head repeats ("Aßling – There were not enough chairs" under "… Aßling council says yes")
            (countWords(dl[1]) === 1 &&
              !isDictionaryWord(dl[1].trim()) &&
              !isCommonWord(dl[1].trim()) &&
              !isTitleWord(dl[1].trim().toLowerCase()) &&
              [doc.title ?? '', ...sentences.map((x) => x.text)].some((h) =>
                h.split(/[\s:,;–—>]+/).includes(dl[1].trim()),
              )) ||
            // (with a Romance particle inside: "OAXACA DE JUÁREZ —")
            (/^[\p{Lu}'’-]+(?: (?:DE|DEL|DA|DO|DOS|DAS|LA|LAS|LOS|EL) [\p{Lu}'’-]+| [\p{Lu}'’-]+)?$/u.test(
              dl[1].trim(),
            ) &&
              dl[1]
                .trim()
                .split(' ')
                .filter((w) => !DATELINE_PARTICLES.test(w))
                .every(
                  (w) =>
                    w.length >= 4 &&
                    /[AEIOUY]/.test(w) &&
                    !isCommonWord(w) &&
                    !isDictionaryWord(w) &&
                    !isTitleWord(w.toLowerCase()),
                ) &&
              countWords(seg.slice(dl[0].length)) >= 8))
            ? titleCaseWords(dl[1].trim()).replace(/ (De|Del|Da|Do|Dos|Das|La|Las|Los|El) /g, (w) => w.toLowerCase())
            : null);
        if (place) {
          dateline = { place, date: dl[2] || null };
          seg = seg.slice(dl[0].length);
        }
      }
      // A roster whose lines were joined ("Siân Lloyd-Jones, Vice-Chair Dr Gareth Wyn Evans, Chief Executive …"):
      // one segment per entry.
      // A roster of entries joined with semicolons ("Morag Compton-Lyall (Board Chair); Alasdair Henderson (Vice
      // Chair); non-executive directors Ann Clunie, …"): one row an entry, the lower-case ones too.
      let semicolonRow = false;
      if (listMode !== undefined && !isItem && listMode !== 'absent') {
        const rows = seg.split(/;\s+/).filter((r) => r.trim());
        if (rows.length > 2 && rows.every((r) => countWords(r) <= 45)) {
          segs.splice(q + 1, 0, ...rows.slice(1).map((r) => `\u0001${r}`));
          seg = rows[0];
        }
      }
      if (seg.startsWith('\u0001')) {
        seg = seg.slice(1);
        semicolonRow = true;
      }
      if (listMode !== undefined && !isItem) {
        const rows = splitRoster(seg);
        if (rows.length > 1) {
          segs.splice(q + 1, 0, ...rows.slice(1));
          seg = rows[0];
        }
      }
      const words = countWords(seg);
      const ss = splitSentences(seg, k.index, sentences.length);
      // "… who holds the rotating chair. The following also took part:": the header is the segment's last sentence.
      const last = ss.length > 0 ? ss[ss.length - 1].text : seg;
      const header = /:\s*$/.test(last) && PARTICIPANT_HEADER.test(last) && countWords(last) <= 30;
      // A minutes heading on its own ("PRESENT", "IN ATTENDANCE", "APOLOGIES"): the roster under it.
      const heading = !header && words <= 5 && ROSTER_HEADING.exec(seg.trim());
      // A sub-heading inside a roster ("In the Boardroom:", "Via Microsoft Teams:", "Directors:").
      // (or without a colon, naming a group of people: "Elected community councillors", "Nominated member")
      const subHeading =
        !header &&
        !heading &&
        inRoster &&
        words <= 6 &&
        (/:\s*$/.test(seg) ||
          // (how a group attended: "In the room", "Online (MS Teams)", "Via Zoom")
          ATTENDANCE_SUBHEADING.test(seg.trim()) ||
          (!/[.!?]\s*$/.test(seg) &&
            (seg.match(/(?:^|\s)\p{Lu}/gu)?.length ?? 0) <= 1 &&
            /\b(?:members?|councillors?|councilors?|directors?|officers?|trustees?|governors?|guests?|observers?|delegates?|representatives?|staff|attendees|officials)\s*$/i.test(
              seg,
            )));
      // A table flattened to one paragraph per cell under a heading ("Who took part" | "Sanne de Vries" |
      // "Minister for …" | "Netherlands"): short cells without a full stop are items.
      const cell = words <= 16 && !/[.!?:]\s*$/.test(seg);
      if (cellMode && !header) {
        if (cell) for (const s of ss) listAttendance.set(s.index, null);
        else cellMode = false;
      }
      if (!header && !heading && cell && words <= 6 && PARTICIPANT_HEADER.test(seg) && listMode === undefined)
        cellMode = true;
      // The next all-caps heading ("EMB26/01 WELCOME AND APOLOGIES", "CHAIRMAN AND QUORUM") closes the roster.
      // So does a short mixed-case heading ("Key outcomes", "Decisions"): a row names someone, with capitals.
      if (
        inRoster &&
        !header &&
        !heading &&
        !subHeading &&
        ((!/\p{Ll}/u.test(seg) && /\p{Lu}{2}/u.test(seg)) ||
          (cell && words <= 6 && (seg.match(/(?:^|\s)\p{Lu}/gu)?.length ?? 0) < 2))
      ) {
        listMode = undefined;
        inRoster = false;
      }
      if (listMode !== undefined && !header && !heading && !subHeading) {
        // ("- the Beninese President, H.E. Romuald Adjovi;" under "… took part in the Summit:")
        const rowEnd = /;\s*(?:and\s*)?$/.test(seg);
        const looksLikeItem: boolean =
          isItem || semicolonRow || (words <= 45 && (/^[\p{Lu}]/u.test(seg.trim()) || rowEnd || semicolonList));
        semicolonList = looksLikeItem && rowEnd;
        if (looksLikeItem) for (const s of ss) listAttendance.set(s.index, listMode);
        else {
          listMode = undefined;
          inRoster = false;
        }
      }
      if (header) {
        listMode = headerAttendance(last);
        inRoster = false;
      } else if (heading) {
        listMode = ABSENT_HEADING.test(heading[1]) ? 'absent' : headerAttendance(heading[1]);
        inRoster = true;
        cellMode = false;
      } else if (subHeading) listMode = ABSENT_HEADING.test(seg) ? 'absent' : headerAttendance(seg);
      // A short label inside a list ("Deputies:", "Senators:") heads its own rows; any other line ending in a
      // colon ends the list.
      else if (/:\s*$/.test(seg) && !(listMode !== undefined && words <= 3)) {
        listMode = undefined;
        inRoster = false;
      }
      if (!/\p{Ll}/u.test(seg)) for (const x of ss) headingSentences.add(x.index);
      sentences.push(...ss);
    }
  }
  if (!dateline && lineDateline) dateline = lineDateline;
  return {
    sentences,
    headingSentences,
    authors,
    pubLine,
    listAttendance,
    headerDate,
    headerSubject,
    dateLines,
    dateline,
    warnings,
  };
}

/** A field line with the document's own date ("Published: …", "Date of report: …"), not the meeting's ("Date of
 * dialogue: …", "Date and time: …"). */
/** The words a line uses to say it is the publication's own date ("Published: 10 June 2026", "Posted March 11"). */
const PUBLICATION_WORDS = 'Published|Posted|Issued|Released|Dated|Updated';
/** A date line that names whose date it is ("Published on SGXNet: 8 May 2026", "Circulated 12.11.2026"). */
/** A chrome paragraph's date line: its head ("By Lorena Castillo | 16 July 2026") or one of its lines ("Online: …"). */
const CHROME_PUB_HEAD = new RegExp(`^(?:${PUBLICATION_WORDS}|By)\\b`, 'i');
const CHROME_PUB_LINE = new RegExp(`^(?:${PUBLICATION_WORDS}|Online)\\b`, 'i');
const OWN_DATE_LINE = new RegExp(`^\\W*(?:${PUBLICATION_WORDS}|Circulated|Approved)\\b`, 'i');
const PUB_FIELD = new RegExp(
  `^(?:${PUBLICATION_WORDS}|Circulated|Distributed|Date(?! of (?:the )?(?:${MEETING_FIELD_NOUNS}))(?!\\s*(?:&|and|\\/)\\s*time))\\b[^:]{0,60}:`,
  'i',
);
const DATELINE_DASH = /[–—-]/;
/** Words before a date that make its line tell the meeting, not the publication. */
const MEETING_VERB = /\b(?:held|took place|convened|met|meets|gathered|opened|sat)\b/i;
/** A line that opens with a short label: "Deputies: …", "Present:", "Iarnród Éireann: Ms …". */
const LINE_LABEL = /^\s*\p{Lu}[^:\n.]{0,40}:(?:\s|$)/u;
/** A label of a record's field line ("Venue:", "Dates:", "Issued by:"). */
const FIELD_LABEL =
  /(?:^|\s)(?=(?:Venue|Place|Location|Date(?:\s*(?:&|and)\s*time)?|Dates|Date of (?:the )?meeting|Meeting date|Time|Issued by|Published|Posted|Circulated|Distributed|Session|Meeting|Chair|Chairperson|Chaired by|Presiding|Subject|Reference|Ref\.?|Organi[sz]ed by|Host|Hosted by|Format|Status|Meeting no\.?|(?:Notes|Minutes) by|Prepared by|Recorded by)\s*:\s)/g;

/**
 * A block of field lines whose line breaks were lost ("Venue: Vientiane, Lao PDR, and online Dates: 22-24 April
 * 2026 Issued by: ASEAN Secretariat, 30 April 2026"): one paragraph a field, so the venue, the meeting's dates and
 * the issue date are read apart.
 */
function splitFields(paragraph: string): string[] {
  // (an e-mail header block stays whole; a "Date:" field line beside "Location:" is no e-mail header)
  if (!paragraph.includes(':') || (HEADER_START.test(paragraph) && !/^\s*Date\s*:/i.test(paragraph)))
    return [paragraph];
  if (/^\s*Date\s*:/i.test(paragraph) && (paragraph.match(HEADER_KEYS)?.length ?? 0) >= 2) return [paragraph];
  // Lines of labels ("Present:" / "Deputies: A, B" / "Senators: C"): one paragraph a line.
  const lines = paragraph.split('\n');
  if (lines.length >= 2 && lines.filter((l) => LINE_LABEL.test(l)).length >= 2)
    return lines.map((l) => l.trim()).filter(Boolean);
  if (paragraph.length > 600) return [paragraph];
  const cuts = [...paragraph.matchAll(FIELD_LABEL)].map((m) => m.index + (m[0].length > 0 ? 1 : 0));
  if (cuts.length < 2) return [paragraph];
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    if (c > from) out.push(paragraph.slice(from, c).trim());
    from = c;
  }
  out.push(paragraph.slice(from).trim());
  return out.filter(Boolean);
}
const DATELINE_PARTICLES = /^(?:DE|DEL|DA|DO|DOS|DAS|LA|LAS|LOS|EL)$/;
/** A nickname in quotes inside a name ('Luiz Fernando "Nando" Teixeira'): dropped, so the name reads whole. */
const NICKNAME = new RegExp(
  `(\\p{Lu}[\\p{L}\\p{M}'’.-]*)\\s+["“]\\p{Lu}[\\p{L}\\p{M}'’-]{1,14}["”]\\s+(?=\\p{Lu}|(?:${namesData.particles
    .filter((x) => /^\p{Ll}+$/u.test(x))
    .join('|')})\\s+\\p{Lu})`,
  'gu',
);
const CIRCULATED = /\b(?:circulated|distributed)(?: on)?\s+\d{1,2}[./]\d{1,2}[./]\d{4}\b/i;
const POSTED_DATE = new RegExp(
  `^(?:${PUBLICATION_WORDS}|Uploaded)(?:\\s+(?:on|at))?\\s+(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?\\p{Lu}\\p{Ll}+\\.?\\s+\\d`,
  'u',
);
const LEADER_RUN = /\.{4,}|…{2,}/g;
const HEAD_OF =
  /^(?:Executive |Managing |Deputy )?(?:Director-General|Director General|Director|Chief Executive(?: Officer)?|CEO|Head|Chair|Chairman|Chairperson|Chairwoman)\b.*?\bof (\p{Lu}[\p{L}\p{M}'’&-]+)$/u;
const TITLE_AT = /\bat (\p{Lu}[\p{L}\p{M}'’&.-]*(?: (?:\p{Lu}[\p{L}\p{M}'’&.-]*|of|for|and|&))*)$/u;

/**
 * A dotted-leader table whose rows were joined into one line ("Dr. Claudia Brenner ........ Chair of the Board
 * Marc-Antoine Dubois ........ Chief Executive Officer"): one segment per row. A row's name is the run of name
 * words (and honorifics) just before its leader.
 */
function splitLeaderRows(segment: string): string[] {
  if (!segment.includes('....') && !segment.includes('……')) return [segment];
  const leaders = [...segment.matchAll(LEADER_RUN)];
  if (leaders.length < 2) return [segment];
  const tokens = tokenize(segment);
  const cuts: number[] = [];
  for (const l of leaders.slice(1)) {
    let k = tokens.findIndex((t) => t.start === l.index);
    if (k < 0) continue;
    let start = k;
    while (start > 0) {
      const t = tokens[start - 1];
      const nameLike =
        t.word && t.cap && !isTitleWord(t.lower) && !/^(?:Board|Committee|Officer|Secretary|Director)$/.test(t.text);
      const honorific = /^(?:Dr|Prof|Mr|Mrs|Ms|Sir|Dame|H\.E|Cllr)\.?$/.test(t.text);
      if (!nameLike && !honorific) break;
      start--;
      k = start;
    }
    if (start > 0) cuts.push(tokens[start].start);
  }
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(segment.slice(from, c).trim());
    from = c;
  }
  out.push(segment.slice(from).trim());
  return out.filter(Boolean);
}

/**
 * Sentences naming only other months than the meeting's ("… in the city of Arica, in October 2026", "an earlier
 * session in Ypres (October 2024)"): another event's. Without a meeting date, months after the publication.
 */
function otherMonths(sentences: Sentence[], day: string | null): number[] {
  if (!day) return [];
  const month = day.slice(0, 7);
  return sentences
    .filter((s) => {
      const months = monthsNamed(s.text);
      return months.length > 0 && months.every((m) => m !== month);
    })
    .map((s) => s.index);
}

/** The first short, mixed-case line without a full stop: a plain-text headline. */
function headline(first: Sentence[]): string | null {
  const h = first.find((x) => /\p{Ll}/u.test(x.text) && !/[.!?:]\s*$/.test(x.text) && countWords(x.text) <= 18);
  return h?.text.trim() ?? null;
}

function placeName(s: string): string | null {
  const tokens = tokenize(s.trim());
  // A capital, a curated city or a city of the world gazetteer ("KARAGANDA –", "PONTA DELGADA, Azores –"), alone
  // or before an agency's initials ("KARAGANDA. QNA –").
  const p = matchWorldPlace(tokens, 0);
  if (!p) return null;
  if (p.length === tokens.length) return p.place;
  const rest = tokens.slice(p.length + 1);
  if (
    tokens[p.length].text === '.' &&
    rest.length > 0 &&
    rest.length <= 2 &&
    rest.every((t) => t.word && /^\p{Lu}{2,6}$/u.test(t.text))
  )
    return p.place;
  return null;
}

function headerAttendance(header: string): Attendance | null {
  if (
    /video|remote|virtual|online|\b(?:via|by|on) (?:microsoft )?(?:teams|zoom|webex|skype)\b|electronic means/i.test(
      header,
    )
  )
    return 'video link';
  if (/represented|proxy/i.test(header)) return 'represented';
  if (
    /in person|in the (?:meeting |board|council |conference )?(?:room|chambers?|hall)\b|in the boardroom|at the venue|\bpresent\b/i.test(
      header,
    )
  )
    return 'in person';
  return null;
}

/** An office word or its plural ("Director", "Members"). */
const officeLike = (t: Token): boolean =>
  isTitleWord(t.lower) || (/s$/.test(t.lower) && isTitleWord(t.lower.slice(0, -1)));

const ROSTER_LOWER = new Set(
  'and of for the in via by on at to with a an de da du des la le van von der den bin binti ibn ap y e et'.split(' '),
);

/**
 * Entries of a roster printed one a line and joined into one paragraph: "Siân Lloyd-Jones, Vice-Chair Dr Gareth
 * Wyn Evans, Chief Executive Professor Aled Roberts, …, Independent Members Huw Prys Davies, Executive Director of
 * Finance". Only a segment of names and offices (no verb: every lower-case word a connector) is cut: before an
 * honorific that follows an office word, after a closing parenthesis, after a plural office ("Members").
 */
function splitRoster(seg: string): string[] {
  if (!seg.includes(',') || /[.;:!?]\s*$/.test(seg.trim())) return [seg];
  const tokens = tokenize(seg);
  for (const t of tokens) if (t.word && !t.cap && !/^\d/.test(t.text) && !ROSTER_LOWER.has(t.lower)) return [seg];
  // "Name, Office" rows (the first entry opens with a name and a comma, not with an office or an honorific):
  // after an office word, capitalized words up to the next comma are the next row's name.
  const firstComma = tokens.findIndex((t) => t.text === ',');
  const nameFirst =
    firstComma >= 2 &&
    firstComma <= 5 &&
    tokens.slice(0, firstComma).every((t) => t.word && t.cap && !isTitleWord(t.lower)) &&
    !matchHonorific(tokens, 0);
  const cuts: number[] = [];
  for (let k = 2; k < tokens.length; k++) {
    const t = tokens[k];
    const prev = tokens[k - 1];
    if (!t.word || !t.cap) continue;
    const honorific = matchHonorific(tokens, k);
    const prevHonorific = matchHonorific(tokens, k - 1) || (k > 1 && matchHonorific(tokens, k - 2));
    if (honorific && prev.word && !ROSTER_LOWER.has(prev.lower) && !prevHonorific) cuts.push(t.start);
    else if (prev.text === ')') cuts.push(t.start);
    else if (
      prev.word &&
      prev.cap &&
      /s$/.test(prev.lower) &&
      isTitleWord(prev.lower.slice(0, -1)) &&
      !isTitleWord(t.lower) &&
      !honorific
    )
      cuts.push(t.start);
    else if (nameFirst && prev.word && prev.cap && isTitleWord(prev.lower) && !officeLike(t)) {
      let e = k;
      while (e < tokens.length && e - k < 4 && tokens[e].word && tokens[e].cap && !officeLike(tokens[e])) e++;
      if (e - k >= 2 && tokens[e]?.text === ',') cuts.push(t.start);
    }
  }
  if (cuts.length === 0) return [seg];
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(seg.slice(from, c).trim());
    from = c;
  }
  out.push(seg.slice(from).trim());
  return out.filter(Boolean);
}

const validIso = (s: string | null | undefined): string | null =>
  typeof s === 'string' && ISO.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) ? s : null;

/** Extracts the record's metadata and entities from a normalized document. */
/** The opening of a report of a meeting that just happened. */
const DAY_NEWS =
  /\b(?:(?:was|were) held|met|took place|concluded|opened|convened|agreed|signed)\b(?! (?:on|next|in (?:January|February|March|April|May|June|July|August|September|October|November|December)))/;

export function extractMetadata(doc: ExtractInput, options: ExtractOptions = {}): Extraction {
  forgetParsedDates(doc.language, typeof doc.text === 'string' ? doc.text : '');
  const prepared = prepare(doc);
  const { sentences } = prepared;
  const warnings = [...prepared.warnings];
  const referenceOption = validIso(options.referenceDate);

  // Title: metadata, else the e-mail subject without "Fwd:"/"Re:".
  let title = typeof doc.title === 'string' && doc.title.trim() ? doc.title.trim() : null;
  if (!title && prepared.headerSubject)
    title = prepared.headerSubject.replace(/^(?:(?:fwd?|fw|re|aw|tr):\s*)+/i, '').trim();

  // Publication date: metadata, e-mail Date header, masthead/press-release date line, dateline.
  let publishedDate = validIso(doc.publishedDate);
  if (!publishedDate && prepared.headerDate) publishedDate = dateOfLine(prepared.headerDate, referenceOption);
  let pubLine: string | null = null;
  if (!publishedDate && prepared.pubLine) {
    publishedDate = dateOfLine(prepared.pubLine, referenceOption);
    pubLine = prepared.pubLine;
  }
  if (!publishedDate && prepared.dateLines.length > 0) {
    publishedDate = dateOfLine(prepared.dateLines[0], referenceOption);
    pubLine = prepared.dateLines[0];
  }
  if (!publishedDate && prepared.dateline?.date) publishedDate = dateOfLine(prepared.dateline.date, referenceOption);
  const reference = publishedDate ?? referenceOption;

  // Organizations first: people need acronyms and bodies for titles and affiliations. A company's all-caps
  // masthead ("ORCHIDIA HOLDINGS LIMITED") names the company.
  const orgContext = new OrganizationContext();
  for (const s of sentences.slice(0, 4)) {
    const company = prepared.headingSentences.has(s.index) ? headingCompany(s.text) : null;
    if (company) orgContext.define(company, null);
  }
  const orgs = findOrganizations(
    sentences.filter((s) => !prepared.headingSentences.has(s.index)),
    orgContext,
  );

  // Dates: every sentence but the line the publication date came from.
  const besides = (line: string | null) => (s: Sentence) =>
    !line || !(line.includes(s.text.trim()) || s.text.includes(line));
  const eventSentences = sentences.filter(besides(pubLine));
  // A page whose metadata dates it and whose head repeats that date ("Date: 12 June 2026"): the line is the
  // publication's too, unless no other sentence dates the meeting.
  const headLine = !pubLine && publishedDate ? (prepared.pubLine ?? prepared.dateLines[0] ?? null) : null;
  const headPub = headLine !== null && dateOfLine(headLine, referenceOption) === publishedDate ? headLine : null;
  // "Seoul, 4 June 2026 – … took part today" on a page posted on 5 June: the body's dateline is its "today".
  const datelineDay = prepared.dateline?.date ? dateOfLine(prepared.dateline.date, referenceOption) : null;
  const today =
    datelineDay && reference && datelineDay < reference && datelineDay >= addDays(reference, -7)
      ? datelineDay
      : reference;
  let event = findEventDate(eventSentences.filter(besides(headPub)), today, reference);
  if (headPub && !event.date) event = findEventDate(eventSentences, today, reference);
  // A dateline date ("Dhaka, 17 August 2026 --") over a report whose opening tells the meeting in the past tense
  // ("was held", "met") and names no other day: the meeting is the day's news.
  if (!event.date && prepared.dateline?.date) {
    const day = dateOfLine(prepared.dateline.date, referenceOption);
    const opening = sentences.filter((s) => !prepared.headingSentences.has(s.index)).slice(0, 3);
    if (day && (!reference || day <= reference) && opening.some((s) => DAY_NEWS.test(s.text))) event.date = day;
  }
  // Sentences about another day ("said on Friday"): their speech verbs are not taking part.
  const otherDay = new Set<number>();
  if (event.date) {
    for (const s of sentences) {
      const dates = parseDates(s.text, reference);
      // (a day inside the meeting's own range is the meeting's: "ended in Kumasi last Thursday")
      const last = event.end ?? event.date;
      if (
        dates.length > 0 &&
        !dates.some(
          (d) => (d.date >= event.date! && d.date <= last) || (d.date <= event.date! && (d.end ?? '') >= event.date!),
        )
      )
        otherDay.add(s.index);
    }
  }
  if (!event.date) warnings.push('eventDate: no date of the meeting found');
  if (!reference) warnings.push('publishedDate: none found; relative dates unresolved');

  const eventName = findEventName(sentences, event.sentence, title);

  // People.
  const people = findPeople(sentences, { orgs, otherDay, authors: prepared.authors }, prepared.listAttendance);

  // "Kari Sørlie, Portfolio Manager at Folketrygdfondet": the body a title ends in is an organization, and the
  // person's affiliation.
  for (const p of [...people.participants, ...people.mentionedPeople]) {
    // "Director-General of Trafikverket": a one-word body after the head of an agency or a company.
    const headOf = p.title && !p.affiliation ? HEAD_OF.exec(p.title) : null;
    const at = p.title ? (TITLE_AT.exec(p.title) ?? headOf) : null;
    if (!at || normalizeCountry(at[1]) || placeName(at[1]) || isTitleWord(at[1].toLowerCase())) continue;
    if (at === headOf && (isCommonWord(at[1]) || isKnownName(at[1]))) continue;
    const ref = orgs.record(at[1], null);
    p.affiliation = ref.name;
  }

  // Countries (names, long forms, adjectives), skipping words inside person names.
  const countries = findCountries(sentences, { personTokens: people.personTokens, isTitleWord });

  // Location.
  const hostCountry =
    people.chairs.map((c) => (c.affiliation ? normalizeCountry(c.affiliation) : null)).find((c) => c) ?? null;
  const participantPlaces = people.participants.flatMap((p) => metaOf(p).placeTokens);
  const location = findLocation({
    sentences,
    eventSentence: event.sentence,
    // a plain-text report's headline stands in for a missing title
    title: title ?? headline(sentences.slice(0, 3)),
    participantPlaces,
    hostCountry,
    dateline: prepared.dateline?.place ?? null,
    personTokens: people.personTokens,
    givenNames: new Set([...people.participants, ...people.mentionedPeople].map((p) => p.name.split(' ')[0])),
    countries,
    otherDay: new Set([...otherDay, ...otherMonths(sentences, event.date ?? reference)]),
    eventCountry:
      event.sentence === null ? null : (findCountries(sentences.filter((s) => s.index === event.sentence))[0] ?? null),
  });
  if (location.country && !countries.includes(location.country) && !isTerritory(location.country))
    countries.push(location.country);

  // Affiliations from context, then attendance defaults.
  const hostOrg = hostOrganization(eventName, orgs) ?? hostFromSentences(sentences, event.sentence, orgs);
  for (const p of [...people.participants, ...people.mentionedPeople]) {
    if (!p.affiliation && metaOf(p).pinyin && countries.includes('China')) p.affiliation = 'China';
  }
  for (const p of people.participants) if (!p.affiliation && hostOrg) p.affiliation = hostOrg;
  applyAttendanceDefaults(people.participants, location, sentences, event.sentence);

  const quantities = findQuantities(
    sentences
      .filter((s) => QUANTITY_HINT.test(s.text))
      .map((s) => s.text)
      .join('\n'),
  );

  return {
    title,
    publishedDate,
    eventDate: event.date,
    eventEndDate: event.end,
    eventName,
    location: location.place || location.country || location.virtual ? location : null,
    participants: people.participants.map(clean),
    mentionedPeople: people.mentionedPeople.map(clean),
    organizations: orgs.list(),
    countries: [...countries].sort(),
    quantities,
    warnings,
  };
}

function clean(p: Person): Person {
  const out: Person = { name: p.name, key: p.key || personKey(p.name), title: p.title ?? null };
  out.affiliation = p.affiliation ?? null;
  if ('attendance' in p) out.attendance = p.attendance ?? null;
  return out;
}

function hostOrganization(eventName: string | null, orgs: OrganizationContext): string | null {
  if (!eventName) return null;
  const tokens = tokenize(eventName);
  for (let k = tokens.length - 1; k >= 0; k--) {
    if (tokens[k].text !== 'of') continue;
    const start = tokens[k + 1]?.text === 'the' ? k + 2 : k + 1;
    if (matchCountryName(tokens, start)) return null;
    const o = orgs.matchAt(tokens, start);
    if (o && start + o.length === tokens.length) return o.name;
  }
  return null;
}

/** The body that met, when the event name does not say: an organization in the event or first sentence. */
function hostFromSentences(
  sentences: Sentence[],
  eventSentence: number | null,
  orgs: OrganizationContext,
): string | null {
  const around = eventSentence === null ? [] : [eventSentence, eventSentence - 1, eventSentence + 1];
  const pick = [...around.map((i) => sentences.find((s) => s.index === i)), ...sentences.slice(0, 3)];
  for (const s of pick) {
    if (!s) continue;
    for (let k = 0; k < s.tokens.length; k++) {
      const o = orgs.matchAt(s.tokens, k);
      if (o && /\b(?:Council|Board|Assembly|Committee|Parliament|Senate|Congress)\b/.test(o.name)) return o.name;
      if (o) k += o.length - 1;
    }
  }
  return null;
}

const VENUE_PRECHECK = /\b(?:held|took|met|meet|convened|gathered|hosted|visiting)\b/;
const VENUE_CUE =
  /\b(?:held|took place|met|meet|convened|gathered|hosted)\b[^.;]{0,80}?\b(?:in|at)\s+(?:the\s+)?\p{Lu}|\bvisiting\s+\p{Lu}|\b(?:held|met)\b[^.;]{0,60}\bin the (?:council )?chamber/u;

function applyAttendanceDefaults(
  participants: Person[],
  location: { place: string | null; country: string | null; virtual: boolean },
  sentences: Sentence[],
  eventSentence: number | null,
): void {
  if (location.virtual) {
    for (const p of participants) if (!p.attendance) p.attendance = 'video link';
    return;
  }
  if (!location.place && !location.country) return;
  for (const p of participants) {
    if (p.attendance) continue;
    const places = metaOf(p).placeTokens;
    if (places.some((x) => x === location.place || normalizeCountry(x) === location.country))
      p.attendance = 'in person';
  }
  // A venue stated for the meeting: near the event sentence or at the head of the text.
  const near = (s: Sentence) => s.index < 6 || (eventSentence !== null && Math.abs(s.index - eventSentence) <= 3);
  const venue = sentences.some((s) => near(s) && VENUE_PRECHECK.test(s.text) && VENUE_CUE.test(unwrap(s.text)));
  const anyRemote = participants.some((p) => p.attendance === 'video link');
  for (const p of participants) {
    if (p.attendance) continue;
    if (venue) p.attendance = 'in person';
  }
  if (!venue && anyRemote) {
    // Hybrid: attendees listed beside the remote ones (same paragraph) were there in person.
    const remoteParagraphs = new Set<number>();
    const byPerson = new Map<string, number[]>();
    for (const s of sentences)
      for (const p of participants) {
        const text = s.text;
        if (text.includes(p.name)) byPerson.set(p.key, [...(byPerson.get(p.key) ?? []), s.paragraph]);
      }
    for (const p of participants)
      if (p.attendance === 'video link') for (const para of byPerson.get(p.key) ?? []) remoteParagraphs.add(para);
    for (const p of participants) {
      if (p.attendance) continue;
      if ((byPerson.get(p.key) ?? []).some((para) => remoteParagraphs.has(para))) p.attendance = 'in person';
    }
  }
}

export const _internal = { prepare };
