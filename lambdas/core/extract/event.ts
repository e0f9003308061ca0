// The event: its name as printed ("21st Meeting of the Council of Heads of State of the Shanghai Cooperation
// Organization", "annual ministerial session of the Council of the Baltic Sea States") and its location (city and
// country; virtual when held entirely online). A participant's own location ("in Beijing via video link", "from
// Pretoria") is not the meeting's, nor is the next meeting's city or the dateline of a virtual meeting.
import { CONTINENTS, capitalsOf, matchCountry, matchCountryName, matchRegion, matchWorldPlace } from './countries';
import { isCalendarWord } from './dates';
import { isDictionaryWord } from './dictionary';
import { type Sentence, span, type Token, titleCaseWords, tokenize } from './text';
import { isCommonWord, isKnownName, isTitleWord } from './titles';

const EVENT_HEADS = new Set(
  'meeting summit conference session forum dialogue talks congress ministerial assembly convention symposium roundtable consultations'.split(
    ' ',
  ),
);
const LOWER_MODIFIERS = new Set(
  'annual ordinary extraordinary informal formal special emergency ministerial ministerial-level high-level leaders plenary inaugural regular biannual bilateral trilateral virtual joint general first second third fourth fifth sixth seventh eighth ninth tenth'.split(
    ' ',
  ),
);
const ORDINAL =
  /^(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)$/i;

type NameCandidate = { name: string; sentence: number; proper: boolean; extended: boolean };

function eventNameAt(s: Sentence, k: number): NameCandidate | null {
  const tokens = s.tokens;
  const head = tokens[k];
  const proper = head.cap;
  // Left: capitalized words, possessives ("Ministers'"), ordinals, lowercase modifiers.
  let b = k;
  while (b > 0) {
    const t = tokens[b - 1];
    if (t.text === "'" || t.text === '’') {
      b--;
      continue;
    }
    if (
      t.word &&
      (t.cap || ORDINAL.test(t.text)) &&
      !/^(?:The|A|An|At|In|On|For|Of|By|During|After|Before)$/.test(t.text)
    ) {
      if (!proper && !ORDINAL.test(t.text)) break;
      b--;
      continue;
    }
    if (t.word && LOWER_MODIFIERS.has(t.lower)) {
      b--;
      continue;
    }
    break;
  }
  // Right: "of the Council of Heads of State of the Shanghai Cooperation Organization", stopping before "(SCO)".
  let e = k + 1;
  let extended = false;
  while (tokens[e]?.text === 'of' || (tokens[e]?.text === 'on' && proper)) {
    let f = e + 1;
    if (tokens[f]?.text === 'the') f++;
    if (!tokens[f]?.cap) break;
    while (
      f < tokens.length &&
      (tokens[f].cap ||
        ((tokens[f].text === 'of' || tokens[f].text === 'and' || tokens[f].text === 'the') && tokens[f + 1]?.cap) ||
        (tokens[f].text === 'the' && tokens[f - 1]?.text === 'of'))
    )
      f++;
    // Stop at a person's title ("…Meeting with H.E. Mr. Wang Yi") or a place ("in Beijing").
    e = f;
    extended = true;
  }
  if (b === k && !extended && !proper) return null;
  if (!proper && b === k && !extended) return null;
  // A lone "the meeting" is not a name.
  const words = tokens.slice(b, e).filter((t) => t.word);
  if (words.length < 2) return null;
  const name = span(s, tokens, b, e).replace(/\s+/g, ' ');
  return { name, sentence: s.index, proper, extended };
}

