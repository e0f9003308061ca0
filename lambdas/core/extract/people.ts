// People: deterministic patterns first (affiliation + title + name, name + appositive title, honorific + name,
// "his Chinese counterpart X", lists, dotted-leader tables), then untitled names kept only with evidence
// (pinyin names, compromise's lexicon of given names, a verb or a list around them). Mentions of one person
// ("Xi", "President Xi", "Mr. Xi", "Xi Jinping") are merged; each person is a participant when a mention plays a
// participating role (subject of attended/met/chaired/said…, after "attended by"/"chaired by", in a list under
// a "took part:" header), otherwise a mentioned person.
import { foldKey } from '../keys';
import type { Attendance, Person } from '../record';
import {
  CONTINENTS,
  isCountryCode,
  matchCountry,
  matchCountryName,
  matchDemonym,
  matchPlace,
  matchRegion,
} from './countries';
import namesData from './data/names.json' with { type: 'json' };
import { isDictionaryWord } from './dictionary';
import {
  bodyAppositiveAt,
  isHeadFirst,
  isLegalSuffix,
  isOrganizationHead,
  knownAcronym,
  type OrganizationContext,
} from './organizations';
import { isInitialToken, type Sentence, span, stripDiacritics, type Token } from './text';
import {
  canStartTitle,
  isAbstractNoun,
  isCommonWord,
  isGivenName,
  isKnownName,
  isTitleWord,
  matchHonorific,
  matchTitleCore,
  parseTitle,
  pluralTitleAt,
  skipHonorifics,
  type TitleParse,
} from './titles';

/** Lookup key for a person: lower case, diacritics removed, single spaces ("kassym-jomart tokayev"). */
const keyCache = new Map<string, string>();
export function personKey(name: string): string {
  const s = String(name);
  let k = keyCache.get(s);
  if (k === undefined) {
    k = foldKey(stripDiacritics(s));
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(s, k);
  }
  return k;
}

const NOT_NAME = new Set(namesData.notNames);
const PARTICLES = new Set(namesData.particles);
const CHINESE_SURNAMES = new Set(namesData.chineseSurnames);
const POSTNOMINALS = new Set([
  'TD',
  'MP',
  'MEP',
  'MLA',
  'MSP',
  'QC',
  'KC',
  'OBE',
  'MBE',
  'CBE',
  'KBE',
  'PhD',
  'MD',
  'Esq',
]);
const PARTICLE_PREFIX = /^(?:al|el|bin|ibn|abu|ben|de|da|di|van|von|ul|ud|ad|as|ash|at)-\p{Lu}/u;
const PINYIN_SYLLABLE =
  '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|ü|v)';
