// The off-the-shelf baseline the eval compares against, on the same normalized texts: compromise's people(),
// organizations() and places() (places mapped to countries with normalizeCountry), and chrono-node's first date
// in the text. It cannot tell participants from people merely mentioned, so all its people count as participants.
// Its location is the first place compromise finds that is not a country (place) and the first country among its
// places (country); never virtual.
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import { normalizeCountry } from '../../lambdas/core/extract';
import type { Predicted } from './score';

const tidy = (s: string) =>
  s
    .replace(/[’']s$/u, '')
    .replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '')
    .trim();

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function baseline(text: string, publishedDate: string | null): Predicted {
  const doc = nlp(text);
  const people = [...new Set((doc.people().out('array') as string[]).map(tidy).filter(Boolean))];
  const organizations = [...new Set((doc.organizations().out('array') as string[]).map(tidy).filter(Boolean))];
  const places = (doc.places().out('array') as string[]).flatMap((p) => p.split(',').map(tidy)).filter(Boolean);
  const inOrder = [...new Set(places.map((p) => normalizeCountry(p)).filter((c): c is string => !!c))];
  const place = places.find((p) => !normalizeCountry(p)) ?? null;
  const reference = publishedDate ? new Date(`${publishedDate}T12:00:00`) : undefined;
  const date = chrono.parseDate(text, reference);
  return {
    eventDate: date ? iso(date) : null,
    location: place || inOrder.length ? { place, country: inOrder[0] ?? null, virtual: false } : null,
    participants: people.map((name) => ({ name })),
    mentionedPeople: [],
    organizations: organizations.map((name) => ({ name })),
    countries: [...inOrder].sort(),
  };
}