/** The event's name: the best proper name of a meeting in the event sentence, its neighbours, or the title. */
export function findEventName(
  sentences: Sentence[],
  eventSentence: number | null,
  title: string | null,
): string | null {
  const candidates: (NameCandidate & { score: number })[] = [];
  for (const s of sentences) {
    const tokens = s.tokens;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (!t.word || !EVENT_HEADS.has(t.lower)) continue;
      // "ministerial" is a head only as a noun at the end of a phrase.
      if (t.lower === 'ministerial' && tokens[k + 1]?.word && !tokens[k + 1].cap) continue;
      const c = eventNameAt(s, k);
      if (!c) continue;
      const text = s.text;
      if (/\b(?:next|will|upcoming|planned|previous|follow-up)\b/i.test(text) && s.index !== eventSentence) continue;
      let score = 0;
      if (c.proper) score += 3;
      if (c.extended) score += 2;
      if (eventSentence !== null) score -= Math.abs(s.index - eventSentence) * 0.5;
      else score -= s.index * 0.3;
      if (/^(?:the )?(?:meeting|summit|session|talks)$/i.test(c.name)) continue;
      candidates.push({ ...c, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  let best: string | null = candidates[0]?.name ?? null;
  if (!best && title) {
    const m =
      /([\p{Lu}\d][\p{L}\d'’-]*(?:\s+[\p{Lu}\d][\p{L}\d'’-]*)*\s+(?:Meeting|Summit|Conference|Session|Forum|Dialogue|Talks))\b/u.exec(
        title,
      );
    best = m?.[1] ?? null;
  }
  if (!best) return null;
  // A longer printed form elsewhere ("Fourth Leaders' Summit of the Coastal Resilience Coalition").
  const longer = new RegExp(
    `${best.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:of|and|the|\\p{Lu}[\\p{L}'’-]*))*`,
    'u',
  );
  for (const text of [title ?? '', ...sentences.map((s) => s.text)]) {
    const m = longer.exec(text);
    if (m) {
      best = m[0].replace(/\s+(?:of|and|the)$/, '');
      break;
    }
  }
  return best.replace(/^(?:the|a|an)\s+/i, '');
}

// ---------------------------------------------------------------------------------------------------------
// Location

export type Location = { place: string | null; country: string | null; virtual: boolean };

const VIRTUAL_EVENT =
  /\b(?:met|meet|held|convened|took place|conducted|was held|gathered|hosted)\b[^.;]{0,40}?\b(?:virtually|online|entirely by video|(?:by|via|through|over) (?:a )?(?:video ?link|video[ -]?conferenc(?:e|ing)|teleconferenc(?:e|ing)))\b|\b(?:virtual|online) (?:summit|meeting|session|conference)\b|\b(?:video|phone|telephone) (?:call|conversation)\b|\ball by video link\b|\b(?:exclusively|entirely|wholly|fully) (?:in (?:a )?(?:digital|virtual|electronic) (?:format|form)|online|virtually)\b/i;
/** A meeting that had no room at all, wherever the document says so: "a fully electronic meeting … without physical attendance". */
const ONLY_ONLINE =
  /\b(?:exclusively|entirely|wholly|fully|purely) (?:in (?:a )?(?:digital|virtual|electronic) (?:format|form)|(?:electronic|virtual|digital|online) (?:meeting|general meeting|session))\b|\bwithout physical attendance\b/i;
const PLACE_VERB =
  /\b(?:held|took place|takes place|met|meet|meets|convened|gathered|hosted|hosts|received|welcomed|visiting|visit to|meeting|summit|session|talks|conference|congress|assembly|forum|ended|opened|concluded|signed)\b/i;
const NOT_HERE =
  /\b(?:because of|did not (?:come|attend|travel)|could not (?:come|attend|travel)|next|will|upcoming|planned|previous|last(?! (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|night|weekend)\b)|founded|since|follow-up|to be hosted|to host|pencilled|remains?|due to|first two|earlier|past|to be confirmed|tbc|to be announced|tba)\b/i;

type PlaceHit = {
  place: string | null;
  country: string | null;
  score: number;
  sentence: number;
  /** the world gazetteer's country for a town read from its context */
  world?: string;
};

function placeAt(
  tokens: Token[],
  k: number,
): { place: string | null; country: string | null; length: number; world?: boolean } | null {
  const p = matchWorldPlace(tokens, k);
  if (p) {
    // "Zurich, Switzerland"
    let length = p.length;
    if (tokens[k + length]?.text === ',') {
      const c = matchCountryName(tokens, k + length + 1);
      if (c) length += 1 + c.length;
    }
    return { place: p.place, country: p.country, length, world: p.world };
  }
  const c = matchCountryName(tokens, k);
  if (c) return { place: null, country: c.country, length: c.length };
  // "Hamburg-Bahrenfeld", "Berlin-Mitte": a city's district is in that city (not a route: "Paris-Berlin").
  const dash = tokens[k]?.text.indexOf('-') ?? -1;
  if (dash > 0 && /^\p{Lu}/u.test(tokens[k].text.slice(dash + 1))) {
    const city = matchWorldPlace(tokenize(tokens[k].text.slice(0, dash)), 0);
    if (city?.length === 1 && !matchWorldPlace(tokenize(tokens[k].text.slice(dash + 1)), 0))
      return { place: city.place, country: city.country, length: 1, world: city.world };
  }
  return null;
}

const TITLE_LIKE =
  /^(?:President|Minister|Secretary|Director|Chair|Chairman|Mayor|Governor|Ambassador|Foreign|Deputy|Vice|Prime|Council|Committee|Ministry|Government|Office|Department)$/;
const PLACE_PARTICLES = new Set([
  'do',
  'da',
  'de',
  'del',
  'dos',
  'das',
  'di',
  'la',
  'le',
  'sur',
  'am',
  'an',
  'upon',
  'on',
]);
const VENUE_LINE = /^\s*(?:\d{1,2}[.)]\s+)?(?:Venue|Location|Place|Where)\s*:/i;
/** A venue field that names only a video call: "Location: Zoom video conference". */
const ONLINE_VENUE =
  /^\s*(?:Venue|Location|Place|Where)\s*:\s*(?:(?:via|by|on)\s+)?(?:zoom|microsoft teams|ms teams|teams|webex|google meet|skype|online|video ?conference|videoconference|virtual)\b/i;
const STREET =
  /^(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Terrace|Highway|NW|NE|SW|SE|Av|Avda|Avenida|Rua|Calle|Jalan|Jl|Viale|Corso|Rue)\.?$/;
const SITE_AFTER =
  /^(?:campus|Campus|street|Street|road|Road|avenue|Avenue|building|Building|Terminal|Terminals|Wharf|Quay|Dock|Docks|Berth|Station)$/;
const VENUES =
  /^(?:Theatre|Theater|Hall|Hotel|Centre|Center|Building|Palace|House|Stadium|Auditorium|Chambers?|Castle|Arena|Pavilion|Library|Museum|Town|Office|Headquarters|Secretariat|Complex|Courthouse|Marae)$/;

/** Words that open a sentence without naming anything ("Yes, Rwanda went cashless …"). */
const INTERJECTION = /^(?:Yes|No|Well|So|Now|Still|Indeed|Sure|Okay|OK|Oh|Also|Again|Then|Here|There|Today|Yesterday)$/;
/** A capitalized place name the gazetteer does not know, at tokens[k]: "Foz do Iguaçu", "Ann Arbor". */
function unknownNameAt(tokens: Token[], k: number): number {
  let e = k;
  while (e < tokens.length && e - k < 5) {
    const t = tokens[e];
    if (t.word && t.cap && !/^(?:The|A|An)$/.test(t.text)) e++;
    else if (PLACE_PARTICLES.has(t.text) && tokens[e + 1]?.cap && e > k) e++;
    else break;
  }
  return e - k;
}

/**
 * A place the gazetteer does not know, from its context: "in Foz do Iguaçu, Brazil", "Ann Arbor, Michigan",
 * "in the city of Salta", "Hokitika's Regent Theatre", "Invercargill City Council".
 */
function contextPlaceAt(
  tokens: Token[],
  k: number,
): {
  place: string;
  country: string | null;
  length: number;
  kind: 'comma' | 'city-of' | 'venue' | 'council' | 'in';
} | null {
  const t = tokens[k];
  if (!t?.word || !t.cap || matchCountryName(tokens, k)) return null;
  // "Av. 18 de Julio 2153": a street's name, not a town's
  if (STREET.test(t.text) && t.text !== 'St') return null;
  const n = unknownNameAt(tokens, k);
  // an acronym ("KFAA") is a body, not a place; nor is a continent or an office ("Executive Engineer")
  if (n === 1 && /^\p{Lu}{2,}$/u.test(tokens[k].text)) return null;
  if (n === 0 || n > 3) return null;
  const name = tokens
    .slice(k, k + n)
    .map((x) => x.text)
    .join(' ');
  // "Invercargill City Council", "CHEDWORTH PARISH COUNCIL": a town's council (not a county's: "Gloucestershire
  // County Council"; nor a word's: "Rural Community Council").
  if (
    n === 3 &&
    /^(?:city|district|town|county|municipal|borough|shire|parish|village|community)$/.test(tokens[k + 1].lower) &&
    tokens[k + 2].lower === 'council' &&
    !matchRegion(tokens, k) &&
    !isDictionaryWord(tokens[k].text) &&
    !isCommonWord(tokens[k].text)
  )
    return { place: titleCaseWords(tokens[k].text), country: null, length: n, kind: 'council' };
  if (tokens.slice(k, k + n).some((t) => CONTINENTS.has(t.text) || isCalendarWord(t.text) || isTitleWord(t.lower)))
    return null;
  // "the city of Salta": only worth joining the words before when the last one is "of".
  const cityOf =
    tokens[k - 1]?.lower === 'of'
      ? tokens
          .slice(Math.max(0, k - 5), k)
          .map((x) => x.lower)
          .join(' ')
      : '';
  // (not a body's: "Radek Procházka of the City of Brno")
  if (cityOf && /\b(?:city|town|village|port city|capital) of$/.test(cityOf) && !/\bof the city of$/.test(cityOf))
    return { place: name, country: matchRegion(tokens, k)?.country ?? null, length: n, kind: 'city-of' };
  if (matchRegion(tokens, k)) return null;
  for (let x = k; x < k + n; x++) if (matchCountry(tokens, x) || TITLE_LIKE.test(tokens[x].text)) return null;
  const after = tokens[k + n];
  const prev = tokens[k - 1];
  // (not a word of the sentence: "Yes, Rwanda went cashless …"; "Garden Village, Ontario" is a name)
  if (
    after?.text === ',' &&
    (!prev || /^(?:in|at|,)$/.test(prev.lower)) &&
    !(n === 1 && (isCommonWord(t.text) || isDictionaryWord(t.text) || INTERJECTION.test(t.text)))
  ) {
    const c = matchCountryName(tokens, k + n + 1);
    const r = c ? null : matchRegion(tokens, k + n + 1);
    if (c || r) return { place: name, country: c?.country ?? r!.country, length: n, kind: 'comma' };
  }
  // "hosted a meeting of Nordic transport ministers in Rovaniemi today": a name after "in" that closes the
  // meeting clause (not a body, an office or a common word: "in Parliament", "in Plenary").
  if (
    prev?.lower === 'in' &&
    n <= 2 &&
    !(after?.word && after.cap) &&
    !/^['’]s$/i.test(after?.text ?? '') &&
    tokens.slice(k, k + n).every((x) => !isCommonWord(x.text) && !isTitleWord(x.lower) && !isKnownName(x.text))
  )
    return { place: name, country: null, length: n, kind: 'in' };
  // "met at the Akuapem Hills Hotel, Aburi, in the Eastern Region": a venue, then its town.
  if (
    n <= 2 &&
    prev?.text === ',' &&
    VENUES.test(tokens[k - 2]?.text ?? '') &&
    tokens.slice(k, k + n).every((x) => !isDictionaryWord(x.text) && !isCommonWord(x.text) && !isTitleWord(x.lower)) &&
    // (a district before its known city: "the Carlton Hotel, Anosy, Antananarivo")
    !(after?.text === ',' && placeAt(tokens, k + n + 1)?.place)
  )
    return { place: name, country: null, length: n, kind: 'venue' };
  // "the Comines-Warneton town hall": a town's hall.
  if (n <= 2 && /^(?:town|city)$/.test(after?.lower ?? '') && /^(?:hall|council)$/.test(tokens[k + n + 1]?.lower ?? ''))
    return { place: name, country: null, length: n, kind: 'venue' };
  // "Wiener Straße 41, 8605 Kapfenberg": a postcode, then the town (not a street number and its street: "1629 K
  // Street NW").
  if (
    n <= 3 &&
    /^\d{4,6}$/.test(prev?.text ?? '') &&
    tokens[k - 2]?.text === ',' &&
    !tokens.slice(k, k + n + 1).some((x) => STREET.test(x.text))
  )
    return { place: name, country: null, length: n, kind: 'venue' };
  // (not a saint's: "St Serf's Church Hall")
  if (
    /^['’]s$/i.test(after?.text ?? '') &&
    n <= 2 &&
    ![tokens[k].text, prev?.text ?? ''].some((w) => /^(?:St\.?|Saint|Ste\.?)$/.test(w))
  ) {
    let v = k + n + 1;
    while (v < tokens.length && v - k < n + 4 && tokens[v].cap && !VENUES.test(tokens[v].text)) v++;
    if (VENUES.test(tokens[v]?.text ?? '')) return { place: name, country: null, length: n, kind: 'venue' };
  }
  return null;
}

export type LocationInput = {
  sentences: Sentence[];
  eventSentence: number | null;
  title: string | null;
  /** places named in participants' "attended … in X" predicates */
  participantPlaces: string[];
  /** the chair's or host's country */
  hostCountry: string | null;
  /** a dateline place at the head of the body ("ADDIS ABABA, Oct 4") */
  dateline: string | null;
  /** the first country named in the event sentence ("officials from Argentina, Bolivia and Chile met") */
  eventCountry?: string | null;
  /** sentences dated to another day than the meeting's: a place there is another event's */
  otherDay?: Set<number>;
  /** token indexes of people's names, by sentence: "Augusto Lopes Lima" is no mention of Lima */
  personTokens?: Map<number, Set<number>>;
  /** the first words of people's names: "Sofia also announced" under "Sofia Anjos Ferreira" is no mention of Sofia */
  givenNames?: Set<string>;
  /** the countries the text names: "Victoria" in a text about Australia is the state, not Seychelles' capital */
  countries?: string[];
};

/** The meeting's location. */
export function findLocation(input: LocationInput): Location {
  const { sentences, eventSentence } = input;
  const hits: PlaceHit[] = [];
  const unknown: PlaceHit[] = [];
  const countryCount = new Map<string, number>();
  const mentions = new Map<string, { country: string; count: number; world?: boolean }>();
  let virtual = false;
  // "held in Geneva": the meeting itself has a place, so it is not virtual even if some joined by video.
  let heldAt = false;
  const eventIdx = eventSentence ?? sentences[0]?.index ?? 0;
  for (const s of sentences) {
    const text = s.text;
    const tokens = s.tokens;
    const inPerson = input.personTokens?.get(s.index);
    const near = Math.abs(s.index - eventIdx);
    // "held today, i.e. Thursday, May 7, through video conferencing": an abbreviation's stops end no clause.
    if (near <= 2 && VIRTUAL_EVENT.test(text.replace(/\b(?:i\.e|e\.g|viz)\./g, 'ie'))) virtual = true;
    if (s.index < 10 && (ONLINE_VENUE.test(text) || ONLY_ONLINE.test(text))) virtual = true;
    // A place the gazetteer does not know, from its context: its length in tokens, 0 if none.
    const unknownAt = (k: number, world?: string): number => {
      const u = contextPlaceAt(tokens, k);
      if (!u) return 0;
      const prev = tokens[k - 1]?.lower ?? '';
      const before = span(s, tokens, 0, k);
      let score =
        u.kind === 'comma' ? (/^(?:in|at)$/.test(prev) || prev === ',' ? 4 : 2) : u.kind === 'council' ? 2.5 : 4;
      if (PLACE_VERB.test(before) && u.kind !== 'council') score += 2;
      // A bare "in X" counts only in the meeting's own clause, next to its verb.
      if (u.kind === 'in' && (near > 1 || !PLACE_VERB.test(before) || /[,;:]/.test(before.slice(-40)))) score = -1;
      if (u.kind === 'venue') score += 1;
      if (s.index < 4 && u.kind === 'comma') score += 2;
      if (NOT_HERE.test(span(s, tokens, Math.max(0, k - 6), k))) score -= 8;
      // ("Fourth partners' meeting, Tórshavn, Faroe Islands (to be confirmed)": a meeting still to come)
      if (
        /\b(?:to be confirmed|tbc|to be announced|tba)\b/i.test(
          span(s, tokens, k, Math.min(tokens.length, k + u.length + 8)),
        )
      )
        score -= 8;
      if (input.otherDay?.has(s.index)) score -= 6;
      score -= Math.min(near, 10) * 0.1;
      unknown.push({ place: u.place, country: u.country, score, sentence: s.index, world });
      return u.length;
    };
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (!t.word || !t.cap) continue;
      if (inPerson?.has(k)) continue;
      if (input.givenNames?.has(t.text) && !/^(?:in|at)$/.test(tokens[k - 1]?.lower ?? '')) continue;
      let p = placeAt(tokens, k);
      // A city that is also a region of a country the text names, and whose own country it does not name, is the
      // region ("Ballarat, Victoria" in a text about Australia).
      if (p?.place && input.countries) {
        const region = matchRegion(tokens, k);
        if (
          region &&
          region.length === p.length &&
          region.country !== p.country &&
          input.countries.includes(region.country) &&
          !input.countries.includes(p.country ?? '')
        )
          p = null;
      }
      const prev = tokens[k - 1]?.lower ?? '';
      const prev2 = tokens[k - 2]?.lower ?? '';
      if (!p) {
        // "New Mexico", "British Columbia": a region is evidence of its country, and no mention of "Mexico".
        const region = matchRegion(tokens, k);
        if (region && region.length > 1) {
          countryCount.set(region.country, (countryCount.get(region.country) ?? 0) + 1);
          k += region.length - 1;
          continue;
        }
        k += Math.max(0, unknownAt(k) - 1);
        continue;
      }
      // A city only the world gazetteer knows is a place where the meeting is placed (below); anywhere else it is
      // read as the gazetteer did not know it (a place from its context, or nothing).
      const pass = (): number =>
        p.world ? k + Math.max(0, unknownAt(k, p.country ?? undefined) - 1) : k + p.length - 1;
      // "Lake Victoria", "Mount Hagen": a lake or a mountain, not the city so named (nor a mention of it).
      if (/^(?:Lake|Mount|Mt\.?)$/.test(tokens[k - 1]?.text ?? '')) {
        k = pass();
        continue;
      }
      // A person's whereabouts: "Mayor X, who was in Wellington for …".
      const lead = tokens
        .slice(Math.max(0, k - 4), k)
        .map((x) => x.lower)
        .join(' ');
      if (
        // (and in Spanish: "La autoridad regional se encontraba en Lima")
        /\b(?:who|he|she|they) (?:was|were|is|are|stayed) in$|\b(?:stayed|stuck|remained|stranded|based) (?:in|at)$|\b(?:se encontraba|se encuentra|estaba|estaban|permaneci[oó]) en$/.test(
          lead,
        )
      ) {
        k = pass();
        continue;
      }
      if (!p.place && p.country) countryCount.set(p.country, (countryCount.get(p.country) ?? 0) + 1);
      // "The next meeting will be hosted by Norway in Tromsø": not a mention of where this one was.
      if (p.place && !NOT_HERE.test(span(s, tokens, Math.max(0, k - 12), k))) {
        const entry = mentions.get(p.place) ?? { country: p.country!, count: 0, world: p.world };
        entry.count++;
        mentions.set(p.place, entry);
      }
      // "on the Santiago campus", "Broadway Street": a site named after a place is not that place.
      if (SITE_AFTER.test(tokens[k + p.length]?.text ?? '')) {
        k = pass();
        continue;
      }
      // "at Hyderabad House in New Delhi": a venue named after a city, and the city it stands in after it.
      {
        let v = k + p.length;
        while (v < tokens.length && v - k - p.length < 3 && tokens[v].cap && !VENUES.test(tokens[v].text)) v++;
        if (
          VENUES.test(tokens[v]?.text ?? '') &&
          /^(?:in|,)$/.test(tokens[v + 1]?.text ?? '') &&
          tokens[v + 2]?.cap &&
          placeAt(tokens, v + 2)?.place
        ) {
          k = pass();
          continue;
        }
      }
      // A list of places ("warning strikes at the terminals in Hamburg, Bremen, Emden and …") places nothing.
      const after = tokens[k + p.length];
      if (
        (after?.text === ',' && placeAt(tokens, k + p.length + 1)) ||
        (prev === ',' && tokens[k - 2]?.cap && placeAt(tokens, k - 2))
      ) {
        k = pass();
        continue;
      }
      // Where a participant was, not the meeting: "from Pretoria", "in Beijing via video link".
      const rest = span(s, tokens, k, Math.min(tokens.length, k + p.length + 5));
      // The clause opens after the last ";", ":" or "while" before the place (a backward scan, not a copy).
      let clauseStart = 0;
      for (let j = k - 1; j > 0; j--) {
        const x = tokens[j];
        // (not the colon of a time, "at 15:00")
        const time =
          x.text === ':' && /^\d+$/.test(tokens[j - 1]?.text ?? '') && /^\d+$/.test(tokens[j + 1]?.text ?? '');
        if (x.text === ';' || (x.text === ':' && !time) || x.lower === 'while') {
          clauseStart = j;
          break;
        }
      }
      const clause = span(s, tokens, clauseStart, Math.min(tokens.length, k + p.length + 8));
      if (
        prev === 'from' ||
        prev === 'desde' ||
        /^\S+\s+(?:via|by) video/i.test(rest) ||
        /\bvia video link\b/i.test(rest) ||
        // ("joining by video link from a conference in Santiago": where the remote one was)
        /\b(?:by|via|over) video(?: ?link| ?conference| call)?\b[^.;]{0,50}\bfrom\b/i.test(
          span(s, tokens, clauseStart, k),
        )
      ) {
        k = pass();
        continue;
      }
      if (/\bconnected from\b/i.test(clause)) {
        k = pass();
        continue;
      }
      // "at the Pancasila Building, Jakarta": a venue, then its city.
      // So is "met … in the Sala de Consejo of the Chinquihue campus, Puerto Montt": a city after the venue the
      // meeting's own sentence names.
      const venueComma =
        // (or a postcode: "Menara Sinar, No. 18 Jalan Tun Razak, 50400 Kuala Lumpur")
        (prev === ',' || /^\d{4,6}$/.test(prev)) &&
        (VENUES.test(tokens[k - 2]?.text ?? '') ||
          // "in St Serf's Church Hall, Clark Road, Edinburgh": a street, then its city
          (near <= 1 && STREET.test(tokens[k - 2]?.text ?? '') && tokens[k - 3]?.cap === true) ||
          // "at its headquarters in Konak, İzmir": a district, then its city
          (near === 0 && tokens[k - 2]?.cap === true && /^(?:in|at)$/.test(tokens[k - 3]?.lower ?? '')) ||
          (near === 0 &&
            // (an abbreviation's stop ends no clause: "on the 3rd inst. at the DRAP Head Office, Islamabad")
            /\b(?:met|held|took place|convened|gathered)\b(?:[^;.]|\b(?:inst|ult|prox|No|Nos)\.)*\b(?:in|at) the\b/i.test(
              span(s, tokens, 0, k),
            )));
      // "Venue: Hotel KEA, Akureyri": the meeting's own venue line.
      // (a venue field in the document's head counts wherever the meeting's date was read)
      const venueLine = (near <= 3 || s.index < 10) && VENUE_LINE.test(text);
      // "filled the Nyeri Municipal Social Hall": a venue named after its town, in the meeting's sentence.
      let named = k + p.length;
      while (named < tokens.length && named - k - p.length < 3 && tokens[named].cap && !VENUES.test(tokens[named].text))
        named++;
      const namedVenue = near <= 1 && named > k + p.length - 1 && VENUES.test(tokens[named]?.text ?? '');
      // "visited Leipzig", "travelled to Copenhagen": a visit's destination.
      // ("welcomed the President of Mexico, Ana Lucía Garza Villarreal, to Ottawa": a host's guest to the city)
      const visit =
        prev === 'visited' ||
        (prev === 'to' &&
          (/^(?:travelled|traveled|came|went|flew)$/.test(prev2) ||
            /\b(?:welcomed|welcomes|welcoming)\b/i.test(span(s, tokens, clauseStart, k))));
      if (
        !/^(?:in|at|visiting)$/.test(prev) &&
        !(prev === 'the' && prev2 === 'in') &&
        !venueComma &&
        !venueLine &&
        !visit &&
        !namedVenue
      ) {
        k = pass();
        continue;
      }
      let score = 1;
      const before = span(s, tokens, clauseStart, k);
      if (PLACE_VERB.test(before)) score += 4;
      if (/\b(?:held|took place|convened)\b/i.test(before)) {
        score += 3;
      }
      if (prev === 'visiting' || visit) score += 4;
      // (an address names its town last: "Board Room, Riverside Hospital, Kangaroo Point, Brisbane")
      if (venueLine) score += 6 + 0.01 * k;
      if (namedVenue) score += 4;
      if (NOT_HERE.test(clause)) score -= 8;
      if (input.otherDay?.has(s.index)) score -= 6;
      if (near === 0) score += 3;
      else score -= near * 0.2;
      if (
        /\b(?:held|took place|takes place|convened)\b[^,.;]{0,30}$/i.test(before) &&
        !NOT_HERE.test(clause) &&
        near <= 2
      )
        heldAt = true;
      // A city only the world gazetteer knows counts in the meeting's own clause or venue line, not in passing.
      if (p.world && score < 5) {
        k = pass();
        continue;
      }
      hits.push({ place: p.place, country: p.country, score, sentence: s.index });
      k += p.length - 1;
    }
    // "Venue : Conference Room (2nd floor), Deputy Commissioner's Office, Sunamganj": a venue field's last part is
    // its town, known or not.
    if (s.index < 20 && VENUE_LINE.test(text) && !ONLINE_VENUE.test(text)) {
      // (its tail of region and country first: "…, Shakawe, North-West District, Botswana"; a house number or
      // postcode beside the town: "Municipal Office, Oščadnica 450")
      // (and its online half: "…, Washington, DC, and livestream")
      let field = text
        .replace(
          /,?\s*(?:and|&|\+|or)\s+(?:via\s+)?(?:livestream|live stream|online|zoom|teams|webinar|virtual(?:ly)?|video ?link)\b.*$/i,
          '',
        )
        // (and a closing aside: "…, Montevideo (hybrid session; remote link via Zoom)")
        .replace(/\s*\([^()]*\)\s*$/, '')
        .replace(/\s*\.?\s*$/, '');
      let fieldCountry: string | null = null;
      for (;;) {
        const tail = /,\s*([^,]+)$/.exec(field);
        if (!tail) break;
        const tt = tokenize(tail[1]);
        const c = matchCountryName(tt, 0);
        const r = c ? null : matchRegion(tt, 0);
        const whole = (n: number) => n === tt.length;
        if (c && whole(c.length)) fieldCountry = c.country;
        else if (r && whole(r.length)) fieldCountry ??= r.country;
        else if (
          !/^(?:[\p{Lu}][\p{L}\p{M}'’-]*\s+)+(?:District|Province|Region|County|State|Oblast|Prefecture|Governorate)$/u.test(
            tail[1],
          )
        )
          break;
        field = field.slice(0, tail.index);
      }
      // (and a British or Irish postcode after the town: "Belfast BT1 3AL", "Dublin D24 YNN5")
      field = field
        .replace(/\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$|\s+[A-Z]\d{2}\s?[A-Z\d]{4}$/, '')
        .replace(/\s+\d{1,5}[A-Za-z]?$/, '')
        .replace(/,\s*\d{4,6}\s+(?=[^,]+$)/, ', ');
      if (fieldCountry) hits.push({ place: null, country: fieldCountry, score: 7, sentence: s.index });
      const last = /,\s*(\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,2})\s*\.?\s*$/u.exec(field);
      const words = last ? tokenize(last[1]) : [];
      if (
        last &&
        !words.some(
          (t) =>
            CONTINENTS.has(t.text) ||
            isTitleWord(t.lower) ||
            /^\p{Lu}{2,}$/u.test(t.text) ||
            VENUES.test(t.text) ||
            /^(?:Room|Floor|Office|Campus|Headquarters|Conference)$/.test(t.text),
        ) &&
        !placeAt(words, 0)
      )
        unknown.push({ place: last[1], country: fieldCountry, score: 7, sentence: s.index });
    }
    // "in the Ethiopian capital"
    const cap = /\bin the ([A-Z][a-z]+(?: [A-Z][a-z]+)?) capital\b/.exec(text);
    if (cap) {
      const capTokens = tokens.filter((t) => t.start >= s.start + (cap.index ?? 0));
      const c = capTokens.length > 2 ? matchCountry(capTokens, 2) : null;
      if (c) {
        const capital = capitalsOf(c.country)[0] ?? null;
        hits.push({ place: capital, country: c.country, score: 6, sentence: s.index });
      }
    }
  }
  // The headline's "… in Ha Long", "… at Pokhara": where the story is, as strong as a venue line.
  if (input.title) {
    const tt = tokenize(input.title);
    for (let k = 1; k < tt.length; k++) {
      if (!/^(?:in|at)$/.test(tt[k - 1].lower) || !tt[k].cap) continue;
      const p = placeAt(tt, k);
      if (p?.place && !NOT_HERE.test(input.title))
        hits.push({ place: p.place, country: p.country, score: 6, sentence: -1 });
    }
  }
  if (virtual && !heldAt) {
    // "The deemed venue of the Meeting was the Registered Office of the Company in Mumbai": an online meeting's
    // legal seat (Indian company meetings by video conference) is its host city.
    for (const s of sentences) {
      // (or "the meeting is deemed to have been held at the Company's headquarters at …, São Paulo")
      const at = s.tokens.findIndex(
        (t, k) =>
          t.lower === 'deemed' &&
          (s.tokens[k + 1]?.lower === 'venue' ||
            (s.tokens[k + 1]?.lower === 'to' && s.tokens[k + 4]?.lower === 'held')),
      );
      if (at < 0) continue;
      for (let k = at + 2; k < Math.min(s.tokens.length, at + 25) && !/^[.;]$/.test(s.tokens[k].text); k++) {
        const p = s.tokens[k].cap && /^(?:in|at|,)$/.test(s.tokens[k - 1].lower) ? placeAt(s.tokens, k) : null;
        if (p?.place) return { place: p.place, country: p.country, virtual: true };
      }
    }
    return { place: null, country: null, virtual: true };
  }
  // The one country the text names at all, by adjective or region ("Victoria" in "Ballarat, Victoria").
  const onlyCountry = input.countries?.length === 1 ? input.countries[0] : null;
  // The country of the cities the text names, when one leads ("a fund in Frankfurt", "Berlin's act" around
  // "Aßling –"): where a town no list knows lies, when the text never names its country.
  const citiesCountry = (): string | null => {
    const count = new Map<string, number>();
    for (const m of mentions.values()) count.set(m.country, (count.get(m.country) ?? 0) + m.count);
    const ranked = [...count.entries()].sort((a, b) => b[1] - a[1]);
    return ranked.length > 0 && (ranked.length === 1 || ranked[0][1] > ranked[1][1]) ? ranked[0][0] : null;
  };
  hits.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
  unknown.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
  const bestKnown = hits.find((h) => h.score > 0 && h.place) ?? null;
  // A place the gazetteer does not know, when its context is stronger than any known place's.
  const u = unknown[0];
  // (a dateline outweighs a weak one: "KARAGANDA. QNA –" over "a plant in the city of Balkhash")
  if (u && u.score > 0 && (!bestKnown || u.score > bestKnown.score) && !(input.dateline && u.score < 5)) {
    const frequentCountry = [...countryCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    // (a town no list knows is in the country of the known cities the text names, if any)
    // (a city named in passing, "a chamber in London", says nothing of it)
    const nearestKnown = hits.find((h) => h.place && h.score >= 3)?.country ?? null;
    // (a town the world gazetteer knows is in its country when the text names that country: "Graz" beside
    // "Austrian", not the "Maribor (Slovenia)" named more often)
    const country =
      u.country ??
      (u.world && input.countries?.includes(u.world) ? u.world : null) ??
      nearestKnown ??
      input.hostCountry ??
      input.eventCountry ??
      frequentCountry ??
      citiesCountry() ??
      onlyCountry;
    return { place: u.place, country, virtual: false };
  }
  // The dateline, when no sentence places the meeting firmly elsewhere.
  if (input.dateline && (!bestKnown || bestKnown.score < 5)) {
    const d = placeAt(tokenize(input.dateline), 0);
    if (d?.place) return { place: d.place, country: d.country, virtual: false };
    // A dateline town no list knows ("Kyebi (E/R), Nov 10, GNA –"), in the country the text is about.
    if (!d && (!bestKnown || bestKnown.score < 5)) {
      const frequentCountry = [...countryCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
      // (a town named after its region is in that region's country: "Oaxaca de Juárez")
      const region = matchRegion(tokenize(input.dateline), 0)?.country ?? null;
      return {
        place: input.dateline,
        country: region ?? input.hostCountry ?? frequentCountry ?? citiesCountry() ?? onlyCountry,
        virtual: false,
      };
    }
  }
  const best = bestKnown;
  const countryOnly = hits.find((h) => h.score > 0 && !h.place) ?? null;
  // The most mentioned city. (A city only the world gazetteer knows is no frequent mention: it places the meeting by
  // its context alone; unless the text keeps naming it: "Arequipa" six times in a story from Arequipa, "Lima" twice
  // in passing.)
  const known = [...mentions.entries()].filter(([, m]) => !m.world).sort((a, b) => b[1].count - a[1].count)[0];
  const world = [...mentions.entries()].filter(([, m]) => m.world).sort((a, b) => b[1].count - a[1].count)[0];
  const frequent = world && world[1].count >= 3 && world[1].count >= 2 * (known?.[1].count ?? 0) ? world : known;
  // A participant "attended the meeting in Tajikistan" (not "spoke about jobs in the plants in San Antonio", a town
  // named once in a story that names Valparaíso five times).
  const participantCountry = input.participantPlaces
    .map((p) => placeAt(tokenize(p), 0))
    .find(
      (x) =>
        x &&
        !(
          frequent &&
          frequent[1].count >= 3 &&
          x.place &&
          (mentions.get(x.place)?.count ?? 0) * 3 <= frequent[1].count
        ),
    );
  if (!best || (best.score < 4 && participantCountry)) {
    const country = participantCountry?.country ?? countryOnly?.country ?? input.hostCountry ?? null;
    // The place: where the participant was, else the country's capital if the text names it ("Dushanbe
    // Declaration"), else the dateline when it lies in that country.
    let place: string | null = participantCountry?.place ?? null;
    if (!place && country) place = capitalsOf(country).find((c) => mentions.has(c)) ?? null;
    if (!place && country && input.dateline && mentions.get(input.dateline)?.country === country)
      place = input.dateline;
    if (place || country) return { place, country, virtual: false };
    if (best) return { place: best.place, country: best.country, virtual: false };
  }
  // The most mentioned city, the dateline, or the host's country.
  // A place named only in passing ("a bulker calling at Odesa"), far from the meeting's sentence, yields to a
  // city the text keeps naming.
  if (best && best.score < 2 && frequent && frequent[1].count >= 2 && frequent[0] !== best.place)
    return { place: frequent[0], country: frequent[1].country, virtual: false };
  if (best) return { place: best.place, country: best.country ?? null, virtual: false };
  if (frequent && frequent[1].count >= 2) return { place: frequent[0], country: frequent[1].country, virtual: false };
  if (input.dateline) {
    const entry = mentions.get(input.dateline);
    const d = placeAt(tokenize(input.dateline), 0);
    return { place: input.dateline, country: entry?.country ?? d?.country ?? input.hostCountry, virtual: false };
  }
  if (frequent) return { place: frequent[0], country: frequent[1].country, virtual: false };
  if (input.hostCountry) return { place: null, country: input.hostCountry, virtual: false };
  return { place: null, country: null, virtual: false };
}
