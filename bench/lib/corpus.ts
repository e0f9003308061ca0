// A seeded generator of synthetic meeting reports for the benchmarks: plain text (some hard-wrapped),
// Markdown with front matter and HTML pages with site chrome, 2–20 KB each, with people (titles,
// diacritics, hyphens, particles, surname-first), countries, cities, organizations, dates in several
// styles, quantities, quotes, participant lists, people mentioned but absent, and web boilerplate
// (share lines, author boxes, related posts, comment forms, copyright). The same seed gives the same
// bytes on every machine, so runs compare. The texts are nonsense in detail but shaped like the samples.
import { type Rng, rng } from './stats';

export type SyntheticDoc = {
  key: string;
  bytes: Uint8Array;
  contentType: string;
  format: 'text' | 'markdown' | 'html';
  /** people the generator put at the meeting (as printed, without honorifics) */
  participants: string[];
  organizations: string[];
  countries: string[];
};

/** Given names of the synthetic corpus (hyphenated and East Asian ones among them); the query bench uses them too. */
export const FIRST_NAMES = [
  'Amara',
  'Yonas',
  'Claudia',
  'Marc-Antoine',
  'Kassym-Jomart',
  'Li',
  'Wang',
  'Sofia',
  'Mateus',
  'Aigerim',
  'Olusegun',
  'Fatima',
  'Hiroshi',
  'Min-jun',
  'Ingrid',
  'José',
  'Róisín',
  'Sean',
  'Priya',
  'Rahul',
  'Elena',
  'Dmitri',
  'Nadia',
  'Tomás',
  'Lucía',
  'Ahmed',
  'Layla',
  'Kwame',
  'Akosua',
  'Mette',
  'Lars',
  'Agnieszka',
  'Piotr',
  'Ana',
  'João',
  'Chloé',
  'Émile',
  'Zeynep',
  'Mehmet',
  'Thandiwe',
  'Sipho',
  'Keanu',
  'Leilani',
  'Aroha',
  'Tane',
  'Oksana',
  'Taras',
  'Giulia',
  'Matteo',
  'Hana',
  'Jakub',
  'Eszter',
  'Bence',
  'Laila',
  'Farid',
  'Nguyen',
  'Thi',
  'Arjun',
  'Meera',
  'Pedro',
  'Valentina',
  'Andrés',
  'Camila',
  'Ibrahim',
  'Aisha',
];
const LAST = [
  'Okafor',
  'Tesfaye',
  'Brenner',
  'Dubois',
  'Tokayev',
  'Chen',
  'Yi',
  'Moreira',
  'Nurlanova',
  'Adeyemi',
  'Haddad',
  'Tanaka',
  'Park',
  'Kjærgaard',
  'García',
  'Ó Conaire',
  'Byrne',
  'Raman',
  'Sharma',
  'Petrova',
  'Ivanov',
  'Benali',
  'Fernández',
  'López',
  'al-Mahdi',
  'Mensah',
  'Asante',
  'Nielsen',
  'Johansson',
  'Kowalska',
  'Nowak',
  'Silva',
  'Santos',
  'Lefèvre',
  'Moreau',
  'Yılmaz',
  'Demir',
  'Dlamini',
  'Nkosi',
  'Kahale',
  'Ngata',
  'Parata',
  'Shevchenko',
  'Bondarenko',
  'Rossi',
  'Bianchi',
  'Novák',
  'Svoboda',
  'Kovács',
  'Szabó',
  'Rahimi',
  'Karimi',
  'Tran',
  'Pham',
  'Iyer',
  'Nair',
  'von der Berg',
  'Ionescu-Vlad',
  'Beriashvili',
  'Mwangi',
  'Otieno',
  'Haugland',
  'Lindqvist',
  'Bērziņa',
  'Šimkus',
  'Abdullah',
  'Rahman',
];
const TITLES = [
  'President',
  'Prime Minister',
  'Foreign Minister',
  'Minister of Finance',
  'Minister of Trade',
  'Deputy Prime Minister',
  'Vice President',
  'Secretary-General',
  'Ambassador',
  'Minister of Energy',
  'Minister of Health',
  'Chancellor',
  'Governor',
  'Mayor',
  'Special Envoy',
  'State Secretary',
];
const HONORIFICS = ['', '', '', 'Mr. ', 'Ms. ', 'Dr. ', 'H.E. ', 'Prof. '];
// Country, capital, another city, demonym.
const COUNTRIES: [string, string, string, string][] = [
  ['China', 'Beijing', 'Shanghai', 'Chinese'],
  ['Russia', 'Moscow', 'Kazan', 'Russian'],
  ['Kazakhstan', 'Astana', 'Almaty', 'Kazakh'],
  ['Tajikistan', 'Dushanbe', 'Khujand', 'Tajik'],
  ['India', 'New Delhi', 'Mumbai', 'Indian'],
  ['Japan', 'Tokyo', 'Osaka', 'Japanese'],
  ['South Korea', 'Seoul', 'Busan', 'South Korean'],
  ['Germany', 'Berlin', 'Hamburg', 'German'],
  ['France', 'Paris', 'Lyon', 'French'],
  ['Ireland', 'Dublin', 'Galway', 'Irish'],
  ['Denmark', 'Copenhagen', 'Aarhus', 'Danish'],
  ['Latvia', 'Riga', 'Daugavpils', 'Latvian'],
  ['Lithuania', 'Vilnius', 'Kaunas', 'Lithuanian'],
  ['Poland', 'Warsaw', 'Gdańsk', 'Polish'],
  ['Ethiopia', 'Addis Ababa', 'Bahir Dar', 'Ethiopian'],
  ['Kenya', 'Nairobi', 'Mombasa', 'Kenyan'],
  ['Nigeria', 'Abuja', 'Lagos', 'Nigerian'],
  ['South Africa', 'Pretoria', 'Cape Town', 'South African'],
  ['Egypt', 'Cairo', 'Alexandria', 'Egyptian'],
  ['Sudan', 'Khartoum', 'Port Sudan', 'Sudanese'],
  ['Brazil', 'Brasília', 'Belém', 'Brazilian'],
  ['Argentina', 'Buenos Aires', 'Córdoba', 'Argentine'],
  ['Mexico', 'Mexico City', 'Monterrey', 'Mexican'],
  ['Canada', 'Ottawa', 'Toronto', 'Canadian'],
  ['Fiji', 'Suva', 'Nadi', 'Fijian'],
  ['Barbados', 'Bridgetown', 'Oistins', 'Barbadian'],
  ['Portugal', 'Lisbon', 'Porto', 'Portuguese'],
  ['Spain', 'Madrid', 'Barcelona', 'Spanish'],
  ['Italy', 'Rome', 'Milan', 'Italian'],
  ['Turkey', 'Ankara', 'Istanbul', 'Turkish'],
  ['Georgia', 'Tbilisi', 'Batumi', 'Georgian'],
  ['Romania', 'Bucharest', 'Constanța', 'Romanian'],
  ['Ukraine', 'Kyiv', 'Odesa', 'Ukrainian'],
  ['Vietnam', 'Hanoi', 'Da Nang', 'Vietnamese'],
  ['Indonesia', 'Jakarta', 'Surabaya', 'Indonesian'],
  ['Switzerland', 'Bern', 'Geneva', 'Swiss'],
  ['Norway', 'Oslo', 'Bergen', 'Norwegian'],
  ['New Zealand', 'Wellington', 'Auckland', 'New Zealand'],
  ['Iran', 'Tehran', 'Isfahan', 'Iranian'],
  ['Uzbekistan', 'Tashkent', 'Samarkand', 'Uzbek'],
];
const ORGS: [string, string | null][] = [
  ['Shanghai Cooperation Organisation', 'SCO'],
  ['African Union', 'AU'],
  ['United Nations', 'UN'],
  ['European Union', 'EU'],
  ['Association of Southeast Asian Nations', 'ASEAN'],
  ['World Health Organization', 'WHO'],
  ['International Monetary Fund', 'IMF'],
  ['World Bank', null],
  ['Organization of American States', 'OAS'],
  ['Council of the Baltic Sea States', 'CBSS'],
  ['Pacific Islands Forum', null],
  ['Intergovernmental Authority on Development', 'IGAD'],
  ['Black Sea Economic Cooperation', 'BSEC'],
  ['International Energy Agency', 'IEA'],
  ['Commonwealth of Independent States', 'CIS'],
];
const AGENCIES = ['Meridian Wire', 'Baltic Courier', 'Xinhua-style Daily', 'Coastal Times', 'The Galway Record'];
const TOPICS = [
  'energy security',
  'food security',
  'climate resilience',
  'maritime cooperation',
  'the digital economy',
  'public health preparedness',
  'regional connectivity',
  'counter-terrorism',
  'trade facilitation',
  'water management',
  'migration',
  'disaster risk reduction',
  'critical minerals',
  'cyber security',
];
const ADJ = ['constructive', 'frank', 'productive', 'substantive', 'cordial', 'difficult', 'forward-looking'];
const VERBS = ['step up work on', 'expand cooperation on', 'invest further in', 'review its policy on'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FILLER = [
  'Delegations exchanged views on the regional situation and on the implementation of earlier decisions.',
  'The sides noted the progress made since the previous meeting and identified areas where more work was needed.',
  'Officials said the working groups would meet again before the end of the year to prepare the next steps.',
  'Several delegations called for closer coordination with international partners and with the private sector.',
  'The discussion also touched on financing, technical assistance and the exchange of best practices.',
  'A number of bilateral meetings were held on the margins of the session.',
  'Participants underlined the importance of dialogue, mutual respect and the principles of international law.',
  'The chair thanked the host for the excellent organization of the meeting and for its hospitality.',
];

type Person = { name: string; printed: string; title: string; country: string };

const personOf = (r: Rng, country: string): Person => {
  const first = r.pick(FIRST_NAMES);
  const last = r.pick(LAST);
  const title = r.pick(TITLES);
  // East Asian surname-first with an all-caps surname, as some foreign ministries print them.
  if (r.chance(0.05))
    return { name: `${last} ${first}`, printed: `Mr. ${last.toUpperCase()} ${first}`, title, country };
  const middle = r.chance(0.1) ? ` ${r.pick(FIRST_NAMES)}` : '';
  const name = `${first}${middle} ${last}`;
  return { name, printed: `${r.pick(HONORIFICS)}${name}`, title, country };
};

/** "President Amara Okafor of Kenya", or "H.E. Amara Okafor, President of Kenya". */
const styled = (r: Rng, p: Person): string =>
  p.printed !== p.name || r.chance(0.3)
    ? `${p.printed}, ${p.title} of ${p.country},`
    : `${p.title} ${p.name} of ${p.country}`;

const dateOf = (r: Rng) => new Date(Date.UTC(r.int(2000, 2025), r.int(0, 11), r.int(1, 28)));
const fmtDate = (r: Rng, d: Date): string => {
  const day = d.getUTCDate();
  const month = MONTHS[d.getUTCMonth()];
  const year = d.getUTCFullYear();
  switch (r.int(0, 3)) {
    case 0:
      return `${day} ${month} ${year}`;
    case 1:
      return `${month} ${day}, ${year}`;
    case 2:
      return `${WEEKDAYS[d.getUTCDay()]}, ${day} ${month} ${year}`;
    default:
      return `${month.slice(0, 3)}. ${day}, ${year}`;
  }
};
const iso = (d: Date) => d.toISOString().slice(0, 10);
const ordinal = (n: number) =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/** Hard-wraps a paragraph at `width` columns, as mail clients and old CMS exports do. */
const wrap = (text: string, width: number): string => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Parts = {
  title: string;
  published: Date;
  agency: string;
  byline: string;
  paragraphs: string[];
  list: { header: string; items: string[] } | null;
  footer: string[];
  related: string[];
  countries: string[];
};

const MIN_BYTES = 2 * 1024;
const MAX_BYTES = 20 * 1024;

function compose(r: Rng): Parts & { participants: string[]; organizations: string[] } {
  const host = r.pick(COUNTRIES);
  const guests = r.sample(
    COUNTRIES.filter((c) => c !== host),
    r.int(1, 6),
  );
  const [org, acronym] = r.pick(ORGS);
  const topic = r.pick(TOPICS);
  const date = dateOf(r);
  const published = new Date(date.getTime() + r.int(0, 2) * 86_400_000);
  const agency = r.pick(AGENCIES);
  const virtual = r.chance(0.1);
  const city = r.chance(0.7) ? host[1] : host[2];
  const people = [host, ...guests].map((c) => personOf(r, c[0]));
  const absent = Array.from({ length: r.int(0, 3) }, () => personOf(r, r.pick(COUNTRIES)[0]));
  const n = r.int(2, 40);
  const event = r.pick([
    `${ordinal(n)} Meeting of the Council of Foreign Ministers of the ${org}`,
    `${host[0]}–${guests[0][0]} Strategic Dialogue on ${topic.replace(/^the /, '')}`,
    `Ministerial Conference on ${topic.replace(/^the /, '')}`,
    `${ordinal(n)} ${org} Summit`,
    `High-Level Forum on ${topic.replace(/^the /, '')}`,
  ]);
  const title = r.pick([
    `${host[3]} and ${guests[0][3]} leaders discuss ${topic}`,
    `${event} held in ${virtual ? 'video format' : city}`,
    `Ministers agree to ${r.pick(VERBS)} ${topic}`,
    `${people[0].name.split(' ').at(-1)} hosts talks on ${topic}`,
  ]);
  const p0 = people[0];
  const p1 = people[1] ?? people[0];
  const lead = virtual
    ? `Leaders met virtually on ${fmtDate(r, date)} for the ${event}, chaired by ${styled(r, p0).replace(/,$/, '')}.`
    : r.pick([
        `${styled(r, p0)} and ${styled(r, p1)} met in ${city} on ${fmtDate(r, date)} for the ${event}.`,
        `The ${event} took place in ${city} on ${fmtDate(r, date)}, chaired by ${styled(r, p0).replace(/,$/, '')}.`,
        `${host[0]} hosted the ${event} in ${city} on ${fmtDate(r, date)}, bringing together delegations from ${guests.length + 1} countries.`,
      ]);
  const dateline = r.chance(0.5)
    ? `${city.toUpperCase()}, ${MONTHS[date.getUTCMonth()].slice(0, 3)} ${date.getUTCDate()} (${agency}) – `
    : '';
  const paragraphs = [`${dateline}${lead}`];
  let list: Parts['list'] = null;
  if (r.chance(0.5)) {
    list = {
      header: r.pick(['Taking part in the meeting were:', 'The following took part:', 'Participants:']),
      items: people.map((p) => `${p.printed}, ${p.title} (${p.country})${r.chance(0.2) ? ' via video link' : ''}`),
    };
  } else if (people.length > 2) {
    const rest = people.slice(2).map((p) => styled(r, p).replace(/,$/, ''));
    paragraphs.push(
      `Also present were ${rest.length > 1 ? `${rest.slice(0, -1).join(', ')} and ${rest.at(-1)}` : rest[0]}.`,
    );
  }
  const target = r.int(MIN_BYTES, MAX_BYTES);
  let size = paragraphs[0].length + 600;
  const extra = () => {
    const p = r.pick(people);
    const q = r.pick(people);
    const c = r.pick(COUNTRIES);
    const a = absent.length > 0 ? r.pick(absent) : personOf(r, c[0]);
    return r.pick([
      `"We have agreed to ${r.pick(VERBS)} ${topic} and to report back within a year," said ${p.name}, ${p.title} of ${p.country}. The ${p.country === host[0] ? 'host' : 'guest'} side added that ${r.pick(COUNTRIES)[0]} would ${r.pick(VERBS)} ${r.pick(TOPICS)}.`,
      `The participants discussed ${topic}, ${r.pick(TOPICS)} and ${r.pick(TOPICS)}, and agreed to set up a working group under the ${org}${acronym ? ` (${acronym})` : ''} to report by ${r.pick(MONTHS)} ${date.getUTCFullYear() + 1}.`,
      `According to the joint statement, trade between ${p.country} and ${q.country} reached ${r.int(2, 90)}.${r.int(0, 9)} billion U.S. dollars in ${date.getUTCFullYear() - 1}, up ${r.int(2, 30)} percent from the year before.`,
      `Speaking to reporters after the session, ${p.name} said the talks had been "${r.pick(ADJ)} and ${r.pick(ADJ)}".`,
      `The meeting also reviewed the implementation of the ${r.pick(COUNTRIES)[1]} Declaration adopted in ${r.int(1995, 2020)}.`,
      `Earlier in the week, ${a.title} ${a.name} of ${a.country} had spoken by telephone with ${p.name} about ${r.pick(TOPICS)}; ${a.name.split(' ')[0]} did not attend the meeting.`,
      `The ${c[3]} delegation pledged ${r.int(5, 500)} million euros for ${r.pick(TOPICS)} over the next ${r.int(2, 10)} years.`,
      `${r.pick(FILLER)} ${r.pick(FILLER)}`,
      `${r.pick(FILLER)} ${p.name} stressed that ${r.pick(TOPICS)} remained a priority for ${p.country}. ${r.pick(FILLER)}`,
    ]);
  };
  while (size < target - 700) {
    const p = extra();
    paragraphs.push(p);
    size += p.length + 2;
  }
  const nextDate = new Date(date.getTime() + r.int(60, 400) * 86_400_000);
  paragraphs.push(
    `The next meeting will be held in ${r.pick(COUNTRIES)[1]} in ${MONTHS[nextDate.getUTCMonth()]} ${nextDate.getUTCFullYear()}.`,
  );
  const author = personOf(r, host[0]).name;
  const footer = [
    r.pick(['Share this article: Facebook | Twitter | LinkedIn | Email', 'Share on Facebook Twitter WhatsApp Email']),
    'About the Author',
    `${author} is a correspondent for ${agency} based in ${r.pick(COUNTRIES)[1]}.`,
    'Related Posts',
    `${r.pick(COUNTRIES)[3]} minister visits ${r.pick(COUNTRIES)[1]} for talks on ${r.pick(TOPICS)}`,
    `${r.pick(ORGS)[0]} publishes report on ${r.pick(TOPICS)}`,
    'Leave a Reply',
    'Your email address will not be published. Required fields are marked *',
    `© ${published.getUTCFullYear()} ${agency}. All rights reserved.`,
  ];
  return {
    title,
    published,
    agency,
    byline: `By ${author} · ${fmtDate(r, published)}`,
    paragraphs,
    list,
    footer,
    related: footer.slice(4, 6),
    countries: [host[0], ...guests.map((g) => g[0])],
    participants: people.map((p) => p.name),
    organizations: [org],
  };
}

function renderText(r: Rng, p: Parts): string {
  const hard = r.chance(0.4);
  const para = (s: string) => (hard ? wrap(s, r.pick([68, 72, 76])) : s);
  const title = r.chance(0.2) ? p.title.toUpperCase() : p.title;
  const blocks = [title, r.chance(0.5) ? p.byline : `Published ${fmtDate(r, p.published)}`];
  blocks.push(para(p.paragraphs[0]));
  if (p.list) blocks.push(`${p.list.header}\n${p.list.items.map((i) => `- ${i}`).join('\n')}`);
  for (const x of p.paragraphs.slice(1)) blocks.push(para(x));
  blocks.push(...p.footer);
  return `${blocks.join('\n\n')}\n`;
}

function renderMarkdown(p: Parts): string {
  const lines = [
    '---',
    `title: "${p.title.replace(/"/g, "'")}"`,
    `date: ${iso(p.published)}`,
    `author: ${p.byline.replace(/^By /, '').split(' · ')[0]}`,
    '---',
    '',
    `# ${p.title}`,
    '',
    p.paragraphs[0],
    '',
  ];
  if (p.list) lines.push(p.list.header, '', ...p.list.items.map((i) => `- **${i.replace(/, /, '**, ')}`), '');
  for (const x of p.paragraphs.slice(1)) lines.push(x, '');
  lines.push('---', '', ...p.footer.flatMap((f) => [f, '']));
  return `${lines.join('\n')}`;
}

function renderHtml(r: Rng, p: Parts): string {
  const nav = ['Home', 'World', 'Asia', 'Africa', 'Europe', ...r.sample(COUNTRIES, 3).map((c) => c[0])];
  const body = [
    `<h1>${escapeHtml(p.title)}</h1>`,
    `<p class="byline">${escapeHtml(p.byline)}</p>`,
    `<p>${escapeHtml(p.paragraphs[0])}</p>`,
    p.list
      ? `<p>${escapeHtml(p.list.header)}</p><ul>${p.list.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
      : '',
    ...p.paragraphs.slice(1).map((x) => `<p>${escapeHtml(x)}</p>`),
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(p.title)} | ${escapeHtml(p.agency)}</title>
<meta property="og:title" content="${escapeHtml(p.title)}">
<meta property="article:published_time" content="${p.published.toISOString()}">
<style>body{font-family:sans-serif}.share a{margin:0 4px}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>
</head><body>
<nav class="menu">${nav.map((n) => `<a href="/section/${n.toLowerCase().replace(/ /g, '-')}">${n}</a>`).join(' | ')}</nav>
<div class="share"><a href="#">Facebook</a><a href="#">Twitter</a><a href="#">Email</a></div>
<article>
${body}
</article>
<aside><h2>Related Posts</h2><ul>${p.related.map((x) => `<li><a href="#">${escapeHtml(x)}</a></li>`).join('')}</ul></aside>
<section class="comments"><h2>Leave a Reply</h2><p>Your email address will not be published. Required fields are marked *</p></section>
<footer><p>${escapeHtml(p.footer.at(-1) ?? '')}</p><p>This site uses cookies. Accept all cookies</p></footer>
</body></html>
`;
}

const encoder = new TextEncoder();
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

/** `count` reports from `seed`: ~70% plain text, ~15% Markdown, ~15% HTML; 2–20 KB each. */
export function generateReports(count: number, seed = 20260101, prefix = 'synthetic'): SyntheticDoc[] {
  const r = rng(seed);
  const docs: SyntheticDoc[] = [];
  for (let i = 0; i < count; i++) {
    const parts = compose(r);
    const roll = r.next();
    const format: SyntheticDoc['format'] = roll < 0.7 ? 'text' : roll < 0.85 ? 'markdown' : 'html';
    const render = () =>
      format === 'html' ? renderHtml(r, parts) : format === 'markdown' ? renderMarkdown(parts) : renderText(r, parts);
    let text = render();
    // Keep every report within 2–20 KB whatever the markup added.
    while (encoder.encode(text).length > MAX_BYTES && parts.paragraphs.length > 3) {
      parts.paragraphs.splice(-2, 1);
      text = render();
    }
    while (encoder.encode(text).length < MIN_BYTES) {
      parts.paragraphs.splice(-1, 0, `${r.pick(FILLER)} ${r.pick(FILLER)}`);
      text = render();
    }
    const ext = format === 'html' ? 'html' : format === 'markdown' ? 'md' : 'txt';
    docs.push({
      key: `${prefix}/${String(i).padStart(4, '0')}-${slug(parts.title)}.${ext}`,
      bytes: encoder.encode(text),
      contentType:
        format === 'html'
          ? 'text/html; charset=utf-8'
          : format === 'markdown'
            ? 'text/markdown; charset=utf-8'
            : 'text/plain; charset=utf-8',
      format,
      participants: parts.participants,
      organizations: parts.organizations,
      countries: parts.countries,
    });
  }
  return docs;
}

export const CONTENT_TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
