// Dates: the publication date (metadata, e-mail header, masthead or dateline) and the day the meeting took place
// (chrono-node in strict mode, with the publication date as reference; weekdays and "today"/"yesterday" resolved
// to the most recent such day on or before publication). Never a date after publication, never one from a
// future-tense or other-event clause.
import * as chrono from 'chrono-node';
import { WORD_NUMBERS } from './quantities';
import type { Sentence } from './text';

export type DateCandidate = {
  date: string;
  end: string | null;
  sentence: number;
  paragraph: number;
  score: number;
  text: string;
  /** the date follows "opened", "began" … */
  opening?: boolean;
  /** the clause says the meeting "concluded", "closed" … before the date */
  closing?: boolean;
};

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_RE =
  '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
// Month names are capitalized in running text ("may" and "march" are verbs); weekdays and today/yesterday
// are checked case-insensitively.
const HAS_DATE_HINT = new RegExp(`\\b${MONTH_RE}(?![a-z])|\\d{4}-\\d{2}-\\d{2}`, 'i');
// Numeric dates with the day first, as most of the world writes them: "15.9.2026", "18/02/2026", "14.07.2026",
// "09-03-2026".
// Slashed dates whose first number could be a month and whose second could be a day ("03/09/2026") are read
// month-first only when the day-first reading is impossible (a US "12/25/2026").
const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d]|[./-]\d)/g;
// Year first, as East Asian and Hungarian sites print them: "2026.04.15", "2026/4/15", "2026. 04. 15." (always
// year, month, day).
// (not another calendar's: "2083/02/15 BS" is Nepal's Bikram Sambat, "1447/08/12 AH" the Hijri)
const OTHER_CALENDAR = /^\.?\s*(?:B\.?S|A\.?H|V\.?S|S\.?H)\b/;
const YEAR_FIRST_DATE =
  /(?<![\d./-])((?:19|20)\d{2})(\.\s?|\/)(\d{1,2})\2(\d{1,2})(?!\d|[./-]\d)(?!\.?\s*(?:B\.?S|A\.?H|V\.?S|S\.?H)\b)/g;