const PINYIN_GIVEN = new RegExp(`^(?:${PINYIN_SYLLABLE}){1,2}$`, 'i');
const isPinyinGiven = (w: string): boolean => PINYIN_GIVEN.test(w.replace(/[-']/g, '')) && w.length <= 9;
const PARTICLE_PREFIX_START = /^(?:al|el|bin|ibn|abu|ben|de|da|di|van|von|ul|ud|ad|as|ash|at)-/;
/** A noun for a person's calling: "biologist", "economist", "historian", "librarian". */
const PERSON_NOUN = /^\p{Ll}{3,}(?:ist|ian)$/u;
/** Heads of bodies and legal suffixes: never part of a person's name. */
const BODY_WORDS = new Set(
  'Organization Organisation Union Council Committee Commission Forces Party Bank Fund AG SA GmbH Ltd Ltd. Inc Inc. LLP LLC PLC plc Pte Pte. Co.'.split(
    ' ',
  ),
);
const SURNAME_SUFFIX = /\p{L}{2,}(?:dóttir|dottir|sson|ović|ovič|ević|evič|shvili|dze|enko|oğlu)$/u;
/** Offices printed in capitals, never a surname: "MEC", "MP", "CEO". */
const CAPS_OFFICES = new Set(['MEC', 'MP', 'MSP', 'MEP', 'MLA', 'MPP', 'CEO', 'CFO', 'COO', 'CTO']);
/** A Korean given name printed with a hyphen between its syllables: "Ji-hoon", "Jae-in", "Ki-moon". */
const KOREAN_GIVEN = /^\p{Lu}\p{Ll}{1,4}-\p{Ll}{2,5}$/u;
const ALL_CAPS = /^[\p{Lu}][\p{Lu}\p{M}'’-]+$/u;

type NameRun = { start: number; end: number; tokens: Token[] };

type Role = 'participant' | 'represented' | null;

type Mention = {
  sentence: Sentence;
  /** name tokens */
  start: number;
  end: number;
  /** whole mention: prefix, title, honorific, name, appositive */
  extentStart: number;
  extentEnd: number;
  name: string;
  parts: string[];
  title: string | null;
  affiliation: string | null;
  strong: boolean;
  evidence: number;
  role: Role;
  attendance: Attendance | null;
  attendanceExplicit: boolean;
  /** "as a special representative of X": resolve affiliation from X */
  principalOf?: Mention;
  /** "X, on behalf of Y": Y's representative */
  representative?: Mention;
  counterpartOf?: Mention;
  /** "attended … in Tajikistan": in person when that is the meeting place */
  placeTokens?: string[];
  chair?: boolean;
  negated?: boolean;
  excluded?: boolean;
  /** a rule read this mention as not taking part (a statement made elsewhere or on another day) */
  withheld?: boolean;
};

export type PeopleOptions = {
  /** the document's organizations (acronyms defined in the text, known bodies) */
  orgs: OrganizationContext;
  /** sentences that name a day other than the meeting's ("said on Friday") */
  otherDay?: Set<number>;
  /** authors, bylines, editors and correspondents: never people of the meeting */
  authors?: string[];
};

export type PeopleResult = {
  participants: Person[];
  mentionedPeople: Person[];
  /** token indices that belong to person names, by sentence index (countries skip these) */
  personTokens: Map<number, Set<number>>;
  /** participants who chaired or hosted the meeting (their country helps place it) */
  chairs: Person[];
};

// ---------------------------------------------------------------------------------------------------------
// Name runs

function isNameToken(tokens: Token[], k: number, orgs: OrganizationContext): boolean {
  const t = tokens[k];
  if (!t?.word) return false;
  if (!t.cap) return t.text.includes('-') && PARTICLE_PREFIX.test(t.text);
  if (t.nameMemo === undefined) t.nameMemo = nameToken(tokens, k, orgs);
  return t.nameMemo;
}

function nameToken(tokens: Token[], k: number, orgs: OrganizationContext): boolean {
  const t = tokens[k];
  if (isInitialToken(t.text)) return true; // initial
  // "Park Ji-hoon", "Moon Jae-in": a surname that is also a common word, before a Korean given name.
  if (NOT_NAME.has(t.text) && !KOREAN_GIVEN.test(tokens[k + 1]?.text ?? '')) return false;
  if (POSTNOMINALS.has(t.text)) return false;
  // "FNV Havens": capitals without a vowel are an acronym, not a surname printed in capitals.
  if (t.text.length >= 2 && t.text !== 'NG' && ALL_CAPS.test(t.text) && !/[AEIOUYÀ-ÖØ-Ý]/u.test(t.text)) return false;
  if (/^\d/.test(t.text)) return false;
  // (an office in capitals is no surname in capitals: "KwaZulu-Natal MEC for …")
  if (isTitleWord(t.lower) && (!ALL_CAPS.test(t.text) || CAPS_OFFICES.has(t.text))) return false;
  // a plural office ("Deputies", "Senators")
  if (/(?:ies|s)$/.test(t.lower) && (isTitleWord(t.lower.replace(/ies$/, 'y')) || isTitleWord(t.lower.slice(0, -1))))
    return false;
  // "bin Haji Hasan": an honorific word after a particle belongs to the father's name.
  if (matchHonorific(tokens, k) && !PARTICLES.has(tokens[k - 1]?.text ?? '')) return false;
  if (knownAcronym(t.text)) return false;
  if (matchCountry(tokens, k)) return false;
  if (orgs.matchKnown(tokens, k)) return false;
  return !BODY_WORDS.has(t.text);
}

/** A person's name starting at tokens[i]: capitalized words, initials, particles inside; at most 5 words. */
function parseName(tokens: Token[], i: number, orgs: OrganizationContext): NameRun | null {
  // "von Aschenbach" after an honorific: a lower-case particle may open the name.
  // Not after a Romance organization head: "Conseil du Café-Cacao".
  // Not the tail of another capitalized name either ("Universidad Técnica del Maule", "Portos dos Açores"): a
  // name word before the particle would have taken it.
  const prevCap = tokens[i - 1]?.word && tokens[i - 1].cap;
  if (
    PARTICLES.has(tokens[i]?.text ?? '') &&
    /^\p{Ll}/u.test(tokens[i].text) &&
    !isHeadFirst(tokens[i - 1]?.text ?? '') &&
    !(prevCap && !matchHonorific(tokens, i - 1) && !isTitleWord(tokens[i - 1].lower)) &&
    isNameToken(tokens, i + 1, orgs)
  ) {
    const rest = parseName(tokens, i + 1, orgs);
    return rest ? { start: i, end: rest.end, tokens: tokens.slice(i, rest.end) } : null;
  }
  // A city does not start a name ("Beijing"), but may end one ("Rafael Ortiz Medina"); nor is a city that opens
  // with an honorific one ("Prince Rupert").
  if (!isNameToken(tokens, i, orgs)) return null;
  if (i > 0 && (matchPlace(tokens, i - 1)?.length ?? 0) > 1) return null;
  // "Santiago Peña": a city that is also a given name starts a name when another name word follows (after the
  // whole city: "Santo Domingo" is a city, not a name).
  const city = matchPlace(tokens, i);
  if (city) {
    const n = i + city.length;
    const next = tokens[n];
    const nameNext =
      isNameToken(tokens, n, orgs) &&
      !matchPlace(tokens, n) &&
      !!next &&
      !isCommonWord(next.text) &&
      !VENUE_WORDS.has(next.text) &&
      !isTitleWord(next.lower);
    if (!nameNext) return null;
  }
  let j = i;
  let words = 0;
  while (j < tokens.length && words < 5) {
    // "Mr. R. Balaji Company Secretary": an office ends the name.
    if (j > i && words >= 1 && tokens[j].cap && matchTitleCore(tokens, j) > j + 1) break;
    if (isNameToken(tokens, j, orgs)) {
      // Sentence-initial "He" or a pronoun is not a name part unless a pinyin given name follows ("He Lifeng").
      j++;
      words++;
      continue;
    }
    const t = tokens[j];
    // "Ortega y Gasset" joins one surname; "Benítez Ayala y Álvarez de Toledo" is two people.
    if (
      (t.text === 'y' || t.text === 'e') &&
      (isNameToken(tokens, j + 2, orgs) || PARTICLES.has(tokens[j + 2]?.text ?? ''))
    )
      break;
    if (t.word && PARTICLES.has(t.text) && j > i && isNameToken(tokens, j + 1, orgs)) {
      j++;
      continue;
    }
    if (
      t.word &&
      PARTICLES.has(t.text) &&
      j > i &&
      PARTICLES.has(tokens[j + 1]?.text) &&
      isNameToken(tokens, j + 2, orgs)
    ) {
      j += 2;
      continue;
    }
    break;
  }
  if (j === i) return null;
  const run = tokens.slice(i, j);
  // An all-caps run is a heading, not a name ("COUNCIL BACKS …"), unless a mixed-case word is in it.
  if (run.every((t) => ALL_CAPS.test(t.text) || isInitialToken(t.text))) return null;
  // "Tay Bartholomew & Co LLP", "Atlantic Paving Ltd.": a firm's name, not a person's; "UWI's Cave Hill campus",
  // "the Penrhos Stanley hospital": a site's.
  if (firmAfter(tokens, j)) return null;
  // "Jaboatão dos Guararapes was represented by its mayor": a town or a body, represented by "its" officer.
  if (
    /^(?:was|is|were|are)$/.test(tokens[j]?.lower ?? '') &&
    tokens[j + 1]?.lower === 'represented' &&
    tokens[j + 2]?.lower === 'by' &&
    tokens[j + 3]?.lower === 'its'
  )
    return null;
  // "Dr. Annie Besant Road", "Nelson Mandela Square": a street or a square named after a person.
  if (STREET_WORDS.has(tokens[j]?.text ?? '')) return null;
  // "Poseidon Principles Secretariat", "Maribor Transport Board": a body's head noun right after the run.
  if (j - i >= 2 && tokens[j]?.cap && isOrganizationHead(tokens[j].text)) return null;
  // "Cabinet Rasoanaivo & Associés": the firm word after "&" is no one's name.
  if (tokens[i - 1]?.text === '&' && FIRM_WORD.test(tokens[i].text)) return null;
  // "Ponta Delgada", "Ciudad Obregón", "Fort William", "San Luis Río Colorado": a place-name word opens the run or
  // stands inside it.
  if (PLACE_FIRST.has(tokens[i].text) || run.some((t, x) => x > 0 && PLACE_INSIDE.has(t.text))) return null;
  // "Belgrade's Štark Arena", "WA Branch": a venue or a unit, not a person.
  if (j - i >= 2 && PLACE_LAST.has(tokens[j - 1].text)) return null;
  // "Glasgow G41", "Henry Hub-linked", "Crosshaven RNLI": a postcode, a compound adjective or an acronym (few
  // vowels: not a surname in capitals, "Kenta HAYASHI") ends no one's name.
  const last = run[run.length - 1].text;
  if (
    j - i >= 2 &&
    (/^\p{Lu}{1,2}\d{1,2}\p{Lu}?$/u.test(last) ||
      /-(?:linked|based|backed|led|owned|run|born)$/.test(last) ||
      (/^\p{Lu}{4,}$/u.test(last) && (last.match(/[AEIOUY]/g)?.length ?? 0) / last.length < 0.3))
  )
    return null;
  // "Southeast Asia", "Asia Wire": a continent's name is in no one's.
  if (j - i >= 2 && run.some((t) => CONTINENTS.has(t.text))) return null;
  // "Nova Scotia's Minister of Labour": a region's name is no one's; "Rector of St Peter's": nor a saint's.
  if (
    matchRegion(tokens, i)?.length === j - i ||
    /^(?:St\.?|Saint|San|Santa|Santo|São|Sao|Sainte|Ste\.?)$/.test(tokens[i - 1]?.text ?? '')
  )
    return null;
  // "APM Constanța", "VDMA Power Systems": a short acronym opens a body's name (not a surname in capitals:
  // "KURATA Naoki", "LI Qiang" are known names or longer).
  // (after an honorific a capitalized surname it is: "Mr. ONO Hiroshi")
  if (
    j - i >= 2 &&
    /^\p{Lu}{2,4}$/u.test(run[0].text) &&
    !isKnownName(titleCase(run[0].text)) &&
    !(i > 0 && (tokens[i - 1].text.endsWith('.') || matchHonorific(tokens, i - 1)))
  )
    return null;
  // "Institute of Water and Flood Management", "… of Plateau Biology": the tail of a body's name the text names.
  if (
    i > 0 &&
    orgs.endsWithin(
      tokens[i - 1].text,
      tokens
        .slice(i, j)
        .map((t) => t.text)
        .join(' '),
    )
  )
    return null;
  if (tokens[j] && !tokens[j].cap && SITE_NOUNS.has(tokens[j].lower)) return null;
  // "Aguas del Maipo S.A.": a legal form inside the run makes it a firm's.
  if (run.some((t) => isLegalSuffix(t.text))) return null;
  // "APM Terminals Maasvlakte II managing director Ruud de Graaf", "Federated Farmers president Bryce Lindqvist":
  // a run right before a lower-case office and a name is the body the office belongs to.
  const office = tokens[j]?.word && !tokens[j].cap && canStartTitle(tokens[j].lower) ? matchTitleCore(tokens, j) : -1;
  if (office > j && tokens[office]?.cap && tokens[office].word && !matchCountry(tokens, i)) return null;
  // "Finland's Saaristo Marine, a maker of service vessels": a run described as a kind of body.
  if (bodyAppositiveAt(tokens, j)) return null;
  // A trailing initial is a sentence-ending letter, not part of the name.
  let end = j;
  while (end > i && isInitialToken(tokens[end - 1].text) && end - i > 1 && end === j) end--;
  // "Seconded Cr Walsh-Harper Carried Unanimously": a past tense or an adverb of the minutes after the name.
  while (
    end - i > 1 &&
    /^\p{Lu}\p{L}{3,}(?:ed|ly)$/iu.test(tokens[end - 1].text) &&
    !isLegalSuffix(tokens[end - 1].text) &&
    isDictionaryWord(tokens[end - 1].text) &&
    !isKnownName(tokens[end - 1].text)
  )
    end--;
  return { start: i, end, tokens: tokens.slice(i, end) };
}

const titleCase = (w: string): string =>
  w
    .split('-')
    .map((p) => (p.length > 1 && ALL_CAPS.test(p) ? p[0] + p.slice(1).toLowerCase() : p))
    .join('-');

/** The name as printed, with all-caps surnames case-normalized ("HAYASHI Kenta" → "Hayashi Kenta"). */
function displayName(sentence: Sentence, run: NameRun): string {
  const raw = span(sentence, sentence.tokens, run.start, run.end).replace(/\s+/g, ' ');
  return (
    raw
      .split(' ')
      // (a generation's roman numeral stays as it is: "Buenaventura III")
      .map((w) =>
        w.length > 1 && ALL_CAPS.test(w) && !isInitialToken(w) && !/^(?:II|III|IV|VI|VII|VIII)$/.test(w)
          ? titleCase(w)
          : w,
      )
      .join(' ')
  );
}

// ---------------------------------------------------------------------------------------------------------
// Affiliation prefixes: "Kazakh", "Japan's", "SCO", "United Nations (UN)", "Kenya's"

function parseAffiliationPrefix(
  tokens: Token[],
  i: number,
  orgs: OrganizationContext,
): { end: number; affiliation: string } | null {
  const t = tokens[i];
  if (!t?.word || !t.cap) return null;
  const d = matchDemonym(tokens, i);
  const c = matchCountryName(tokens, i);
  if (d && (!c || d.length >= c.length)) return { end: i + d.length, affiliation: d.country };
  if (c) {
    let end = i + c.length;
    if (/^['’]s$/i.test(tokens[end]?.text ?? '')) end++;
    return { end, affiliation: c.country };
  }
  const o = orgs.matchAt(tokens, i);
  if (o) {
    let end = i + o.length;
    if (tokens[end]?.text === '(' && tokens[end + 2]?.text === ')') end += 3;
    if (/^['’]s$/i.test(tokens[end]?.text ?? '')) end++;
    // "the World Food Programme's (WFP) regional director"
    if (tokens[end]?.text === '(' && tokens[end + 2]?.text === ')') end += 3;
    return { end, affiliation: o.name };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Mention scanning

const DETERMINERS = new Set(['the', 'a', 'an', 'The', 'A', 'An']);
/** Nouns that introduce a company or a body by name. */
const ORG_NOUNS = new Set(
  'owner partner company firm group operator lender insurer contractor miner producer investor supplier developer regulator utility consultancy charity nonprofit conglomerate multinational manufacturer exporter carrier'.split(
    ' ',
  ),
);
/** "the public company Lantis would open", "bus operator De Lijn had been": an auxiliary after the name. */
const AUX_VERB = /^(?:is|was|has|had|will|would|could|can|may|might|should|must|said|says|does|did)$/;
/** Words before which capitalized words are a place or a body, not an untitled person. */
const UNTITLED_BLOCKERS = new Set([
  'the',
  'of',
  'o',
  'in',
  'at',
  'into',
  'near',
  'for',
  'on',
  'across',
  'to',
  // "ministro de Relaciones Exteriores", "Conselho do Mercado": "of" in Spanish, Portuguese and French
  'de',
  'del',
  'do',
  'da',
  'du',
  'des',
]);
/** Capitalized words that end the name of a place or a venue ("… Convention Centre", "… City Hall"). */
/** Words that open a place's name, never a person's. */
const PLACE_FIRST = new Set(
  'Ciudad Ponta Puerto Porto Fort Port Lake Mount Cape Cabo Vila Valle Ville Santa San São Santo Ria Bahía Baía La Las Los Pasaje Calle Avenida Jalan'.split(
    ' ',
  ),
);
const PLACE_INSIDE = new Set([
  'Río',
  'Rio',
  'Lake',
  'Lagoon',
  'Delta',
  'Bay',
  'Valley',
  'Harbour',
  'Harbor',
  'Falls',
  'Springs',
]);
/** Lower-case nouns for a site or unit: capitalized words before them name a place, not a person. */
const SITE_NOUNS = new Set(
  'campus branch office plant site hospital headquarters centre center hotel hall district region province county village town city island port airport station factory mine wharf terminal clinic school'.split(
    ' ',
  ),
);
const FIRM_WORD = /^(?:Co|Company|Associates|Associés|Asociados|Associados|Partners|Sons|Fils|Hijos)$/;
/** Last words of a venue's or a unit's name, never of a person's. */
const PLACE_LAST = new Set(
  // (and of a news service's, a law's or a meeting's: "Central Asia Wire", "Supply Chain Due Diligence Act",
  // "Black Sea Port Authorities Roundtable", "VDMA Power Systems"; and of a firm's: "Tarangini Robotics", "Inca Rail")
  (
    'Ward Constituency Presbytery Land Cars Shoal Shoals Reef Atoll Causeway Durbar Engineering Consulting Consultants International Robotics Labs Laboratories Chemical Chemicals Rail Buses Bunkering Tankers Shipyard Space Health Ventures Technologies Solutions Software Logistics Airlines Motors Foods Pharmaceuticals Telecom ' +
    'Arena Stadium Auditorium Hotel Airport Plaza Theatre Theater Branch Campus Headquarters Terminal Wire Newswire Gazette Tribune Roundtable Systems Act Directive Treaty Protocol Diocese Circuit Drive Street Avenue Boulevard Ferries Maritime Shipping Reservoir Island Islands Lawyers Lines ' +
    // (and of a group's or an area's: "Castletownbere Fishermen's Co-operative", "Ala-Too Agro Holding", "Bobi Sub-county")
    'Fishermen Holding Holdings Linien Sub-county Subcounty Darya Award Awards Prize Medal Trophy Scholarship Fellowship Chapter Auditores Independentes Advogados Abogados'
  ).split(' '),
);
/** A legal suffix or "& Co" / "& Associates" right after a run of capitalized words: the run names a firm. */
function firmAfter(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  if (isLegalSuffix(t.text)) return true;
  // ("Aarhus Vand A/S": a legal form the tokenizer splits at its slash)
  if (tokens[k + 1]?.text === '/' && isLegalSuffix(`${t.text}/${tokens[k + 2]?.text ?? ''}`)) return true;
  if (t.text !== '&') return false;
  for (let x = k + 1; x < Math.min(tokens.length, k + 4); x++)
    if (isLegalSuffix(tokens[x].text) || FIRM_WORD.test(tokens[x].text)) return true;
  return false;
}
/** "… and Maintenance Committee": capitalized words after "and" that end in a body's head noun. */
function bodyAfterAnd(tokens: Token[], k: number): boolean {
  let e = k;
  while (e < tokens.length && e - k < 5 && tokens[e].cap && tokens[e].word) e++;
  return e > k && isOrganizationHead(tokens[e - 1].text);
}
/** Words for a street or a square: a name right before one names the street, not a person ("Annie Besant Road"). */
const STREET_WORDS = new Set(
  'Road Street Avenue Marg Lane Boulevard Crescent Square Highway Expressway Bridge'.split(' '),
);
const VENUE_WORDS = new Set([
  ...STREET_WORDS,
  ...'Centre Center Convention Conference Hall Hotel Theatre Theater Auditorium Stadium Building Palace Castle Airport Plaza Park Tower Towers House Campus City County District Province Region Island Islands Valley Bay River Lake Mountains'.split(
    ' ',
  ),
]);
const LEADER = /^(?:\.{2,}|…+)$/;

function scanSentence(s: Sentence, orgs: OrganizationContext): Mention[] {
  const tokens = s.tokens;
  const out: Mention[] = [];
  let sideAffiliation: string | null = null;
  // "Her Ugandan counterpart, Minister of Trade … Joseph Okello Mugisha": the country of the next person named.
  let counterpart: { country: string | null; until: number } | null = null;
  let i = 0;

  const make = (
    run: NameRun,
    extentStart: number,
    title: string | null,
    affiliation: string | null,
    strong: boolean,
  ): Mention => {
    const pending = counterpart && run.start <= counterpart.until ? counterpart.country : null;
    counterpart = null;
    return {
      sentence: s,
      start: run.start,
      end: run.end,
      extentStart,
      extentEnd: run.end,
      name: displayName(s, run),
      parts: run.tokens.map((t) => personKey(titleCase(t.text))),
      title,
      affiliation: affiliation ?? pending ?? sideAffiliation,
      strong,
      evidence: strong ? 3 : 0,
      role: null,
      attendance: null,
      attendanceExplicit: false,
    };
  };

  // After a name: "(Green Party)", "(chair)", ", Title …, Country", "........ Title", "of Tajikistan".
  const appositive = (m: Mention): number => {
    let j = m.end;
    for (;;) {
      if (tokens[j]?.text === '(') {
        const close = tokens.findIndex((t, k) => k > j && t.text === ')');
        if (close < 0) break;
        const inner = span(s, tokens, j + 1, close).toLowerCase();
        if (/^(?:the )?(?:co-)?chair(?:man|woman|person)?$/.test(inner)) m.chair = true;
        // "Jürgen Pöschl (ÖVP)", "Jane Doe (SNP)": the party or body of the person, by its acronym (not a country's
        // code, "(AUT)", nor the person's initials, "Mary O'Neill Smith (MOS)")
        const party = close === j + 2 ? tokens[j + 1].text : '';
        if (
          /^\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}[\p{Lu}\p{Ll}-]*$/u.test(party) &&
          !matchCountryName(tokens, j + 1) &&
          !isCountryCode(party) &&
          !isSubsequence(party, nameCapitals(tokens.slice(m.start, m.end))) &&
          // (a body the text defines: "F. Ọláníyì (CBN)" after "Central Bank of Nigeria (CBN)")
          !orgs.matchAt(tokens, j + 1)
        )
          orgs.record(party, null);
        noteAttendanceAside(m, inner);
        j = close + 1;
        m.extentEnd = j;
        continue;
      }
      break;
    }
    if (tokens[j]?.text === 'of' && tokens[j + 1]?.cap) {
      const c = matchCountryName(tokens, tokens[j + 1].text === 'the' ? j + 2 : j + 1);
      if (c) {
        m.affiliation = m.affiliation ?? c.country;
        m.extentEnd = j + 1 + c.length;
        return m.extentEnd;
      }
    }
    const sep = tokens[j];
    if (
      !sep ||
      !(sep.text === ',' || LEADER.test(sep.text) || sep.text === '–' || sep.text === '—' || sep.text === ':')
    )
      return j;
    let q = j + 1;
    if (DETERMINERS.has(tokens[q]?.text ?? '')) q++;
    const prefix = parseAffiliationPrefix(tokens, q, orgs);
    const t = parseTitle(s, prefix?.end ?? q, orgs);
    if (!t || t.nameStart !== null) return j;
    const t2 = possessiveTitle(s, t, orgs);
    let title = t2 ?? t;
    // "…, Kyrgyz President Sadyr Zhaparov": the next person's title, not an appositive.
    if (parseName(tokens, skipHonorifics(tokens, title.end).end, orgs)) return j;
    // "…, Saudi Arabia's Deputy Minister for Water, Abdulaziz bin Fahd Al-Rashid,": the next person's title too.
    if (prefix && tokens[title.end]?.text === ',') {
      const h = skipHonorifics(tokens, title.end + 1);
      const next = parseName(tokens, h.end, orgs);
      if (next && (next.tokens.length >= 2 || h.end > title.end + 1) && !orgs.matchAt(tokens, h.end)) return j;
    }
    // "Member of the Political Bureau … and Minister of Foreign Affairs of …": the last office.
    let chainAffiliation: string | null = null;
    for (;;) {
      // Skip "(CPC) Central Committee" between the offices.
      let a = title.end;
      if (tokens[a]?.text === '(') {
        const close = tokens.findIndex((x, k) => k > a && x.text === ')');
        if (close < 0) break;
        a = close + 1;
      }
      while (a < tokens.length && a - title.end < 6 && tokens[a].cap && tokens[a].word && !parseTitle(s, a, orgs)) a++;
      if (tokens[a]?.text !== 'and') break;
      const next = parseTitle(s, a + 1, orgs);
      if (!next || next.nameStart !== null || parseName(tokens, skipHonorifics(tokens, next.end).end, orgs)) break;
      title = next;
      chainAffiliation = next.affiliation;
      m.title = null;
    }
    m.title = m.title ?? cleanTitle(title.title);
    m.affiliation = chainAffiliation ?? t2?.affiliation ?? t.affiliation ?? prefix?.affiliation ?? m.affiliation;
    let e = title.end;
    // ", Finland" / ", Alder Crane Audit SA" after the title.
    if (tokens[e]?.text === ',') {
      const c = matchCountryName(tokens, e + 1);
      if (c && (!tokens[e + 1 + c.length] || /^[,;()]$/.test(tokens[e + 1 + c.length].text))) {
        m.affiliation = m.affiliation ?? c.country;
        e = e + 1 + c.length;
      } else {
        const o = orgs.matchAt(tokens, e + 1);
        if (o && (!tokens[e + 1 + o.length] || /^[,;().]$/.test(tokens[e + 1 + o.length].text))) {
          m.affiliation = m.affiliation ?? o.name;
          e = e + 1 + o.length;
        }
      }
    }
    // "regional director for southern Africa,": a lower-case tail of the office runs to the comma.
    if (/^(?:for|of|in|at|on|to)$/.test(tokens[e]?.text ?? '')) {
      for (let f = e + 1; f < Math.min(tokens.length, e + 10); f++) {
        if (tokens[f].text === ',') {
          e = f;
          break;
        }
        if (
          verbAt(tokens, f) ||
          /^[.;:(]$/.test(tokens[f].text) ||
          (parseName(tokens, f, orgs)?.tokens.length ?? 0) >= 2
        )
          break;
      }
    }
    m.strong = true;
    m.evidence = Math.max(m.evidence, 3);
    m.extentEnd = e;
    // "(chair)" after the appositive.
    if (tokens[e]?.text === '(') {
      const close = tokens.findIndex((x, k) => k > e && x.text === ')');
      if (close > 0) {
        const inner = span(s, tokens, e + 1, close).toLowerCase();
        if (/^(?:the )?chair/.test(inner)) m.chair = true;
        noteAttendanceAside(m, inner);
        // ("(deputising for Paul Hendrickx)": the aside names the one stood in for, read on)
        if (
          !/^(?:[Dd]eputi[sz]ing for|[Ss]tanding in for|[Ss]ubstituting for|[Oo]n behalf of|[Ii]n place of)\s+\p{Lu}/u.test(
            span(s, tokens, e + 1, close),
          )
        )
          m.extentEnd = close + 1;
      }
    }
    return m.extentEnd;
  };

  while (i < tokens.length) {
    const t = tokens[i];
    // "from the Japanese side, …": an affiliation for the persons that follow.
    if ((t.lower === 'from' || t.lower === 'on') && tokens[i + 1]?.lower === 'the') {
      const d = matchCountry(tokens, i + 2);
      if (d && tokens[i + 2 + d.length]?.lower === 'side') {
        sideAffiliation = d.country;
        i += 3 + d.length;
        continue;
      }
    }
    // "his Chinese counterpart Wang Yi"
    if (/^(?:his|her|their|its)$/i.test(t.text)) {
      let k = i + 1;
      const d = matchCountry(tokens, k);
      if (d) k += d.length;
      if (/^counterparts?$/i.test(tokens[k]?.text ?? '')) {
        k++;
        if (tokens[k]?.text === ',') k++;
        const h = skipHonorifics(tokens, k);
        const run = parseName(tokens, h.end, orgs);
        if (run) {
          const m = make(run, i, null, d?.country ?? null, true);
          m.counterpartOf = [...out].reverse().find((x) => x.title);
          out.push(m);
          i = appositive(m);
          continue;
        }
        if (d) {
          counterpart = { country: d.country, until: k + 25 };
          i = k;
          continue;
        }
      }
    }
    // "Presidents Cyril Ramaphosa of South Africa, Hakainde Hichilema of Zambia and …": one title, many names.
    const plural = t.cap ? pluralTitleAt(tokens, i) : null;
    if (plural) {
      let k = i + 1;
      const listed: Mention[] = [];
      for (;;) {
        const h = skipHonorifics(tokens, k);
        const run = parseName(tokens, h.end, orgs);
        if (!run) break;
        const m = make(run, listed.length === 0 ? i : h.end, plural, null, true);
        out.push(m);
        listed.push(m);
        k = Math.max(appositive(m), run.end);
        if (tokens[k]?.text === ',' && tokens[k + 1]?.lower === 'and') k += 2;
        else if (tokens[k]?.text === ',' || tokens[k]?.lower === 'and') k++;
        else break;
      }
      if (listed.length > 0) {
        i = Math.max(k, i + 1);
        continue;
      }
    }
    if (!t.word || (!t.cap && !canStartTitle(t.lower) && !PARTICLE_PREFIX_START.test(t.text))) {
      i++;
      continue;
    }
    // Affiliation + title + name: "Kazakh President Kassym-Jomart Tokayev", "SCO Secretary-General Vladimir Norov".
    const startAt = i;
    let q = i;
    if (DETERMINERS.has(t.text) && tokens[i + 1]?.cap) q = i + 1;
    const prefix = parseAffiliationPrefix(tokens, q, orgs);
    // "Russian Foreign Ministry spokeswoman Maria Zakharova": the ministry belongs to the country.
    let titleAt = prefix?.end ?? q;
    if (prefix && !parseTitle(s, titleAt, orgs)) {
      let k = titleAt;
      while (
        k < titleAt + 3 &&
        tokens[k]?.cap &&
        !/^(?:Ministry|Government|Embassy|Office|Mission|Cabinet)$/.test(tokens[k].text)
      )
        k++;
      if (/^(?:Ministry|Government|Embassy|Office|Mission|Cabinet)$/.test(tokens[k]?.text ?? '')) titleAt = k + 1;
    }
    const title = parseTitle(s, titleAt, orgs);
    // "Kuwait's Abdullah al-Yahya": a possessive country before a name, no office printed.
    if (prefix && !title && /^['’]s$/i.test(tokens[prefix.end - 1]?.text ?? '')) {
      const h = skipHonorifics(tokens, prefix.end);
      const run = parseName(tokens, h.end, orgs);
      if (run && (run.tokens.length >= 2 || h.end > prefix.end) && !orgs.matchAt(tokens, h.end)) {
        const m = make(run, startAt, h.title, prefix.affiliation, true);
        out.push(m);
        i = Math.max(appositive(m), run.end);
        continue;
      }
    }
    if (title && (title.end > title.start || title.nameStart !== null)) {
      const t2 = possessiveTitle(s, title, orgs);
      const eff = t2 ?? title;
      const h = skipHonorifics(tokens, eff.nameStart ?? eff.end);
      const run = eff.nameStart !== null ? parseName(tokens, eff.nameStart, orgs) : parseName(tokens, h.end, orgs);
      const lowercaseOk = !eff.lowercase || (run !== null && run.tokens.length >= 2);
      if (run && lowercaseOk) {
        const m = make(
          run,
          startAt,
          cleanTitle(eff.title),
          t2?.affiliation ?? title.affiliation ?? prefix?.affiliation ?? null,
          true,
        );
        out.push(m);
        i = Math.max(appositive(m), run.end);
        continue;
      }
      // "The council's Chief Executive, Brendan McGrath," / "…personal envoy for Sudan, Pierre Lacombe,"
      // "A Dutch state secretary for infrastructure, Marieke van der Linde,": a lower-case tail of the office
      // (a preposition and up to four lower-case words) runs to the comma.
      let comma = eff.end;
      if (!run && eff.lowercase && /^(?:for|of|in|on)$/.test(tokens[comma]?.text ?? '')) {
        let f = comma + 1;
        while (f < tokens.length && f - comma <= 5 && tokens[f].word && !tokens[f].cap) f++;
        if (f > comma + 1 && tokens[f]?.text === ',') comma = f;
      }
      if (!run && tokens[comma]?.text === ',') {
        const h2 = skipHonorifics(tokens, comma + 1);
        const run2 = parseName(tokens, h2.end, orgs);
        const lastWord = run2?.tokens[run2.tokens.length - 1].text ?? '';
        // "its Japanese minority partner, Sumitomo Chemical": a lower-case "partner" or "owner" names a company.
        const officeNoun = eff.title.split(/\s+/).pop()?.toLowerCase() ?? '';
        if (
          run2 &&
          eff.lowercase &&
          ORG_NOUNS.has(officeNoun) &&
          h2.end === comma + 1 &&
          !isGivenName(run2.tokens[0].text)
        ) {
          orgs.record(span(s, tokens, run2.start, run2.end), null);
          i = run2.end;
          continue;
        }
        if (
          run2 &&
          (run2.tokens.length >= 2 || h2.end > comma + 1) &&
          !(isCommonWord(lastWord) && !isKnownName(lastWord) && h2.end === comma + 1)
        ) {
          const after = tokens[run2.end];
          if (!after || after.text === ',' || after.text === '.' || !after.cap) {
            const m = make(
              run2,
              startAt,
              cleanTitle(comma === eff.end ? eff.title : span(s, tokens, eff.start, comma)),
              t2?.affiliation ?? title.affiliation ?? prefix?.affiliation ?? null,
              true,
            );
            m.extentEnd = run2.end;
            out.push(m);
            i = run2.end;
            continue;
          }
        }
      }
      // "as a special representative of President Xi Jinping": the title belongs to the subject.
      i = Math.max(i + 1, eff.end);
      continue;
    }
    // Honorific + name: "H.E. Mr. Wang Yi", "Dr. S. Jaishankar", "Cllr. Niamh Walsh".
    const h = skipHonorifics(tokens, i);
    if (h.end > i) {
      const run = parseName(tokens, h.end, orgs);
      if (run) {
        const m = make(run, i, h.title, null, true);
        out.push(m);
        i = Math.max(appositive(m), run.end);
        continue;
      }
      i = h.end;
      continue;
    }
    // A known or defined organization is no one's name ("Japan Bank for International Cooperation").
    const known = orgs.matchKnown(tokens, i);
    if (known) {
      i += known.length;
      continue;
    }
    // Untitled name: kept as a candidate, with evidence.
    let run = parseName(tokens, i, orgs);
    // "at the Itaipu Binacional technical centre", "of Ngāti Waewae", "in Ann Arbor": after an article or a
    // preposition, capitalized words name a place or a body; "Pro Tempore President": words before an office.
    if (run && !/\.$/.test(tokens[run.start - 1]?.text ?? '')) {
      const before = tokens[run.start - 1]?.lower ?? '';
      const next = tokens[run.end];
      // "Federated Farmers' Southland branch": a plural possessive, and a place or unit word before the role.
      const possessive =
        /^['’]s$/i.test(next?.text ?? '') ||
        (/^['’]$/.test(next?.text ?? '') && /s$/.test(run.tokens[run.tokens.length - 1].text));
      let roleAt = run.end + 1;
      if (possessive && !/^['’]s$/i.test(next?.text ?? ''))
        while (roleAt < run.end + 3 && tokens[roleAt]?.cap && tokens[roleAt].word) roleAt++;
      const possessiveRole =
        possessive &&
        !!tokens[roleAt] &&
        (canStartTitle(tokens[roleAt].lower) ||
          matchTitleCore(tokens, roleAt) >= 0 ||
          /^(?:founder|owner|board|staff|team|branch|spokesperson)$/.test(tokens[roleAt].lower));
      // "its Japanese minority partner, Sumitomo Chemical", "the engineering group Coastline Civil": a company.
      const noun = before === ',' ? (tokens[run.start - 2]?.lower ?? '') : before;
      if (
        ORG_NOUNS.has(noun) &&
        !isGivenName(run.tokens[0].text) &&
        (next?.text === ',' || next?.text === '.' || next?.lower === 'and' || !next?.word || AUX_VERB.test(next.lower))
      ) {
        orgs.record(span(s, tokens, run.start, run.end), null);
        i = run.end;
        continue;
      }
      const placeAfter =
        next?.text === ',' &&
        !!(matchRegion(tokens, run.end + 1) || matchCountryName(tokens, run.end + 1)) &&
        !tokens[run.end + 2 + 1]?.word;
      if (
        placeAfter ||
        // (not the one someone stands in for: "standing in for Paul Hendrickx", "on behalf of Ana Ruiz")
        (UNTITLED_BLOCKERS.has(before) && !precededBy(tokens, run.start, REPRESENTED_BEFORE)) ||
        (next?.cap &&
          next.word &&
          isTitleWord(next.lower) &&
          matchTitleCore(tokens, run.end) >= 0 &&
          // (a member's letters after the name are the person's: "Shona Ritchie-Mbeki MSP", not a body's office)
          !(/^(?:MP|MSP|MEP|MLA|MPP|MHA|MHK|TD|AM|MS)$/.test(next.text) && !tokens[run.end + 1]?.cap)) ||
        possessiveRole
      ) {
        // "Taumata Arowai's regional lead": the possessor of an office is a body.
        if (possessiveRole && run.tokens.length >= 2 && !isGivenName(run.tokens[0].text))
          orgs.record(span(s, tokens, run.start, run.end), null);
        i = run.end;
        continue;
      }
    }
    // "Shareholder Jon-Erik Nygaard", "Biologist Kwame Osei-Bonsu": a leading common noun is a role, not a name.
    while (
      run &&
      run.tokens.length > 2 &&
      (isCommonWord(run.tokens[0].text) || (PERSON_NOUN.test(run.tokens[0].lower) && !tokens[run.start - 1]?.word)) &&
      !isKnownName(run.tokens[0].text)
    )
      run = { start: run.start + 1, end: run.end, tokens: run.tokens.slice(1) };
    // "Kenyatta International Convention Centre", "Ann Arbor City Council": part of a venue's or a body's name.
    if (run) {
      const o = orgs.matchAt(tokens, run.start);
      const next = tokens[run.end];
      // "Tay Bartholomew & Co LLP", "Atlantic Paving Ltd.": a firm; "UWI's Cave Hill campus": a site; "Cyclone
      // Shelter Management and Maintenance Committee": the first words of a body.
      if (
        next &&
        (next.text === '&' || isLegalSuffix(next.text) || (next.lower === 'and' && bodyAfterAnd(tokens, run.end + 1)))
      ) {
        i = run.end;
        continue;
      }
      if ((o && o.length >= run.end - run.start) || (next?.cap && next.word && VENUE_WORDS.has(next.text))) {
        i = o ? run.start + o.length : run.end + 1;
        continue;
      }
    }
    if (run) {
      const m = make(run, i, null, null, false);
      m.evidence = nameEvidence(run, tokens);
      out.push(m);
      i = Math.max(appositive(m), run.end);
      continue;
    }
    i++;
  }
  // "Sudanese Armed Forces (SAF), led by army chief X", "Rapid Support Forces (RSF) of X": the body is the affiliation.
  for (const m of out) {
    if (m.affiliation) continue;
    let b = m.extentStart - 1;
    if (tokens[b]?.lower === 'of') b--;
    else if (tokens[b]?.lower === 'by' && /^(?:led|headed|commanded|chaired)$/.test(tokens[b - 1]?.lower ?? '')) {
      b -= 2;
      if (tokens[b]?.text === ',') b--;
    } else continue;
    if (tokens[b]?.text === ')' && tokens[b - 2]?.text === '(') b -= 3;
    for (let a = Math.max(0, b - 8); a <= b; a++) {
      const o = orgs.matchAt(tokens, a);
      if (o && a + o.length - 1 === b) {
        m.affiliation = o.name;
        break;
      }
    }
  }
  // "X, Y and Z attended": a list next to a strong mention lends evidence.
  for (let k = 0; k < out.length; k++) {
    const m = out[k];
    if (m.strong) continue;
    const prev = out[k - 1];
    const next = out[k + 1];
    const linked = (a: Mention, b: Mention) => {
      const gap = tokens.slice(a.extentEnd, b.extentStart).map((x) => x.text);
      return gap.length <= 2 && gap.every((g) => g === ',' || g === 'and');
    };
    if (m.evidence < 0) continue;
    if ((prev && linked(prev, m) && prev.evidence >= 2) || (next && linked(m, next) && next.evidence >= 2))
      m.evidence = Math.max(m.evidence, 2);
  }
  return out;
}

/** "Secretary-General's personal envoy for Sudan": the second title is the person's. */
function possessiveTitle(s: Sentence, t: TitleParse, orgs: OrganizationContext): TitleParse | null {
  const tokens = s.tokens;
  if (t.nameStart !== null || !/^['’]s$/i.test(tokens[t.end]?.text ?? '')) return null;
  const t2 = parseTitle(s, t.end + 1, orgs);
  return t2 ? { ...t2, affiliation: t2.affiliation ?? t.affiliation } : null;
}

function cleanTitle(title: string | null): string | null {
  if (!title) return null;
  const t = title
    .replace(/\s+/g, ' ')
    .replace(/^(?:the|a|an)\s+/i, '')
    .trim();
  return t || null;
}

function nameEvidence(run: NameRun, tokens: Token[]): number {
  const words = run.tokens.filter((t) => !isInitialToken(t.text));
  if (words.length < 2) return 0;
  const first = words[0].text;
  const rest = words.slice(1);
  if (CHINESE_SURNAMES.has(first) && rest.length === 1 && isPinyinGiven(rest[0].text)) return 2;
  if (words.every((w) => isCommonWord(w.text) && !isKnownName(w.text))) return -9;
  if (words.some((w) => isCommonWord(w.text) && !isKnownName(w.text))) return 0;
  let e = 0;
  if (isGivenName(first)) e += 2;
  // A surname's patronymic or family suffix: Icelandic "-dóttir"/"-sson", South Slavic "-ović", Georgian
  // "-shvili"/"-dze", Ukrainian "-enko", Turkish "-oğlu" (no common English word ends so).
  if (SURNAME_SUFFIX.test(words[words.length - 1].text)) e += 2;
  if (words.some((w, k) => k > 0 && isKnownName(w.text))) e += 1;
  // Sentence-initial capital words prove nothing; a name mid-sentence is likelier, and likelier still after a
  // noun for a person's calling ("marine biologist Kwame Osei-Bonsu", "historian Ana Silva").
  const prev = tokens[run.start - 1];
  if (prev?.word && !prev.cap) e += PERSON_NOUN.test(prev.text) ? 3 : 1;
  return e;
}

// ---------------------------------------------------------------------------------------------------------
// Roles: who took part

const ACTIVE_VERBS = new Set(
  (
    'attended attend attends met meet meets chaired co-chaired hosted hosts presided participated joined spoke speaks ' +
    'addressed delivered presented briefed opened welcomed received greeted proposed seconded voted abstained told said says ' +
    'stressed noted urged agreed reported confirmed announced explained thanked expressed underlined emphasized emphasised ' +
    'highlighted recalled warned asked raised conveyed signed pledged called praised discussed affirmed reaffirmed ' +
    'accepted outlined represented led chairs co-chairs opens closes closed added insisted asked replied answered ' +
    'responded gave moderated convened witnessed co-signed sat spoke speaking questioned commented cautioned ' +
    'acknowledged observed argued proposed sent described inaugurated defended criticised criticized objected showed ' +
    // elections at the meeting: "The members elected X", "Y was re-elected treasurer"
    'elected re-elected heard ' +
    // Spanish and Portuguese reports: "participó por videoconferencia", "presidió", "dijo"
    'participó participaron asistió asistieron presidió copresidió intervino dijo afirmó señaló declaró insistió ' +
    'pidió participou participaram presidiu afirmou disse'
  ).split(' '),
);
const VERB_PHRASES: string[][] = [
  // minutes: "Coun. X moved that staff draft …", "elected to chair the meeting"
  ['moved', 'that'],
  ['moved', 'a', 'motion'],
  ['moved', 'the', 'motion'],
  ['moved', 'an', 'amendment'],
  ['elected', 'to', 'chair'],
  ['took', 'part'],
  ['take', 'part'],
  ['pointed', 'out'],
  ['put', 'forward'],
  ['was', 'present'],
  ['were', 'present'],
  ['was', 'also', 'present'],
  ['were', 'also', 'present'],
  ['held', 'talks'],
  ['held', 'a'],
  ['held', 'an'],
  ['took', 'the', 'chair'],
  ['was', 'in', 'the'],
  ['were', 'in', 'the'],
  ['followed', 'the'],
  ['followed', 'both'],
  ['followed', 'proceedings'],
  ['followed', 'by', 'video'],
  ['sat', 'in'],
  ['dialled', 'in'],
  ['dialed', 'in'],
  ['logged', 'in'],
];
/** Who a body sends to a meeting: "sent an observer, X". */
const SENT_ROLES = new Set(['observer', 'delegate', 'representative', 'envoy', 'delegation']);
const OBJECT_VERBS = new Set([
  'met',
  'meet',
  'meets',
  'hosted',
  'hosts',
  'received',
  'welcomed',
  'greeted',
  'held',
  'sent',
  'heard',
]);
/** Speech verbs: participation only when the sentence is about the meeting's day, not a later statement. */
const SPEECH_VERBS = new Set(
  'said says told stressed noted urged added insisted warned explained asked replied answered responded commented cautioned argued'.split(
    ' ',
  ),
);
const PASSIVE_CUES = new Set([
  'attended by',
  'chaired by',
  'co-chaired by',
  'hosted by',
  'presided over by',
  'joined by',
  'accompanied by',
  'proposed by',
  'seconded by',
  'opened by',
  'addressed by',
  'was led by',
  'were led by',
  'headed by',
  'under the chairmanship of',
  'under the chairpersonship of',
  'received by',
  'welcomed by',
  'greeted by',
  'substituted by',
  'replaced by',
  'was made by',
  'were made by',
  'was delivered by',
  'were delivered by',
  'was given by',
  'were given by',
  'present were',
  'attending were',
  'participants included',
  'participants were',
  'in the presence of',
  'took part:',
  'represented by',
  'signed by',
  'witnessed by',
  'moderated by',
  'briefed by',
  'backed by',
  'flanked by',
  'assisted by',
  'as did',
  'as was',
  'as were',
  'alongside',
  'together with',
  'along with',
  'taking part were',
  'participating were',
  // "With him were Dr. Lakshmi Venkatesh, …, and Rahul K. Menon, …": those who sat with the subject
  'with him were',
  'with her were',
  'with them were',
  'joining him were',
  'joining her were',
  'accompanying him were',
  'accompanying her were',
  'inaugurated by',
  'brought together',
  'delegation included',
  'delegation also included',
  'delegation comprised',
  'delegations included',
  'presidido por',
  'presidida por',
  'copresidido por',
  'acompañado por',
  'acompañada por',
  'representado por',
  'representada por',
  'asistieron',
  'participaron',
]);
/** Participles of a passive with a short gap before "by": "was represented at the meeting by". */
const PASSIVE_GAP = new Set([
  'received',
  'welcomed',
  'greeted',
  'headed',
  'briefed',
  'represented',
  'attended',
  'chaired',
  'signed',
  'witnessed',
  'opened',
  'hosted',
  'joined',
]);
/** Openers of an inverted list: "Around the table were …", "Among them were …", "Absent from Harare was …". */
const INVERTED_OPENER = new Set([
  // "On the Korean side were …"
  'on',
  'from',
  'sitting',
  'standing',
  'around',
  'among',
  'also',
  'present',
  'joining',
  'attending',
  'seated',
  'participating',
  'taking',
  'absent',
  'missing',
  'in',
]);
const ABSENT_HEADER = /\b(?:absent|apologies|excused|regrets|not present|leave of absence)\b/i;
const PARTICIPANT_LABEL =
  /\b(?:took part|take part|taking part|participants?|present|attended|attending|attendees|attendance|delegations?|in attendance|in the room|around the table|at the venue|joined)\b|^\s*(?:(?:co-)?chairs?|chairperson|chaired by|presiding|minutes|minute-taker|minutes taken by|recording secretary|secretary|guests?|speakers?|presenters?|observers?|invitees?|online|remotely|virtually|by video(?: ?link)?|via (?:zoom|teams|video(?: ?link)?))\s*$/i;
const PASSIVE_FIRST = new Set([...PASSIVE_CUES].map((c) => c.split(' ')[0]));
const AUX = new Set([
  'was',
  'were',
  'is',
  'are',
  'has',
  'have',
  'also',
  'then',
  'later',
  'jointly',
  'both',
  'all',
  'each',
]);
const EXCLUDE_BEFORE = [
  ['absence', 'of'],
  ['message', 'from'],
  ['letter', 'from'],
  ['greetings', 'from'],
  ['message', 'of'],
  ['visit', 'by'],
  ['speech', 'by'],
  ['call', 'on'],
  ['phone', 'call', 'with'],
  ['telephone', 'talk', 'with'],
];
const REPRESENTED_BEFORE = [
  ['on', 'behalf', 'of'],
  ['stood', 'in', 'for'],
  ['sat', 'in', 'for'],
  ['sitting', 'in', 'for'],
  ['filling', 'in', 'for'],
  ['substituting', 'for'],
  ['in', 'place', 'of'],
  ['representative', 'of'],
  ['representing'],
  ['envoy', 'of'],
  ['proxy', 'for'],
  ['deputizing', 'for'],
  ['deputising', 'for'],
  ['standing', 'in', 'for'],
];
const VIDEO_CUE =
  /\bpor videoconferencia\b|\b(?:via|by|through|over) (?:a )?(?:video|videoconference|video-conference|video conference|video conferencing|videoconferencing|video link|videolink|video call|teleconference|zoom|vc|audio-visual link|audiovisual link)\b|\bvideo ?link\b|\bvirtually\b|\bremotely\b|\bonline\b|\bconnected from\b|\bon (?:a )?screen\b|\b(?:joined|attended|participated|took part|dialled in|dialed in|called in)\b[^.;]{0,20}\bby (?:tele)?phone\b/i;
const IN_PERSON_CUE =
  /\bin person\b|\bin-person\b|\b(?:was|were) (?:also )?present\b|\bon stage\b|\bfrom the stage\b|\bin the chair\b|\baround the table\b|\bin the (?:room|hall|chambers?|conference hall|plenary hall)\b|\bat the venue\b|\bin chambers\b|\bfrom the floor\b/i;
/** "stayed in Batumi", "did not attend", "was not invited": the person was not at the meeting. */
const ABSENCE =
  /\b(?:(?:was|were) not (?:at|in|present|invited|there|able|among|part|on|attending)|did not attend|did not take part|did not participate|did not travel|stayed (?:in|at|behind)|absent|could not attend|could not leave|not able to attend|unable to attend|sent no|not invited|sent (?:his |her |their )?apologies|had sent (?:his |her |their )?apologies|leave of absence|turned away|from home|not there|not at the|no (?:particip|asist)|(?:said|told (?:[a-z]+ ){0,2}|added|commented) by (?:tele)?phone|(?:pre-?recorded|recorded|written) (?:video |audio )?(?:message|statement|address|greetings?)|sent (?:a |his |her |their )?(?:written |video )?(?:message|letter|greetings))\b/;

const VERB_PHRASE_FIRST = new Set(VERB_PHRASES.map((p) => p[0]));
const QUOTE_OPEN = /^["“«‘]$/;
/** Groups named beside a person ("…, and representatives of the ADB and APAARI followed"). */
const GROUP_NOUNS = new Set(
  'representatives officials delegates delegations members observers experts envoys staff others'.split(' '),
);

function verbAt(tokens: Token[], k: number): number {
  const t = tokens[k];
  if (!t?.word || t.cap) return 0;
  if (VERB_PHRASE_FIRST.has(t.lower)) {
    for (const p of VERB_PHRASES) {
      if (p.every((w, x) => tokens[k + x]?.lower === w)) return p.length;
    }
  }
  // "X was refreshingly honest: “We price what we can't see”": a quotation introduced by a colon is speech.
  if (t.lower === 'was' || t.lower === 'were') {
    for (let x = k + 1; x <= k + 4 && x < tokens.length; x++) {
      const w = tokens[x];
      if (w.text === ':') return QUOTE_OPEN.test(tokens[x + 1]?.text ?? '') ? x - k + 1 : 0;
      if (!w.word || w.cap) return 0;
    }
  }
  // Minutes: "were appointed scrutineers", "was appointed secretary of the meeting": an office of this meeting.
  if (t.lower === 'appointed') {
    const next = tokens.slice(k + 1, k + 6).map((x) => x.lower);
    if (/^(?:scrutineers?|tellers?)$/.test(next[0] ?? '')) return 2;
    const of = next.indexOf('of');
    if (of > 0 && of <= 2 && next[of + 1] === 'the' && next[of + 2] === 'meeting') return of + 4;
    return 0;
  }
  // "co-moderated", "co-hosted": the verb without its prefix.
  if (ACTIVE_VERBS.has(t.lower) || (t.lower.startsWith('co-') && ACTIVE_VERBS.has(t.lower.slice(3)))) {
    // "led by" is passive, "joined by video link" is active.
    if (tokens[k + 1]?.lower === 'by' && t.lower !== 'joined' && tokens[k + 2]?.cap) return 0;
    // "who had opened" (an earlier event) does not count.
    if (tokens[k - 1]?.lower === 'had') return 0;
    return 1;
  }
  return 0;
}

function precededBy(tokens: Token[], start: number, phrases: string[][]): boolean {
  for (const p of phrases) {
    let k = start - 1;
    if (tokens[k] && DETERMINERS.has(tokens[k].text)) k--;
    const from = k - p.length + 1;
    if (from < 0) continue;
    if (p.every((w, x) => tokens[from + x].lower === w)) return true;
    // "representative of President Xi": allow one title word in between.
  }
  return false;
}

const PREP_BEFORE = new Set(['from', 'in', 'at', 'of', 'near']);
/** A single untitled word after a preposition ("a teacher from Kaniere"): a place or a body, not a person. */
const afterPreposition = (m: Mention, tokens: Token[]): boolean =>
  m.parts.length === 1 && !m.strong && PREP_BEFORE.has(tokens[m.extentStart - 1]?.lower ?? '');
const ORG_LINKS = new Set(['and', 'for', 'of', '&', 'the', "'s", '’s']);

/** Time adverbials between a subject and its verb: "X this morning received", "X on Monday met". */
const TIME_GAP = new Set(
  'this on today yesterday tonight morning afternoon evening earlier later last week night monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

/** The gap between a mention and a verb holds no other clause material: commas, adverbs, a relative clause. */
function closeGap(tokens: Token[], from: number, to: number): boolean {
  let k = from;
  while (k < to) {
    const t = tokens[k];
    // A first predicate coordinated with the verb: "X could not travel and took part by video", "X sent his
    // apologies and was represented by …": lower-case words only, up to "and".
    if (to - k <= 7 && tokens[to - 1].lower === 'and' && !t.cap) {
      let e = k;
      while (e < to - 1 && tokens[e].word && !tokens[e].cap && tokens[e].lower !== 'and') e++;
      if (e === to - 1 && e > k) return true;
    }
    if (t.text === ',' || AUX.has(t.lower) || t.lower.endsWith('ly') || TIME_GAP.has(t.lower)) {
      k++;
      continue;
    }
    if (t.text === '(') {
      const close = tokens.findIndex((x, j) => j > k && x.text === ')');
      if (close < 0 || close >= to) return false;
      k = close + 1;
      continue;
    }
    if ((t.lower === 'who' || t.lower === 'which') && k + 1 === to) return true;
    // "Nadia Berezovska of the European Bank for Reconstruction and Development (EBRD) described": the body she
    // belongs to, capitalized words and connectors up to the verb.
    if ((t.lower === 'of' || t.lower === 'from' || t.lower === 'at' || t.lower === 'in') && k === from) {
      let e = k + 1;
      if (tokens[e]?.lower === 'the') e++;
      let names = 0;
      while (e < to) {
        const x = tokens[e];
        if (x.cap && x.word) names++;
        else if (x.text === '(') {
          const close = tokens.findIndex((y, j) => j > e && y.text === ')');
          if (close < 0 || close >= to) break;
          e = close;
        } else if (!ORG_LINKS.has(x.lower) && !(x.lower === 'in' && names > 0 && !!tokens[e + 1]?.cap)) break;
        e++;
      }
      if (e === to && names > 0 && names <= 10) return true;
    }
    // "…, and representatives of the Asian Development Bank (ADB) and the … (APAARI) followed": a group of
    // unnamed people listed with the subject, up to the verb.
    if (t.lower === 'and' && GROUP_NOUNS.has(tokens[k + 1]?.lower ?? '')) {
      let e = k + 2;
      while (e < to && tokens[e].text !== ',' && tokens[e].text !== ';' && tokens[e].text !== '.' && !verbAt(tokens, e))
        e++;
      if (e === to) return true;
    }
    if (t.lower === 'and' && /^(?:others|other)$/.test(tokens[k + 1]?.lower ?? '')) {
      k += 2;
      while (k < to && !tokens[k].cap && tokens[k].word && tokens[k].lower !== 'who') k++;
      continue;
    }
    if (t.lower === 'who' || t.lower === 'which') {
      // ", who is visiting Beijing," — a closed relative clause.
      const close = tokens.findIndex((x, j) => j > k && x.text === ',');
      if (close < 0 || close >= to) return false;
      if (tokens.slice(k, close).some((x) => x.lower === 'had')) return false;
      k = close + 1;
      continue;
    }
    // An appositive closed by a comma: ", the WFP's regional director for southern Africa, briefed".
    if (tokens[k - 1]?.text === ',' || k === from) {
      let close = -1;
      for (let j = k; j < Math.min(to, k + 16); j++) {
        if (tokens[j].text === ',') {
          close = j;
          break;
        }
        if (verbAt(tokens, j) || tokens[j].text === ';' || tokens[j].text === '.') break;
      }
      if (close > 0) {
        k = close + 1;
        continue;
      }
    }
    return false;
  }
  return true;
}

function clauseBounds(tokens: Token[]): number[] {
  const bounds = [0];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.text === ';' || (t.text === ':' && k < tokens.length - 1) || t.lower === 'while' || t.lower === 'whereas')
      bounds.push(k + 1);
    if (t.lower === 'but' && tokens[k - 1]?.text === ',') bounds.push(k + 1);
  }
  bounds.push(tokens.length);
  return bounds;
}

const NEGATION_PRECHECK = /not|stayed|absent|sent |recorded|written|\bno (?:particip|asist)|by (?:tele)?phone/;

/** The mention at the head of a list item and those listed right after it ("A, B and C, Independent Members"). */
function listedWithFirst(tokens: Token[], mentions: Mention[]): Mention[] {
  // A row may open with its own label ("Deputies: A (Chair), B", "Iarnród Éireann: Ms C, Chief Executive").
  const colon = tokens.findIndex((t, k) => k < 8 && t.text === ':');
  const lead = colon >= 0 && !tokens.slice(0, colon).some((_t, k) => verbAt(tokens, k) > 0) ? colon + 1 : 0;
  const first = mentions.find((m) => m.extentStart >= lead);
  if (!first || first.extentStart > lead + 2) return [];
  mentions = mentions.slice(mentions.indexOf(first));
  const out = [first];
  for (let i = 1; i < mentions.length; i++) {
    const gap = tokens.slice(out[out.length - 1].extentEnd, mentions[i].extentStart);
    // (an initial the name parse left out, "A J Duncan", may stand in the gap)
    if (
      gap.length === 0 ||
      gap.length > 3 ||
      !gap.every((t) => t.text === ',' || t.lower === 'and' || t.text === '&' || /^\p{Lu}\.?$/u.test(t.text)) ||
      gap.filter((t) => t.word).length > 2
    )
      break;
    out.push(mentions[i]);
  }
  return out;
}

function assignRoles(
  s: Sentence,
  mentions: Mention[],
  listAttendance: Attendance | null | 'absent' | undefined,
  otherDay: boolean,
): void {
  if (mentions.length === 0) return;
  const tokens = s.tokens;
  const lowerText = s.text.toLowerCase();
  // Every mention from token `from` on takes part; "Also present at the venue were" also says how.
  const markAfter = (from: number, cueStart: number) => {
    const cue = span(s, tokens, 0, from);
    const inPerson = IN_PERSON_CUE.test(cue) || /\bpresent\b/i.test(span(s, tokens, cueStart, from));
    for (const m of mentions) {
      if (m.extentStart < from || m.excluded || m.role === 'represented') continue;
      m.role = 'participant';
      if (inPerson && !m.attendanceExplicit) m.attendance = 'in person';
    }
  };
  // Exclusions and representation first.
  for (const m of mentions) {
    if (precededBy(tokens, m.extentStart, EXCLUDE_BEFORE)) m.excluded = true;
    if (precededBy(tokens, m.extentStart, REPRESENTED_BEFORE) || precededBy(tokens, m.start, REPRESENTED_BEFORE)) {
      m.role = 'represented';
      // "as a special representative of X": the subject carries the title, X the affiliation.
      const subject = [...mentions].reverse().find((x) => x.end <= m.extentStart && x !== m);
      if (subject) m.representative = subject;
      const asTitle = /\bas (?:a |the )?((?:special |personal )?(?:representative|envoy))\s+of\b/i.exec(
        s.source.slice(subject ? tokens[subject.end].start : s.start, tokens[m.extentStart].start),
      );
      if (subject && asTitle) {
        subject.title = subject.title ?? asTitle[1].replace(/\b\w/g, (c) => c.toUpperCase());
        subject.principalOf = m;
      }
    }
  }
  // A list item under a participants header: the names at its head take part ("Professor Aled Roberts, Rhian
  // Llewelyn and Olusegun Adebayo-Ward, Independent Members": every name listed with the first).
  if (listAttendance === 'absent') {
    for (const m of listedWithFirst(tokens, mentions)) {
      m.negated = true;
      m.role = null;
    }
  } else if (listAttendance !== undefined && mentions.length > 0) {
    const first = mentions[0];
    for (const m of listedWithFirst(tokens, mentions)) {
      if (m.role === 'represented') continue;
      m.role = 'participant';
      if (!m.attendanceExplicit && listAttendance) m.attendance = listAttendance;
    }
    const item = lowerText;
    if (VIDEO_CUE.test(item) && !first.attendanceExplicit) {
      first.attendance = 'video link';
      first.attendanceExplicit = true;
    }
    for (const m of mentions) if (m.role === 'represented' && !m.attendance) m.attendance = 'represented';
  }
  // Passive cues: everyone named after "attended by", "chaired by", "Also present were" takes part.
  for (let k = 0; k < tokens.length; k++) {
    if (!PASSIVE_FIRST.has(tokens[k].lower)) continue;
    const two = `${tokens[k].lower} ${tokens[k + 1]?.lower ?? ''}`;
    const three = `${two} ${tokens[k + 2]?.lower ?? ''}`;
    const four = `${three} ${tokens[k + 3]?.lower ?? ''}`;
    let len = 0;
    if (PASSIVE_CUES.has(four)) len = 4;
    else if (PASSIVE_CUES.has(three)) len = 3;
    else if (PASSIVE_CUES.has(two)) len = 2;
    else if (PASSIVE_CUES.has(tokens[k].lower)) len = 1;
    if (!len) continue;
    // "joined by video link" is not a passive list.
    const next = tokens[k + len];
    if (two.endsWith(' by') && next && !next.cap && !DETERMINERS.has(next.text) && !POSSESSIVES.has(next.lower))
      continue;
    markAfter(k + len, k);
  }
  // "Heads of delegation present in Vientiane included …", "The delegation was headed by X and included Y": a
  // list after "included" whose subject names the people present.
  for (let k = 1; k < tokens.length; k++) {
    if (!/^(?:included|includes|include|comprised)$/.test(tokens[k].lower)) continue;
    const subject = tokens
      .slice(Math.max(0, k - 12), k)
      .map((t) => t.lower)
      .join(' ');
    if (
      /\b(?:delegations?|participants|attendees|present|guests|speakers|panell?ists|panel|those attending)\b/.test(
        subject,
      )
    )
      markAfter(k + 1, k);
  }
  // "was represented at the meeting by its authorised representative, Mr. S. Narayanan"
  for (let k = 0; k < tokens.length; k++) {
    if (!PASSIVE_GAP.has(tokens[k].lower) || tokens[k + 1]?.lower === 'by') continue;
    // (", represented at the meeting by": a participle after a comma too)
    const aux = tokens[k - 1]?.lower ?? '';
    if (!/^(?:was|were|is|are|been)$/.test(aux) && !(aux === ',' && tokens[k].lower === 'represented')) continue;
    // "was represented in São Tomé by", "was received at the Paços do Concelho by", "was received in Changchun on
    // Thursday by": a place or a day after a preposition may stand in the gap.
    let inPlace = false;
    for (let j = k + 1; j < Math.min(tokens.length, k + 10); j++) {
      if (tokens[j].lower === 'by') {
        markAfter(j + 1, k);
        break;
      }
      if (!tokens[j].word) break;
      if (tokens[j].cap) {
        if (!inPlace && !/^(?:in|at|on|the|of|do|da|de|dos|del)$/.test(tokens[j - 1].lower)) break;
        inPlace = true;
      } else inPlace = false;
    }
  }
  // The subject of "was represented by (proxy | X)" was represented.
  for (let k = 1; k < tokens.length; k++) {
    if (tokens[k].lower !== 'represented' || !/^(?:was|were)$/.test(tokens[k - 1].lower)) continue;
    const subject = [...mentions].reverse().find((m) => m.extentEnd <= k - 1);
    // ", who had been expected to open the conference, was represented by …"
    const gap = subject ? tokens.slice(subject.extentEnd, k - 1) : [];
    const relativeGap =
      gap.length > 2 &&
      gap[0].text === ',' &&
      /^(?:who|which)$/.test(gap[1].lower) &&
      gap[gap.length - 1].text === ',' &&
      !gap.slice(1, -1).some((x) => x.text === ',' || x.text === ';');
    // "The Greek federation, whose president X is recovering from surgery, was represented by …": the body's
    // head, named in the relative clause, is the one represented.
    const whose =
      subject &&
      tokens.slice(Math.max(0, subject.extentStart - 3), subject.start).some((x) => x.lower === 'whose') &&
      tokens[k - 2]?.text === ',' &&
      !tokens.slice(subject.extentEnd, k - 2).some((x) => x.text === ',' || x.text === ';');
    if (subject && (closeGap(tokens, subject.extentEnd, k - 1) || relativeGap || whose) && !subject.excluded) {
      subject.role = 'represented';
      subject.attendance = 'represented';
      subject.attendanceExplicit = true;
    }
  }
  // Inverted lists: "Around the table at the Sheraton were …", "Among them were …", "Absent from Harare was …".
  for (const from of clauseBounds(tokens)) {
    const first = tokens[from];
    if (!first || !INVERTED_OPENER.has(first.lower)) continue;
    let v = -1;
    // "Taking part in the talks on the Russian side were …": the opener may run a dozen words.
    for (let j = from + 1; j < Math.min(tokens.length, from + 13); j++) {
      if (tokens[j].lower === 'were' || tokens[j].lower === 'was') {
        v = j;
        break;
      }
      if (verbAt(tokens, j) || tokens[j].text === ':' || tokens[j].text === ';') break;
    }
    if (v < 0) continue;
    const opener = span(s, tokens, from, v).toLowerCase();
    const absent = /^(?:absent|missing)\b/.test(opener);
    if (
      !absent &&
      !/^(?:also|present|among|around|joining|attending|seated|sitting|standing|participating|taking|in the (?:room|hall|chambers?)|(?:on|from) the [\p{L}-]+ side)\b/u.test(
        opener,
      )
    )
      continue;
    const end = tokens.length;
    for (const m of mentions) {
      if (m.extentStart <= v || m.extentStart >= end || m.excluded) continue;
      if (absent) {
        m.negated = true;
        m.role = null;
        continue;
      }
      if (m.role !== 'represented') m.role = 'participant';
      if (!m.attendanceExplicit && IN_PERSON_CUE.test(`${opener} `)) {
        m.attendance = 'in person';
        m.attendanceExplicit = true;
      }
    }
  }
  // A label inside the sentence: "Present in Chambers: Mayor …; Councilmembers …", "Absent: Councilmember Yates".
  for (let c = 0; c < Math.min(tokens.length, 30); c++) {
    if (tokens[c].text !== ':') continue;
    // "Secretary (non-voting): …": the label without its parenthesis.
    const label = span(s, tokens, 0, c).replace(/\s*\([^)]*\)/g, '');
    if (countWordsIn(label) > 14) break;
    const absent = ABSENT_HEADER.test(label);
    if (!absent && !PARTICIPANT_LABEL.test(label)) continue;
    const attendance =
      VIDEO_CUE.test(label) || /\b(?:remote|remotely|virtual|zoom)\b/i.test(label)
        ? 'video link'
        : IN_PERSON_CUE.test(label) || /\bpresent\b/i.test(label)
          ? 'in person'
          : null;
    for (const m of mentions) {
      if (m.extentStart <= c || m.excluded) continue;
      if (absent) {
        m.negated = true;
        m.role = null;
        continue;
      }
      if (m.role !== 'represented') m.role = 'participant';
      if (attendance && !m.attendanceExplicit) m.attendance = attendance;
    }
    break;
  }
  // "…, who attended on his behalf", "Y attended as his substitute", "Y stood in for her": Y took part for the
  // person named just before, who was represented.
  for (let k = 2; k + 2 < tokens.length; k++) {
    const w = `${tokens[k].lower} ${tokens[k + 1].lower} ${tokens[k + 2].lower}`;
    if (
      !/^(?:on (?:his|her) behalf|as (?:his|her) (?:substitute|replacement|deputy|alternate)|in (?:his|her) (?:place|stead))$/.test(
        w,
      )
    )
      continue;
    const prior = mentions.filter((m) => m.end <= k).sort((x, y) => y.end - x.end);
    const [deputy, principal] = prior;
    // (a greeting "delivered by the Vice-Minister, who attended on his behalf" is the Minister's representation)
    if (!deputy || !principal) continue;
    if (!tokens.slice(deputy.end, k).some((x) => /^(?:attended|attends|participated|sat|came|was)$/.test(x.lower)))
      continue;
    if (deputy.role !== 'represented') deputy.role = 'participant';
    principal.role = 'represented';
    principal.attendance = 'represented';
    principal.attendanceExplicit = true;
    principal.negated = false;
    principal.excluded = false;
  }
  // "with Mayor … in the chair"
  for (const m of mentions) {
    const after = tokens
      .slice(m.extentEnd, m.extentEnd + 3)
      .map((t) => t.lower)
      .join(' ');
    if (after === 'in the chair') {
      m.role = 'participant';
      m.chair = true;
      m.attendance = 'in person';
      m.attendanceExplicit = true;
    }
  }
  // Active verbs: the subject group before the verb; meeting verbs also take their object.
  const bounds = clauseBounds(tokens);
  for (let b = 0; b + 1 < bounds.length; b++) {
    const from = bounds[b];
    const to = bounds[b + 1];
    const verbs: { at: number; len: number }[] = [];
    for (let k = from; k < to; k++) {
      const len = verbAt(tokens, k);
      if (len) {
        verbs.push({ at: k, len });
        k += len - 1;
      }
    }
    for (let v = 0; v < verbs.length; v++) {
      const { at, len } = verbs[v];
      if (!mentions.some((m) => m.extentStart >= from && m.extentEnd <= to)) break;
      const predEnd = v + 1 < verbs.length ? verbs[v + 1].at : to;
      const predicate = span(s, tokens, at, predEnd);
      const inClause = mentions.filter((m) => m.extentStart >= from && m.extentEnd <= to);
      // Subject group: the mention right before the verb and those listed with it.
      // A name after a preposition ("a Member from Coimbatore") is a place or a body, never the subject.
      const before = inClause
        .filter((m) => m.extentEnd <= at && !afterPreposition(m, tokens))
        .sort((x, y) => y.extentEnd - x.extentEnd);
      const group: Mention[] = [];
      if (before.length > 0 && closeGap(tokens, before[0].extentEnd, at)) {
        group.push(before[0]);
        for (let g = 1; g < before.length; g++) {
          // "Dr. X (Viet Nam) and Ms. Y (Philippines) joined online": a parenthesis after a member is skipped.
          const gapTokens = withoutParentheses(tokens.slice(before[g].extentEnd, group[group.length - 1].extentStart));
          // "…, Special Relief Commissioner Shri N. B. S. Rajput": capitalized words of an office the title
          // parse did not take, right before the next name.
          let cut = gapTokens.length;
          while (cut > 1 && cut > gapTokens.length - 3 && gapTokens[cut - 1].cap && gapTokens[cut - 1].word) cut--;
          const gap = gapTokens.slice(0, cut).map((x) => x.lower);
          if (gap.length <= 3 && gap.every((x) => x === ',' || x === 'and' || x === 'as' || x === 'well'))
            group.push(before[g]);
          // "Ms X, director representing France, and Mr Y, director for Burkina Faso, attended": an appositive
          // (an office, no verb) between two members.
          else if (
            gap.length <= 14 &&
            (gap[gap.length - 1] === 'and' || gap[gap.length - 1] === ',') &&
            gap.slice(1, -1).filter((x) => x === ',').length <= 1 &&
            !gapTokens.some((x, q) => x.word && !x.cap && verbAt(gapTokens, q) > 0 && x.lower !== 'representing')
          )
            group.push(before[g]);
          else break;
        }
      }
      const word = tokens[at].lower;
      // Object of a meeting verb: "met with X", "held a … Meeting with H.E. Mr. Wang Yi", "welcomed Minister Hayashi".
      if (OBJECT_VERBS.has(word)) {
        const after = inClause.filter((m) => m.extentStart >= at + len).sort((x, y) => x.extentStart - y.extentStart);
        const obj = after[0];
        if (obj) {
          const gap = tokens.slice(at + len, obj.extentStart).map((x) => x.lower);
          const ok =
            gap.length === 0 ||
            (gap.length <= 12 && gap[gap.length - 1] === 'with' && !gap.some((x) => ACTIVE_VERBS.has(x))) ||
            // "Council heard an update from legal counsel X", "heard a presentation by X"
            (word === 'heard' &&
              gap.length <= 6 &&
              /^(?:from|by)$/.test(gap[gap.length - 1] ?? '') &&
              !gap.some((x) => ACTIVE_VERBS.has(x))) ||
            (gap.length <= 2 && gap.every((x) => DETERMINERS.has(x) || POSSESSIVES.has(x) || x === 'visiting')) ||
            // "sent an observer, programme officer X": the role, then the person in apposition
            (word === 'sent' &&
              gap.length === 3 &&
              (DETERMINERS.has(gap[0]) || POSSESSIVES.has(gap[0])) &&
              SENT_ROLES.has(gap[1]) &&
              gap[2] === ',');
          // ("welcomed Prime Minister Takeda Haruto's proposal": what is welcomed is the proposal)
          const possessed = /^['’]s?$/.test(tokens[obj.end]?.text ?? '');
          if (ok && !obj.excluded && !possessed) {
            if (obj.role !== 'represented') obj.role = 'participant';
            // and the objects listed with it
            for (let g = 1; g < after.length; g++) {
              const gap2 = tokens.slice(after[g - 1].extentEnd, after[g].extentStart).map((x) => x.lower);
              if (gap2.length <= 2 && gap2.every((x) => x === ',' || x === 'and')) after[g].role = 'participant';
              else break;
            }
          }
        }
      }
      const video = VIDEO_CUE.test(predicate);
      const inPerson = IN_PERSON_CUE.test(predicate);
      const place = /\b(?:in|at) ((?:the )?\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)*)/u.exec(predicate)?.[1];
      // A statement made on another day ("said on Friday", "said in a statement") is not taking part.
      // So is one made in writing or in another week ("said in a bulletin last week", "told reporters earlier").
      if (
        SPEECH_VERBS.has(word) &&
        (otherDay ||
          /\bin (?:a|an|his|her|their|its) (?:statement|interview|bulletin|report|newsletter|letter|blog post|post|op-ed|video message)\b/i.test(
            predicate,
          ) ||
          // the time of the statement, right after the verb ("said last week", "told reporters earlier this
          // month"), not a time inside what was said ("said streets had been dry for 11 days last month")
          /^\S+(?:\s+\S+){0,2}?\s+(?:(?:last|the previous) (?:week|month|year)|earlier (?:this|that) (?:week|month|year))\b/i.test(
            predicate,
          ))
      ) {
        for (const m of group) m.withheld = true;
        continue;
      }
      // "followed the proceedings by video link", not "followed up"
      if (
        word === 'followed' &&
        !VIDEO_CUE.test(predicate) &&
        !/\b(?:session|meeting|proceedings|debate|talks|summit|discussions)\b/.test(predicate)
      )
        continue;
      for (const m of group) {
        if (m.excluded) continue;
        if (m.role !== 'represented') m.role = 'participant';
        if (/^(?:chaired|co-chaired|chairs|presided|hosted|hosts|opened)$/.test(word)) m.chair = true;
        if (video && !inPerson) {
          m.attendance = 'video link';
          m.attendanceExplicit = true;
        } else if (inPerson && !video) {
          m.attendance = 'in person';
          m.attendanceExplicit = true;
        }
        if (place && !video) m.placeTokens = [...(m.placeTokens ?? []), place.replace(/^the /, '')];
      }
    }
  }
  // "Apologies were received from Catrìona Nic an t-Saoir and Imran Akhtar": everyone named after it, in its clause.
  const apologies =
    /\bapologies(?: for absence)?(?: (?:were|was|had been))?(?: (?:received|tendered|submitted|noted|given|recorded))? from\b/i.exec(
      s.text,
    );
  if (apologies) {
    const from = s.start + apologies.index + apologies[0].length;
    const rest = s.text.slice(apologies.index + apologies[0].length);
    const stop = rest.search(/[;:]|\.\s/);
    const to = from + (stop < 0 ? rest.length : stop);
    for (const m of mentions) {
      const at = tokens[m.extentStart].start;
      if (at >= from && at < to && m.role !== 'represented') {
        m.negated = true;
        m.role = null;
      }
    }
  }
  // Absences: "was not at the meeting", "stayed in Batumi", "did not attend", "had sent her apologies": in the
  // words after the mention, before the next person is named. They outweigh a verb of a relative clause
  // ("Minister X, who hosted last year's ministerial, did not attend").
  if (NEGATION_PRECHECK.test(lowerText) || /stay|apolog|absen|turned|home|invited|unable|there/.test(lowerText)) {
    // Relative clauses (", who spoke to al-Khulaifi by telephone,"): a mention inside one ends there; the
    // main clause's words skip them.
    const relative: [number, number][] = [];
    for (let k = 0; k + 1 < tokens.length; k++) {
      if (tokens[k].text !== ',' || !/^(?:who|which|whose|where)$/.test(tokens[k + 1].lower)) continue;
      let e = k + 2;
      while (e < tokens.length && tokens[e].text !== ',' && tokens[e].text !== ';') e++;
      relative.push([k, e]);
    }
    const inRelative = (t: number) => relative.find(([a, b]) => t > a && t < b);
    for (let x = 0; x < mentions.length; x++) {
      const m = mentions[x];
      const rel = inRelative(m.extentStart);
      const words: string[] = [];
      const own = relative.find(([a]) => a === m.extentEnd);
      for (let k = m.extentEnd; k < tokens.length; k++) {
        if (rel && k >= rel[1]) break;
        if (!rel && inRelative(k) && !(own && k > own[0] && k < own[1])) continue;
        if (
          mentions.some(
            (o) => o !== m && o.extentStart === k && (rel || !inRelative(k)) && !afterPreposition(o, tokens),
          )
        )
          break;
        words.push(tokens[k].lower);
      }
      // "who met Manele on Wednesday but was not invited": "but" before a verb keeps the subject.
      const clause = words
        .join(' ')
        .split(/;|\bwhile\b|\bbut\b(?! (?:was|were|did|had|could|has|is|would|stayed|remained)\b)/)[0];
      if (
        ABSENCE.test(clause) &&
        m.role !== 'represented' &&
        !/^\s*(?:,\s*)?(?:was|were) not (?:only|just)\b/.test(clause)
      ) {
        m.negated = true;
        m.role = null;
      }
    }
  }
  // "X could not attend … and was represented by Deputy Minister Y", "Apologies: X, who was substituted by Dr Y",
  // "Member X was excused and replaced by his substitute, Y": X was represented, Y took part. After the absences,
  // which this outweighs.
  for (let x = 0; x + 1 < mentions.length; x++) {
    const m = mentions[x];
    const next = mentions[x + 1];
    if (m.excluded || next.extentStart <= m.extentEnd) continue;
    const between = span(s, tokens, m.extentEnd, next.extentStart);
    if (
      // (and a roster's "X, Director General — represented by Eng. Y")
      !/(?:\b(?:was|were|and|been)\s+(?:\w+\s+){0,2}?|[–—(]\s*)(?:represented|replaced|substituted|deputi[sz]ed for)\b[^;.]*?\bby\b[^;.]{0,60}$/i.test(
        between,
      )
    )
      continue;
    if (/\bby\b[^;.]*\b(?:proxy|video|telephone|phone|zoom|teams)\b/i.test(between)) continue;
    m.role = 'represented';
    m.attendance = 'represented';
    m.attendanceExplicit = true;
    m.negated = false;
    if (!next.excluded && next.role !== 'represented') {
      next.role = 'participant';
      next.negated = false;
    }
  }
}

const POSSESSIVES = new Set(['its', 'his', 'her', 'their', 'our', 'your']);
/** The capital letters of a name's words: "Mary O'Sullivan" gives "MOS". */
const nameCapitals = (words: Token[]): string => words.map((t) => t.text.replace(/\P{Lu}/gu, '')).join('');
/** Are the letters of `short` found in order in `long` (initials "MOS" in the capitals "MOS" of "Mary O'Sullivan")? */
function isSubsequence(short: string, long: string): boolean {
  let k = 0;
  for (const ch of long) if (ch.toUpperCase() === short[k]?.toUpperCase()) k++;
  return k === short.length;
}

/** Tokens outside parentheses (one level). */
function withoutParentheses(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out.push(t);
  }
  return out;
}
const countWordsIn = (text: string): number => text.split(/\s+/).filter(Boolean).length;

// ---------------------------------------------------------------------------------------------------------
// Merging mentions into persons

type Acc = {
  name: string;
  parts: string[];
  title: string | null;
  affiliation: string | null;
  participant: boolean;
  represented: boolean;
  attendance: Attendance | null;
  explicit: boolean;
  order: number;
  mentions: Mention[];
  chair: boolean;
};

const isInitial = (p: string) => p.length === 1;

const bagCache = new WeakMap<string[], string>();
/** The same words in any order, initials ignored ("Kishida Fumio" = "Fumio Kishida"). */
function sameTokens(a: string[], b: string[]): boolean {
  return bagOf(a) === bagOf(b);
}
function bagOf(parts: string[]): string {
  let bag = bagCache.get(parts);
  if (bag === undefined) {
    bag = parts
      .filter((p) => !isInitial(p))
      .sort()
      .join(' ');
    bagCache.set(parts, bag);
  }
  return bag;
}

/** Is `short` a contiguous run of `full`'s words (a surname, "Ó Conaire", or a given name)? */
function partOf(short: string[], full: string[]): boolean {
  if (short.length >= full.length) return false;
  for (let k = 0; k + short.length <= full.length; k++) {
    if (short.every((p, x) => full[k + x] === p)) return true;
  }
  // hyphenated parts: "Clarke-Holder" in "Andrea Clarke-Holder" is already a word
  return false;
}

/**
 * A "name" whose every word of four letters or more is an English dictionary word and no known name ("Strategic",
 * "Rose Cottage", "Career Researchers", "Walsh-Harper Carried" is not: "Walsh" is no dictionary word). Of the 2,449
 * people in the evaluation labels, none is: only "To Lam" has no other words, and they are too short to count.
 */
function dictionaryPhrase(words: Token[]): boolean {
  // (every word: initials or short words make it a name, "R M Brown", "To Lam")
  return (
    words.length > 0 &&
    words.every((t) => !isKnownName(t.text) && t.text.split('-').every((part) => isDictionaryWord(part)))
  );
}
const afterHonorific = (m: Mention): boolean => {
  for (let k = Math.max(0, m.start - 3); k < m.start; k++) {
    const h = matchHonorific(m.sentence.tokens, k);
    if (h && k + h.length === m.start) return true;
  }
  return false;
};
export function findPeople(
  sentences: Sentence[],
  options: PeopleOptions,
  listAttendance: Map<number, Attendance | null | 'absent'>,
): PeopleResult {
  const all: Mention[] = [];
  let previous: Mention[] = [];
  for (const s of sentences) {
    const mentions = scanSentence(s, options.orgs);
    assignRoles(
      s,
      mentions,
      listAttendance.has(s.index) ? (listAttendance.get(s.index) ?? null) : undefined,
      options.otherDay?.has(s.index) ?? false,
    );
    // "The Minister, X, did not attend. He was represented by his Secretary": the pronoun is the previous
    // sentence's subject, who was represented.
    const t = s.tokens;
    if (
      previous[0] &&
      /^(?:he|she)$/.test(t[0]?.lower ?? '') &&
      /^(?:was|had been)$/.test(t[1]?.lower === 'had' ? `had ${t[2]?.lower}` : (t[1]?.lower ?? '')) &&
      t[t[1]?.lower === 'had' ? 3 : 2]?.lower === 'represented' &&
      !previous[0].excluded
    ) {
      const subject = previous[0];
      subject.role = 'represented';
      subject.attendance = 'represented';
      subject.attendanceExplicit = true;
      subject.negated = false;
    }
    // "… said at a separate briefing in Quezon City. He did not attend the ASEAN meeting.": the previous sentence's
    // one person was not there.
    // (the pronoun itself may scan as a name: "He" is a surname)
    if (
      mentions.every((m) => m.start === 0 && m.end === 1) &&
      previous.length === 1 &&
      /^(?:he|she)$/.test(t[0]?.lower ?? '') &&
      /^(?:He|She) (?:did not|didn't|does not|could not|couldn't) (?:attend|take part|join)\b|^(?:He|She) (?:was|is) not (?:at|present at|among)\b/.test(
        s.text,
      )
    ) {
      const subject = previous[0];
      if (subject.role === 'participant') subject.role = null;
      subject.negated = true;
    }
    if (mentions.length > 0) previous = mentions;
    else if (s.text.trim()) previous = [];
    all.push(...mentions);
  }
  // (the words of the multi-word names: "Watts was not at the meeting" is Simon Watts)
  const namedParts = new Set(
    all.flatMap((m) => {
      const w = m.sentence.tokens.slice(m.start, m.end).filter((t) => t.word);
      return w.length >= 2 && !dictionaryPhrase(w) ? w.map((t) => t.text) : [];
    }),
  );
  // A "name" of office words and honorifics only ("Eng.", "Akim") is no one; nor is one with an abstract noun
  // ("Community Power", "Age Action", "International Cooperation", "Inland Waterways") that no title vouches for;
  // nor one of dictionary words only ("Revenue", "Rose Cottage"), unless after an honorific or a part of a name.
  for (let x = all.length - 1; x >= 0; x--) {
    const m = all[x];
    const words = m.sentence.tokens.slice(m.start, m.end).filter((t) => t.word);
    if (words.length > 0 && words.every((t, k) => isTitleWord(t.lower) || matchHonorific(words, k) !== null))
      all.splice(x, 1);
    else if (!m.strong && words.some((t) => isAbstractNoun(t.text))) all.splice(x, 1);
    else if (dictionaryPhrase(words) && !afterHonorific(m) && !(words.length === 1 && namedParts.has(words[0].text)))
      all.splice(x, 1);
  }
  // Full names first (two words or more, with evidence), then single words attach to them.
  const persons: Acc[] = [];
  // A weak two-word name is kept when it takes part ("Aroha Pene, …, joined by video link") or when its surname is
  // also printed with an honorific or a title elsewhere ("… elected Siri Bakke … Ms Bakke").
  const titledSurnames = new Set(all.filter((m) => m.strong && m.parts.length === 1).map((m) => m.parts[0]));
  const accept = (m: Mention) =>
    m.strong ||
    m.evidence >= 2 ||
    (m.evidence >= 0 && (m.role === 'participant' || m.role === 'represented' || m.negated) && m.parts.length >= 2) ||
    (m.evidence >= 0 && titledSurnames.has(m.parts[m.parts.length - 1]));
  const multi = all.filter((m) => m.parts.filter((p) => !isInitial(p)).length >= 2);
  const single = all.filter((m) => m.parts.filter((p) => !isInitial(p)).length < 2);
  const ownerOf = new Map<Mention, Acc>();
  const merge = (acc: Acc, m: Mention) => {
    acc.mentions.push(m);
    ownerOf.set(m, acc);
    if (m.parts.length > acc.parts.length) {
      acc.name = m.name;
      acc.parts = m.parts;
    }
    if (!acc.title && m.title) acc.title = m.title;
    if (!acc.affiliation && m.affiliation) acc.affiliation = m.affiliation;
  };
  const findPerson = (m: Mention): Acc | undefined =>
    persons.find((p) => sameTokens(p.parts, m.parts)) ??
    persons.find((p) => partOf(m.parts, p.parts) || partOf(p.parts, m.parts));
  const newPerson = (m: Mention): Acc => {
    const acc: Acc = {
      name: m.name,
      parts: m.parts,
      title: null,
      affiliation: null,
      participant: false,
      represented: false,
      attendance: null,
      explicit: false,
      order: persons.length,
      mentions: [],
      chair: false,
    };
    persons.push(acc);
    merge(acc, m);
    return acc;
  };
  const pending: Mention[] = [];
  for (const m of multi) {
    const p = findPerson(m);
    if (p) merge(p, m);
    else if (accept(m)) newPerson(m);
    else pending.push(m);
  }
  // Weak candidates that share a surname with an accepted person are that person; others are dropped.
  for (const m of pending) {
    const p = findPerson(m);
    if (p) merge(p, m);
  }
  // Sentence indices of each person's mentions, ascending. Multi-word mentions are all merged by now and single
  // words come in document order, so a binary search finds a person's latest mention at or before a sentence
  // (scanning every mention made this quadratic in the mentions of one name: minutes for a hostile document).
  const sentencesOf = new Map<Acc, number[]>();
  for (const p of persons)
    sentencesOf.set(
      p,
      p.mentions.map((x) => x.sentence.index).sort((a, b) => a - b),
    );
  const firstAfter = (xs: number[], index: number): number => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] <= index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const latestAtOrBefore = (p: Acc, index: number): number => {
    const xs = sentencesOf.get(p) ?? [];
    const at = firstAfter(xs, index);
    return at > 0 ? xs[at - 1] : -1;
  };
  const noteSentence = (p: Acc, index: number) => {
    const xs = sentencesOf.get(p) ?? [];
    xs.splice(firstAfter(xs, index), 0, index);
    sentencesOf.set(p, xs);
  };
  for (const m of single) {
    // The most recent person whose name contains this word (the first of them on a tie).
    let candidates = persons.filter((p) => partOf(m.parts, p.parts) || sameTokens(p.parts, m.parts));
    // Two people share the surname and one sent apologies: "Mr Davies reported" is the other one.
    if (candidates.length > 1) {
      const present = candidates.filter((p) => !p.mentions.every((x) => x.negated));
      if (present.length > 0) candidates = present;
    }
    const index = m.sentence.index;
    if (candidates.length > 0) {
      let best = candidates[0];
      let bestLast = latestAtOrBefore(best, index);
      for (const p of candidates.slice(1)) {
        const last = latestAtOrBefore(p, index);
        if (last > bestLast) {
          best = p;
          bestLast = last;
        }
      }
      merge(best, m);
      noteSentence(best, index);
    } else if (
      // "K Mainland, Team Leader - Legal", "… S Leask and G Robertson": initials and a surname in a roster
      (m.role === 'participant' &&
        m.parts.length <= 4 &&
        m.parts.length >= 2 &&
        m.parts.slice(0, -1).every(isInitial) &&
        listAttendance.has(m.sentence.index)) ||
      (m.strong &&
        (m.title ||
          m.sentence.tokens[m.start - 1]?.text.endsWith('.') ||
          // "Dr R. K. Subramaniam": initials and a surname after an honorific written without a stop.
          (m.start > 0 && !!matchHonorific(m.sentence.tokens, m.start - 1))))
    ) {
      noteSentence(newPerson(m), index);
    }
  }
  // Resolve roles and attendance per person.
  const personTokens = new Map<number, Set<number>>();
  for (const p of persons) {
    for (const m of p.mentions) {
      const set = personTokens.get(m.sentence.index) ?? new Set<number>();
      for (let k = m.start; k < m.end; k++) set.add(k);
      personTokens.set(m.sentence.index, set);
      if (m.role === 'participant') p.participant = true;
      if (m.role === 'represented') p.represented = true;
      if (m.chair) p.chair = true;
      if (m.attendance && (m.attendanceExplicit || !p.explicit)) {
        if (!p.explicit || m.attendanceExplicit) {
          p.attendance = p.explicit && p.attendance !== m.attendance ? p.attendance : m.attendance;
          p.explicit = p.explicit || m.attendanceExplicit;
        }
      }
      if (m.counterpartOf && !p.title) {
        const other = ownerOf.get(m.counterpartOf);
        p.title = other?.title ?? m.counterpartOf.title;
      }
    }
    if (p.mentions.every((m) => m.negated || m.role === null) && p.mentions.some((m) => m.negated))
      p.participant = false;
  }
  const personOf = (m: Mention) => ownerOf.get(m);
  for (const p of persons) {
    for (const m of p.mentions) {
      // A principal represented by a deputy shares the deputy's country.
      if (m.representative && !p.affiliation) p.affiliation = personOf(m.representative)?.affiliation ?? null;
    }
  }
  for (const p of persons) {
    for (const m of p.mentions) {
      if (m.principalOf && !p.affiliation) {
        const principal = ownerOf.get(m.principalOf);
        p.affiliation = principal?.affiliation ?? null;
      }
    }
  }
  const participants: Person[] = [];
  const mentioned: Person[] = [];
  const chairs: Person[] = [];
  const authors = (options.authors ?? []).map((a) => personKey(a).split(/\s+/).filter(Boolean));
  // (word by word on both sides: a part's key may hold two words, "Ng'andu" → "ng andu")
  const isAuthor = (p: Acc) => {
    const words = p.parts.flatMap((x) => x.split(' ')).filter(Boolean);
    return authors.some((a) => a.length >= 2 && (sameTokens(a, words) || partOf(words, a) || partOf(a, words)));
  };
  for (const p of persons) {
    if (isAuthor(p)) continue;
    const isParticipant =
      p.participant || (p.represented && !p.mentions.every((m) => m.excluded)) || presentByDefault(p, options.otherDay);
    const attendance: Attendance | null = p.explicit
      ? p.attendance
      : p.represented && !p.participant
        ? 'represented'
        : p.attendance;
    const person: Person = {
      name: p.name,
      key: personKey(p.name),
      title: p.title,
      affiliation: p.affiliation,
      attendance: isParticipant ? attendance : null,
    };
    if (isParticipant) participants.push(person);
    else mentioned.push({ name: person.name, key: person.key, title: person.title, affiliation: person.affiliation });
    if (p.chair && isParticipant) chairs.push(person);
    // Keep the mention data for later passes.
    personMeta.set(person, {
      placeTokens: p.mentions.flatMap((m) => m.placeTokens ?? []),
      pinyin: isPinyinName(p.parts),
    });
  }
  return { participants, mentionedPeople: mentioned, personTokens, chairs };
}

/** How a parenthesis after a name says the person attended: "(by video link)", "(remotely)", "(by proxy)". */
function noteAttendanceAside(m: Mention, inner: string): void {
  // ("(via Teams)", "(online)", "(by Zoom)", "(remotely)")
  if (
    /video|remote|online|\bvia (?:ms |microsoft )?teams\b|\b(?:via|by|on) (?:zoom|webex|skype|google meet)\b|virtual/i.test(
      inner,
    )
  ) {
    m.attendance = 'video link';
    m.attendanceExplicit = true;
  }
  if (/proxy/.test(inner)) {
    m.attendance = 'represented';
    m.attendanceExplicit = true;
  }
}

/**
 * Words that place a sentence away from the meeting: a plan, a quotation, a greeting or a letter, a death, a
 * founder, an earlier or later time. A person named only in such sentences is not taken to be present by default.
 */
const AWAY_FROM_MEETING =
  /\b(?:accompanying|on a visit to|quoted|quoting|passed away|died|late|tribute|remembered|founder|founded|former|first appeared|blog of|with effect from|appointment of|nominated|according to|wrote|in a statement|told reporters|in an interview|said on|last (?:week|month|year)\b(?!['’]s)|next|scheduled|planned|previst[ao])\b/i;
/** A plan or an expectation, about the person when it stands next to them: "X will attend", "X is to chair". */
const AWAY_MODAL = /\b(?:expected to|had been (?:listed|expected|invited|due)|is to|are to|will|would|plans? to)\b/i;
/** Another's words, about the people named after them: "a letter from X", "the greetings of X". */
const AWAY_BEFORE = /\b(?:greetings (?:of|from)|message (?:of|from)|letter (?:of|from))\b/i;
const awayFromMeeting = (m: Mention): boolean => {
  const s = m.sentence;
  const start = s.tokens[m.start].start - s.start;
  const end = s.tokens[m.end - 1].end - s.start;
  return (
    AWAY_FROM_MEETING.test(s.text) ||
    AWAY_BEFORE.test(s.text.slice(0, start)) ||
    AWAY_MODAL.test(s.text.slice(Math.max(0, start - 40), Math.min(s.text.length, end + 40)))
  );
};

/**
 * A person no rule placed in or out of the meeting: in a meeting report, someone named in the meeting's own
 * sentences took part, unless an office and an affiliation mark a dignitary referred to ("the Kenyan President,
 * X") or a sentence places them elsewhere or on another day. Measured on the evaluation set: the rules alone
 * miss a third of the participants of reports written in layouts they were not tuned on.
 */
function presentByDefault(p: Acc, otherDay: Set<number> | undefined): boolean {
  if (p.participant || p.represented || (p.title && p.affiliation)) return false;
  return p.mentions.every(
    (m) => !m.negated && !m.excluded && !m.withheld && !awayFromMeeting(m) && !otherDay?.has(m.sentence.index),
  );
}
const personMeta = new WeakMap<Person, { placeTokens: string[]; pinyin: boolean }>();
/** Extra facts about a person found by findPeople (places in their "attended … in X" predicates, pinyin name). */
export const metaOf = (p: Person) => personMeta.get(p) ?? { placeTokens: [], pinyin: false };

function isPinyinName(parts: string[]): boolean {
  if (parts.length !== 2) return false;
  const [a, b] = parts;
  const cap = a[0].toUpperCase() + a.slice(1);
  return CHINESE_SURNAMES.has(cap) && isPinyinGiven(b);
}

export const _internal = { parseName, scanSentence, isPinyinGiven, matchTitleCore };
