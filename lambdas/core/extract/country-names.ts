// Any country name, alias or news adjective to its English short name ("Kazakh" → "Kazakhstan"), from
// data/countries.json alone. Kept apart from countries.ts, which also builds the phrase indexes of every
// country, capital and city for extraction, so that code needing only this lookup (the query API's country
// filter) does not load or build them at cold start.
import { foldKey } from '../keys';
import countriesData from './data/countries.json' with { type: 'json' };
import { stripDiacritics } from './text';

export const countryKey = (s: string): string =>
  foldKey(
    stripDiacritics(s)
      .replace(/^the\s+/i, '')
      .replace(/\./g, ''),
  );

const byKey = new Map<string, string>();
for (const c of countriesData.countries) {
  for (const n of [c.name, ...c.aliases]) byKey.set(countryKey(n), c.name);
  for (const d of c.demonyms) if (!byKey.has(countryKey(d))) byKey.set(countryKey(d), c.name);
}

/** The English short name of a country named by its name, an alias or an adjective; null if none. */
export function normalizeCountry(name: string): string | null {
  if (typeof name !== 'string') return null;
  const key = countryKey(name.trim());
  if (!key) return null;
  return byKey.get(key) ?? null;
}