const HAS_DAY_HINT =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|last night|this (?:morning|afternoon|evening)|\d(?:st|nd|rd|th)? (?:inst|ult|prox)|of (?:last|this|the previous|the past) month)\b/i;
// Spanish reports ("martes, 14 de abril de 2026", "acordaron el lunes"): chrono-node's Spanish parser, and Spanish
// weekdays resolved like English ones.
const ES_DATE_HINT =
  /\b(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b/i;
const ES_WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const ES_DAY = /\bel (lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\b(?!,?\s*\d)/gi;

const NUMERIC_DATE_HINT = /\d[./-]\d{1,2}[./-]\d{4}\b|\b(?:19|20)\d{2}(?:\.\s?|\/)\d{1,2}(?:\.\s?|\/)\d{1,2}\b/;
const pad = (n: number) => String(n).padStart(2, '0');
export const isoOf = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const toUtc = (iso: string): Date => new Date(`${iso}T12:00:00Z`);
export const addDays = (iso: string, days: number): string => {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The most recent given weekday on or before the reference date. */
export function resolveWeekday(weekday: string, reference: string): string {
  const target = WEEKDAYS.indexOf(weekday.toLowerCase());
  const ref = toUtc(reference);
  const diff = (ref.getUTCDay() - target + 7) % 7;
  return addDays(reference, -diff);
}

const monthIndex = (m: string): number => {
  const low = m.toLowerCase().replace('.', '');
  return MONTHS.findIndex((x) => x.startsWith(low.slice(0, 3))) + 1;
};

const MONTH_YEAR = new RegExp(`\\b${MONTH_RE}\\s+(\\d{4})\\b`, 'g');
/** The months a text names with their year ("in October 2026" → "2026-10"), as YYYY-MM. */
export const monthsNamed = (text: string): string[] =>
  [...text.matchAll(MONTH_YEAR)].map((m) => `${m[2]}-${String(monthIndex(m[1])).padStart(2, '0')}`);

type Parsed = { date: string; end: string | null; index: number; length: number; yearCertain: boolean };

// The event-date pass and the other-day pass read the same sentences against the same reference: chrono-node runs
// once per sentence of a document. extractMetadata empties the cache for every document, so a benchmark that
// repeats documents measures no saving a real run would not have, and a result read without a reference (which
// depends on today's date) never outlives the document.
const parsedCache = new Map<string, Map<string, readonly Parsed[]>>();
/** Spanish date parsing is on for documents identified as Spanish or Portuguese (and those of unknown language). */
let romance = true;
/**
 * Slashed dates are day-first ("12/03/2026" is 12 March), as most of the world writes them, unless the document
 * itself shows the US order: a slashed date whose second number cannot be a month ("04/14/2026") and none whose
 * first cannot be one.
 */
let monthFirst = false;
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/\d{4}(?![\d/])/g;
export const forgetParsedDates = (language: string | null = null, text = ''): void => {
  parsedCache.clear();
  romance = language === null || language === 'es' || language === 'pt';
  const slashed = [...text.matchAll(SLASHED)];
  monthFirst = slashed.some((m) => Number(m[2]) > 12) && !slashed.some((m) => Number(m[1]) > 12);
};

/** Full dates (day certain) in a piece of text, with ranges; years implied from the reference. */
export function parseDates(text: string, reference: string | null): readonly Parsed[] {
  let byText = parsedCache.get(reference ?? '');
  if (byText === undefined) {
    byText = new Map();
    parsedCache.set(reference ?? '', byText);
  }
  let hit = byText.get(text);
  if (hit === undefined) {
    hit = parseDatesUncached(text, reference);
    if (byText.size >= 4000) byText.clear();
    byText.set(text, hit);
  }
  return hit;
}

function parseDatesUncached(text: string, reference: string | null): Parsed[] {
  const spanish = romance && ES_DATE_HINT.test(text);
  const spanishDay = romance && /\bel (?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\b/i.test(text);
  const numeric = NUMERIC_DATE_HINT.test(text);
  if (!HAS_DATE_HINT.test(text) && !HAS_DAY_HINT.test(text) && !spanish && !spanishDay && !numeric) return [];
  const ref = reference ? toUtc(reference) : new Date();
  const out: Parsed[] = [];
  // "14 OCTOBER 2026" in an all-caps heading: chrono reads month names in title case only (same length, so the
  // indices hold).
  const cased = /\p{Lu}{3}/u.test(text) ? text.replace(CAPS_MONTH, (w) => w[0] + w.slice(1).toLowerCase()) : text;
  const results = chrono.strict.parse(cased, { instant: ref, timezone: 0 });
  if (spanish) {
    for (const r of chrono.es.strict.parse(text, { instant: ref, timezone: 0 }))
      if (!results.some((x) => x.index < r.index + r.text.length && r.index < x.index + x.text.length)) results.push(r);
  }
  for (const r of results) {
    // "02.08.2026", "12/03/2026": numeric dates are the numeric pass's below, in the document's order (chrono reads
    // every slashed date month-first).
    if (/\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b/.test(r.text)) continue;
    // "2083/02/15 BS": a date of another calendar (Bikram Sambat, Hijri)
    if (OTHER_CALENDAR.test(text.slice(r.index + r.text.length, r.index + r.text.length + 6))) continue;
    // "the March 23 Movement (M23)", "9 de Julio Avenue", "Sept. 11 Memorial": a date that names something
    if (NAMED_AFTER_DATE.test(text.slice(r.index + r.text.length, r.index + r.text.length + 14))) continue;
    // "No. 4/2026 – 18 May 2026": a month (an issue number) read as the start of a range; the end is the date.
    if (!r.start.isCertain('day') && r.end?.isCertain('day') && r.end.isCertain('month') && r.end.isCertain('year')) {
      const date = isoOf(r.end.get('year')!, r.end.get('month')!, r.end.get('day')!);
      out.push({ date, end: null, index: r.index, length: r.text.length, yearCertain: true });
      continue;
    }
    if (!r.start.isCertain('day') || !r.start.isCertain('month')) continue;
    const y = r.start.get('year')!;
    const m = r.start.get('month')!;
    const d = r.start.get('day')!;
    let date = isoOf(y, m, d);
    const yearCertain = r.start.isCertain('year');
    let end: string | null = null;
    if (r.end?.isCertain('day')) {
      const e = isoOf(r.end.get('year')!, r.end.get('month')!, r.end.get('day')!);
      if (e > date) end = e;
    }
    // A date without a year after the reference belongs to the year before ("December 28" read in January). With
    // no reference, today is the latest a report can tell of.
    const latest = reference ?? ref.toISOString().slice(0, 10);
    if (!yearCertain && date > latest) {
      date = isoOf(y - 1, m, d);
      if (end) end = isoOf(Number(end.slice(0, 4)) - 1, Number(end.slice(5, 7)), Number(end.slice(8, 10)));
    }
    out.push({ date, end, index: r.index, length: r.text.length, yearCertain });
  }
  if (numeric) {
    NUMERIC_DATE.lastIndex = 0;
    for (let m = NUMERIC_DATE.exec(text); m; m = NUMERIC_DATE.exec(text)) {
      if (out.some((o) => m!.index < o.index + o.length && o.index < m!.index + m![0].length)) continue;
      let day = Number(m[1]);
      let month = Number(m[3]);
      if (m[2] === '/' && ((month > 12 && day <= 12) || (monthFirst && day <= 12 && month <= 31)))
        [day, month] = [month, day];
      const year = Number(m[4]);
      if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) continue;
      const date = isoOf(year, month, day);
      if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || toUtc(date).getUTCDate() !== day) continue;
      // "23/06/2026 – 25/06/2026": the second date of a numeric range ends the first.
      const prev = out[out.length - 1];
      if (
        prev &&
        !prev.end &&
        date > prev.date &&
        /^\s*(?:-|–|—|to|until)\s*$/.test(text.slice(prev.index + prev.length, m.index))
      ) {
        prev.end = date;
        prev.length = m.index + m[0].length - prev.index;
        continue;
      }
      out.push({ date, end: null, index: m.index, length: m[0].length, yearCertain: true });
    }
    YEAR_FIRST_DATE.lastIndex = 0;
    for (let m = YEAR_FIRST_DATE.exec(text); m; m = YEAR_FIRST_DATE.exec(text)) {
      if (out.some((o) => m!.index < o.index + o.length && o.index < m!.index + m![0].length)) continue;
      const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      const date = isoOf(year, month, day);
      if (toUtc(date).getUTCDate() !== day) continue;
      out.push({ date, end: null, index: m.index, length: m[0].length, yearCertain: true });
    }
  }
  // "from 12 to 14 May" (chrono reads it as times), "12-14 May 2022", "from the 2nd to the 4th of June".
  const range = new RegExp(
    `\\b(?:from\\s+)?(?:${WEEKDAY_RE},?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:-|–|to|until|through|and)\\s*(?:${WEEKDAY_RE},?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+(\\d{4}))?`,
    'gi',
  );
  for (let m = range.exec(text); m; m = range.exec(text)) {
    if (out.some((o) => o.index <= m!.index + m![0].length && m!.index <= o.index + o.length && o.end)) continue;
    // (days of a month, and a month's name capitalized: "§§ 48-52 may be submitted" is no date)
    if (Number(m[1]) < 1 || Number(m[1]) > 31 || Number(m[2]) < 1 || Number(m[2]) > 31 || !/^\p{Lu}/u.test(m[3]))
      continue;
    const month = monthIndex(m[3]);
    let year = m[4] ? Number(m[4]) : reference ? Number(reference.slice(0, 4)) : new Date().getUTCFullYear();
    let start = isoOf(year, month, Number(m[1]));
    if (!m[4] && start > (reference ?? ref.toISOString().slice(0, 10))) {
      year -= 1;
      start = isoOf(year, month, Number(m[1]));
    }
    const end = isoOf(year, month, Number(m[2]));
    // (no 31 June: a day the month does not have is no date)
    if (toUtc(start).getUTCDate() !== Number(m[1]) || toUtc(end).getUTCDate() !== Number(m[2])) continue;
    // Replace a single-day reading of the same text.
    for (let k = out.length - 1; k >= 0; k--) {
      if (out[k].index >= m.index && out[k].index < m.index + m[0].length) out.splice(k, 1);
    }
    out.push({ date: start, end: end > start ? end : null, index: m.index, length: m[0].length, yearCertain: !!m[4] });
  }
  // Weekdays, today, yesterday: resolved against the reference.
  if (reference) {
    const wd =
      /\b(?:(?:on|last|this|late on|early on|earlier on)\s+)(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!,?\s*(?:\d|the\s+\d))(?!['’]s)|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:morning|afternoon|evening|night)\b|\b(?:last|this)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s\b|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s\s+(?:[a-z-]+\s+){0,3}?(?:meeting|agm|egm|session|summit|talks|assembly|vote|hearing|debate|gathering|congress|conference|forum|sitting|council)\b|\b(?:met|held|opened|began|convened|voted|gathered|agreed|signed|said|told|announced|attended|visited|hosted|chaired)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!,?\s*(?:\d|the\s+\d))/gi;
    for (let m = wd.exec(text); m; m = wd.exec(text)) {
      if (out.some((o) => m!.index < o.index + o.length && o.index < m!.index + m![0].length)) continue;
      // "on Thursday evening (1 October)": the weekday's own date follows it.
      const end = m.index + m[0].length;
      if (
        out.some(
          (o) =>
            o.index >= end &&
            /^[\s,(]*(?:(?:morning|afternoon|evening|night)[\s,(]*)?$/i.test(text.slice(end, o.index)),
        )
      )
        continue;
      // "on Friday, 27 March" is a full date chrono already has.
      // "last Thursday('s meeting)": the one before the reference, a week back when the reference is that weekday.
      const day = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]).toLowerCase();
      let date = resolveWeekday(day, reference);
      if (date === reference && /^last\b/i.test(m[0])) date = addDays(date, -7);
      // "last week's session … on Tuesday": that weekday of the calendar week before the reference's.
      if (/\blast week\b/i.test(text.slice(Math.max(0, m.index - 80), m.index))) {
        const monday = addDays(reference, -((toUtc(reference).getUTCDay() + 6) % 7) - 7);
        date = addDays(monday, (WEEKDAYS.indexOf(day) + 6) % 7);
      }
      // "last Thursday and Friday", "on Monday to Wednesday": a meeting over the days from the one to the other.
      const pair = WEEKDAY_PAIR.exec(text.slice(end));
      const days = pair ? (WEEKDAYS.indexOf(pair[1].toLowerCase()) - WEEKDAYS.indexOf(day) + 7) % 7 : 0;
      out.push({
        date,
        end: days >= 1 && days <= 4 ? addDays(date, days) : null,
        index: m.index,
        length: m[0].length + (days >= 1 && days <= 4 ? pair![0].length : 0),
        yearCertain: true,
      });
    }
    if (spanishDay) {
      ES_DAY.lastIndex = 0;
      for (let m = ES_DAY.exec(text); m; m = ES_DAY.exec(text)) {
        if (out.some((o) => m!.index < o.index + o.length && o.index < m!.index + m![0].length)) continue;
        const k = ES_WEEKDAYS.indexOf(m[1].toLowerCase().replace('mie', 'mié').replace('saba', 'sába'));
        if (k < 0) continue;
        out.push({
          date: resolveWeekday(WEEKDAYS[k], reference),
          end: null,
          index: m.index,
          length: m[0].length,
          yearCertain: true,
        });
      }
    }
    // "on the 3rd inst." (of this month), "the 28th ult." (last month), "the 1st prox." (next month): official
    // English in South Asia and the Commonwealth.
    const inst = /\bthe (\d{1,2})(?:st|nd|rd|th)? (inst|ult|prox)\b\.?/gi;
    for (let m = inst.exec(text); m; m = inst.exec(text)) {
      const shift = { inst: 0, ult: -1, prox: 1 }[m[2].toLowerCase() as 'inst' | 'ult' | 'prox'];
      const first = toUtc(`${reference.slice(0, 7)}-01`);
      first.setUTCMonth(first.getUTCMonth() + shift);
      const date = isoOf(first.getUTCFullYear(), first.getUTCMonth() + 1, Number(m[1]));
      if (toUtc(date).getUTCDate() !== Number(m[1])) continue;
      out.push({ date, end: null, index: m.index, length: m[0].length, yearCertain: true });
    }
    // "on the 20th and 21st of last month", "the 3rd of this month": days of a month named by its distance.
    const ofMonth =
      /\bthe (\d{1,2})(?:st|nd|rd|th)(?:\s+(?:and|to|until|-|–)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th))? of (last|this|the previous|the past) month\b/gi;
    for (let m = ofMonth.exec(text); m; m = ofMonth.exec(text)) {
      if (out.some((o) => m!.index < o.index + o.length && o.index < m!.index + m![0].length)) continue;
      const first = toUtc(`${reference.slice(0, 7)}-01`);
      if (!/^this$/i.test(m[3])) first.setUTCMonth(first.getUTCMonth() - 1);
      const day = (d: string) => isoOf(first.getUTCFullYear(), first.getUTCMonth() + 1, Number(d));
      const date = day(m[1]);
      if (toUtc(date).getUTCDate() !== Number(m[1])) continue;
      const end =
        m[2] && Number(m[2]) > Number(m[1]) && toUtc(day(m[2])).getUTCDate() === Number(m[2]) ? day(m[2]) : null;
      out.push({ date, end, index: m.index, length: m[0].length, yearCertain: true });
    }
    // ("last night": the evening before the day of publication)
    const rel = /\b(today|yesterday|last night|this (?:morning|afternoon|evening))\b/gi;
    for (let m = rel.exec(text); m; m = rel.exec(text)) {
      const word = m[1].toLowerCase();
      const date = word === 'yesterday' || word === 'last night' ? addDays(reference, -1) : reference;
      out.push({ date, end: null, index: m.index, length: m[0].length, yearCertain: true });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A day or a month's name ("Thursday", "August"): a date, never a place or a person. */
export const isCalendarWord = (w: string): boolean =>
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i.test(
    w,
  );
/** A proper noun right after a date makes the date part of a name: "March 23 Movement", "May 4th Square". */
const NAMED_AFTER_DATE =
  /^(?:th|st|nd|rd)?\s+(?:Movement|Avenue|Street|Square|Bridge|Stadium|Revolution|Uprising|Agreement|Accords?|Road|Boulevard|Memorial|Declaration)\b/;
/** "Tuesday 15 to Thursday 17 September": a weekday before a range's days. */
const WEEKDAY_PAIR = /^\s*(?:and|to|through|until|-|–)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const WEEKDAY_RE = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
/** What a minutes' or report's date field can name besides the meeting: "Date of dialogue", "Date of the hearing". */
export const MEETING_FIELD_NOUNS =
  'meeting|session|hearing|dialogue|consultation|conference|forum|workshop|event|summit|seminar|symposium|retreat|roundtable|visit|talks|assembly|sitting';
const DATE_FIELD = new RegExp(
  `^\\s*(?:\\d{1,2}[.)]\\s+)?(?:Dates?(?: of (?:the )?(?:${MEETING_FIELD_NOUNS}))?(?:\\s*(?:&|and|\\/)\\s*time)?|(?:${MEETING_FIELD_NOUNS}) dates?)\\s*:`,
  'i',
);
/** "Date of meeting: …", "Dates: 22-24 April 2026", "Date / time: 05.11.2026": a field line with the meeting's date. */
export const isMeetingDateField = (line: string): boolean => DATE_FIELD.test(line);
const CAPS_MONTH =
  /\b(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\b/g;
const EVENT_WORDS =
  /\b(?:met|meet|meets|meeting|summit|talks|held|hold|convened|took place|takes place|attended|chaired|hosted|session|conference|forum|gathered|ministerial|opened|voted|debate|assembly|discussed|visit|visited|agreed|signed|adopted|ended|concluded|roundtable|round table|workshop|hearing|retreat|plenary|symposium|seminar|reuni[oó]n|cumbre|encuentro|sesi[oó]n|celebrad[ao]|acordaron|se reunieron)\b/i;
const FUTURE =
  /\b(?:will|shall|next(?=\s+\w)|upcoming|planned|plans|scheduled|expected|to be (?:held|hosted)|pencilled|penciled|would|closes on|deadline|until|due to|set to|is to|are to|pr[oó]xim[oa]|previst[oa]|se celebrar[aá]|se reunir[aá]n?)\b/i;
const OTHER_EVENT =
  /\b(?:minutes of the (?:previous )?meeting of|previous|last (?:year|month|week|march|april|may|june|july|august|september|october|november|december|january|february)|since|founded|ended|retired|struck|telephone|phone call|courtesy call|separate|prepared|recorded|anniversary|financial year|fiscal year|wrote|sent:|from:|date:)\b/i;

const HELD_ON =
  /\b(?:held|met|took place|convened|gathered|meeting)(?: on| of)?(?: the (?:morning|afternoon|evening) of)? $/i;
const SPAN_DAYS =
  /\b(closing|concluding|wrapping up|ending|ended|concluded|closed|capping|at the end of|at the close of|on the (?:last|final|closing) day of|opening|opened|began|beginning|starting|at the start of|on the (?:first|opening) day of)\b[^.;]{0,40}?\b(two|three|four|five|six|seven|[2-7])[- ](?:day\b|days of\b)/i;
const OPENING = /\b(?:opened|began|begun|started|commenced|kicked off|got under way|got underway)\b[^.;]{0,20}$/i;
const CLOSING = /\b(?:concluded|closed|ended|wrapped up|came to a close)\b/i;

/**
 * The event date: among full dates and resolved weekdays in the content, the best-scored one in a sentence about
 * the meeting (meeting words, early in the text), never after the publication date, never in a future clause.
 */
export function findEventDate(
  sentences: Sentence[],
  reference: string | null,
  limit: string | null,
): { date: string | null; end: string | null; sentence: number | null } {
  const candidates: DateCandidate[] = [];
  let firstDated = true;
  for (const s of sentences) {
    const text = s.text;
    const parsed = parseDates(text, reference);
    if (parsed.length === 0) continue;
    for (const p of parsed) {
      if (limit && p.date > limit) continue;
      // (a reference number read as a date: "TRE:1877/02.02.01/2026" is no meeting of 1877)
      if (p.date < '1900') continue;
      // The clause around the date: between the nearest ; or sentence bounds.
      const before = text.slice(0, p.index);
      const after = text.slice(p.index + p.length);
      const clauseStart = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' while '));
      const clauseEndRel = after.search(/;/);
      const clause = text.slice(clauseStart + 1, clauseEndRel < 0 ? text.length : p.index + p.length + clauseEndRel);
      const near = text.slice(Math.max(0, p.index - 60), Math.min(text.length, p.index + p.length + 30));
      // (a past verb rescues it, not "will be held")
      if (FUTURE.test(near) && !/\b(?:met|(?<!(?:will|to|shall) be )held|took place|attended|was|were)\b/.test(near))
        continue;
      let score = 0;
      if (EVENT_WORDS.test(clause)) score += 10;
      // "Date of meeting: Wednesday, 11 March 2026", "Dates: 22-24 April 2026": the minutes' own field line.
      if (DATE_FIELD.test(text) && p.index < 40) score += 15;
      if (OTHER_EVENT.test(near)) score -= 8;
      // "today announced that its Board, at its meeting held on Monday, February 23, …": the date the meeting verb
      // governs outranks the announcement's day in the same sentence.
      if (HELD_ON.test(before.slice(-30))) score += 2;
      if (firstDated) score += 3;
      score -= s.index * 0.05;
      // A report tells of a recent meeting: a day half a year or more before the publication is another event's
      // (often a year-less date read into the year before: "Quiz night: Friday 13 March").
      if (reference && p.date < addDays(reference, -180)) score -= 6;
      candidates.push({
        date: p.date,
        end: p.end,
        sentence: s.index,
        paragraph: s.paragraph,
        score,
        text: text.slice(p.index, p.index + p.length),
        opening: OPENING.test(text.slice(Math.max(0, p.index - 30), p.index)),
        // ("… today closed the Fourth Andean Mining Ministers' Meeting")
        closing:
          CLOSING.test(clause.slice(0, Math.max(0, p.index - clauseStart - 1))) ||
          /^\s*(?:closed|concluded|ended|wrapped up)\b/.test(after),
      });
    }
    firstDated = false;
  }
  if (candidates.length === 0) return { date: null, end: null, sentence: null };
  candidates.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
  let best = candidates[0];
  // "left Pokhara on the evening of 19 November … ran from 17 to 19 November": a day inside a range the text gives
  // for the meeting is that range.
  if (!best.end && !best.opening && !best.closing) {
    const range = candidates.find((c) => c.end && c.score > 0 && c.date <= best.date && best.date <= c.end);
    if (range) best = range;
  }
  // "agreed on Tuesday …, wrapping up two days of talks", "closing a three-day summit": the day is the last of
  // so many; "opening a two-day meeting": the first.
  if (!best.end) {
    const text = sentences.find((x) => x.index === best.sentence)?.text ?? '';
    const span = SPAN_DAYS.exec(text);
    const days = span ? (/^\d$/.test(span[2]) ? Number(span[2]) : WORD_NUMBERS[span[2].toLowerCase()]) : undefined;
    if (span && days && days > 1) {
      if (
        /^(?:opening|opened|began|beginning|starting|at the start of|on the first day of|on the opening day of)$/i.test(
          span[1],
        )
      )
        return { date: best.date, end: addDays(best.date, days - 1), sentence: best.sentence };
      return { date: addDays(best.date, 1 - days), end: best.date, sentence: best.sentence };
    }
  }
  // A meeting over several days: "opened on Monday 23 February …" and "concluded … today" are its first and last
  // days, whichever of them scored best.
  if (!best.end && (best.opening || best.closing)) {
    const open = best.opening ? best : candidates.find((c) => c.opening && c.score > 0 && c.date < best.date);
    const close = best.closing ? best : candidates.find((c) => c.closing && c.score > 0 && c.date > best.date);
    if (open && close && open.date < close.date && close.date <= addDays(open.date, 14))
      return { date: open.date, end: close.date, sentence: best.sentence };
    // "today concluded … after two days of talks" and "held on 9 and 10 February", with no opening day printed:
    // the day opens or closes that range.
    const range = candidates.find(
      (c) => c.end && c.score > 0 && (best.opening ? c.date === best.date : c.end === best.date),
    );
    if (range) return { date: range.date, end: range.end, sentence: best.sentence };
  }
  // "agreed on Thursday …" and "… a two-day meeting … that opened on Wednesday": the meeting ran from the day it
  // opened to the day of the news, when that is within a week.
  if (!best.end && !best.opening) {
    const open = candidates.find(
      (c) => c.opening && c.score > 0 && c.date < best.date && best.date <= addDays(c.date, 6),
    );
    if (open) return { date: open.date, end: best.date, sentence: best.sentence };
  }
  return { date: best.date, end: best.end, sentence: best.sentence };
}

/** A standalone date line (masthead, press-release date, dateline): the publication date. */
export function dateOfLine(line: string, reference: string | null): string | null {
  const parsed = parseDates(line, reference).filter((p) => p.yearCertain || reference);
  return parsed.length > 0 ? parsed[0].date : null;
}

export const _internal = { addDays };
