import { foldKey } from '../../lambdas/core/keys';
import type { ArchiveRecord } from '../../lambdas/core/record';
import { makeRecord } from '../../test/support/records';
import { FIRST_NAMES } from './corpus';
import { type Rng, rng } from './stats';

export const PROBE = {
  participant: 'Zephyrine Quastelbaum',
  organization: { name: 'Orbis Probe Council', acronym: 'OPC' },
  from: '1985-03-01',
  to: '1985-03-31',
  /** Probe documents come first: ids 0..29 of every archive. */
  count: 30,
};

const SYLLABLES = [
  'ka',
  'ro',
  'vi',
  'na',
  'sel',
  'mar',
  'to',
  'ber',
  'li',
  'an',
  'dor',
  'ue',
  'sha',
  'mi',
  'ko',
  'len',
];
const ENDINGS = ['ov', 'ić', 'sen', 'ini', 'ez', 'ski', 'ashvili', 'oglu', 'ani', 'berg', 'ard', 'o', 'a', 'yan'];
const ORGS: { name: string; acronym: string | null }[] = [
  { name: 'Shanghai Cooperation Organisation', acronym: 'SCO' },
  { name: 'African Union', acronym: 'AU' },
  { name: 'United Nations', acronym: 'UN' },
  { name: 'European Union', acronym: 'EU' },
  { name: 'Association of Southeast Asian Nations', acronym: 'ASEAN' },
  { name: 'World Health Organization', acronym: 'WHO' },
  { name: 'International Monetary Fund', acronym: 'IMF' },
  { name: 'World Bank', acronym: null },
  { name: 'Organization of American States', acronym: 'OAS' },
  { name: 'Pacific Islands Forum', acronym: null },
  { name: 'Black Sea Economic Cooperation', acronym: 'BSEC' },
  { name: 'International Energy Agency', acronym: 'IEA' },
];
const COUNTRIES = [
  'China',
  'Russia',
  'Kazakhstan',
  'Tajikistan',
  'India',
  'Japan',
  'South Korea',
  'Germany',
  'France',
  'Ireland',
  'Denmark',
  'Latvia',
  'Lithuania',
  'Poland',
  'Ethiopia',
  'Kenya',
  'Nigeria',
  'South Africa',
  'Egypt',
  'Sudan',
  'Brazil',
  'Argentina',
  'Mexico',
  'Canada',
  'Fiji',
  'Barbados',
  'Portugal',
  'Spain',
  'Italy',
  'Turkey',
  'Georgia',
  'Romania',
  'Ukraine',
  'Vietnam',
  'Indonesia',
  'Switzerland',
  'Norway',
  'New Zealand',
  'Iran',
];
const TITLES = [
  'President',
  'Prime Minister',
  'Foreign Minister',
  'Minister of Finance',
  'Secretary-General',
  'Ambassador',
];

/** A pool of 3,000 surnames; picks are skewed (index ~ u³), so the first few are in many documents. */
const SURNAMES = (() => {
  const r = rng(7);
  const names = new Set<string>(['Okafor', 'Chen', 'García', 'Ivanova', 'Nielsen']);
  while (names.size < 3000) {
    const n = Array.from({ length: r.int(1, 3) }, () => r.pick(SYLLABLES)).join('') + r.pick(ENDINGS);
    names.add(n[0].toUpperCase() + n.slice(1));
  }
  return [...names];
})();
export const COMMON_SURNAME = SURNAMES[0];

const skewed = <T>(r: Rng, items: T[]): T => items[Math.floor(r.next() ** 3 * items.length)];
const day = (from: string, offsetDays: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
const BASE_DAYS = 13_149; // 1990-01-01 .. 2025-12-31

const person = (r: Rng, name?: string) => ({
  name: name ?? `${r.pick(FIRST_NAMES)} ${skewed(r, SURNAMES)}`,
  title: r.pick(TITLES),
  affiliation: r.pick(COUNTRIES),
  attendance: r.chance(0.8) ? ('in person' as const) : ('video link' as const),
});

/** Record number `i` of every archive (the same record whatever the archive's size). */
export function archiveRecord(i: number): ArchiveRecord {
  const r = rng(1_000_003 * (i + 1));
  let eventDate = day('1990-01-01', r.int(0, BASE_DAYS - 1));
  const participants = Array.from({ length: r.int(2, 4) }, () => person(r));
  let organizations = r.sample(ORGS, r.int(1, 2));
  if (i < 20) {
    // The probe participant's documents: 10 in March 1985, 10 in 1986.
    participants.splice(1, 0, person(r, PROBE.participant));
    organizations = [PROBE.organization, ...organizations.slice(0, 1)];
    eventDate = i < 10 ? day(PROBE.from, i * 3) : day('1986-01-01', i * 17);
  } else if (i < 30) {
    eventDate = day(PROBE.from, 1 + (i - 20) * 3); // the other 10 documents of March 1985
  }
  const key = `archive/${String(i).padStart(7, '0')}.txt`;
  const uploadedAt = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  const record = makeRecord({
    key,
    body: `report ${i}`,
    uploadedAt,
    sequencer: (0x100000 + i).toString(16).toUpperCase(),
    eventDate,
    publishedDate: eventDate,
    participants,
    organizations,
    countries: r.sample(COUNTRIES, r.int(1, 3)),
    title: `Meeting ${i} on ${r.pick(['energy security', 'trade', 'climate resilience', 'public health', 'migration'])}`,
  });
  // What the extractor also fills, so that stored records weigh what real ones weigh.
  record.eventName = `${r.int(2, 40)}th Meeting of the Council of Ministers`;
  record.location = { place: 'Dushanbe', country: r.pick(COUNTRIES), virtual: false };
  record.mentionedPeople = Array.from({ length: r.int(0, 3) }, () => {
    const p = person(r);
    return { name: p.name, key: foldKey(p.name), title: p.title, affiliation: p.affiliation, attendance: null };
  });
  record.quantities = [{ text: `${r.int(2, 90)} billion U.S. dollars`, value: r.int(2, 90) * 1e9, unit: 'USD' }];
  record.text = { paragraphs: r.int(5, 40), words: r.int(300, 3000), sha256: record.text.sha256 };
  return record;
}
