// `npm run eval`: extraction quality on the hand-labeled evaluation set (test/eval/articles), for this project's
// extractor (normalizeDocument then extractMetadata, what processDocument runs) and for an off-the-shelf baseline
// (compromise + chrono-node) on the same normalized texts, one table per part of the split (tuned, held-aside,
// second, third, fourth, fifth, sixth, seventh, eighth, ninth, tenth, eleventh, twelfth, thirteenth, fourteenth, fifteenth, sixteenth, seventeenth, eighteenth, nineteenth, twentieth, twenty-first, twenty-second, twenty-third, unseen), then the median extraction time per document. Prints only; nothing is written.
//   npm run eval                         every part
//   npm run eval -- --part tuned         one part (tuned | held-aside | second | third | fourth | fifth | sixth | seventh | eighth | ninth | tenth | eleventh | twelfth | thirteenth | fourteenth | fifteenth | sixteenth | seventeenth | eighteenth | nineteenth | twentieth | twenty-first | twenty-second | twenty-third | unseen)
//   npm run eval -- --part tuned --verbose [--only a01]   per-article differences from the labels (--only: an id prefix, "f" for the f set)
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { extractMetadata } from '../../lambdas/core/extract';
import { baseline } from './baseline';
import { evalArticles, type LabeledFile, normalized, PARTS, type Part, sourceBytes } from './corpus';
import { add, type Counts, type DocScore, type Predicted, prf, scoreDocument, zero } from './score';

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    verbose: { type: 'boolean', default: false },
    only: { type: 'string' },
    reps: { type: 'string', default: '5' },
  },
});
if (values.part !== 'all' && !PARTS.includes(values.part as Part)) {
  console.error(`--part must be ${PARTS.join(', ')} or all (got ${values.part})`);
  process.exit(2);
}
const parts: Part[] = values.part === 'all' ? [...PARTS] : [values.part as Part];
const PART_TITLES: Record<Part, string> = {
  tuned: 'Tuned part',
  'held-aside': 'Held-aside part',
  second: 'Second part',
  third: 'Third part',
  fourth: 'Fourth part',
  fifth: 'Fifth part',
  sixth: 'Sixth part',
  seventh: 'Seventh part',
  eighth: 'Eighth part',
  ninth: 'Ninth part',
  tenth: 'Tenth part',
  eleventh: 'Eleventh part',
  twelfth: 'Twelfth part',
  thirteenth: 'Thirteenth part',
  fourteenth: 'Fourteenth part',
  fifteenth: 'Fifteenth part',
  sixteenth: 'Sixteenth part',
  seventeenth: 'Seventeenth part',
  eighteenth: 'Eighteenth part',
  nineteenth: 'Nineteenth part',
  twentieth: 'Twentieth part',
  'twenty-first': 'Twenty-first part',
  'twenty-second': 'Twenty-second part',
  'twenty-third': 'Twenty-third part',
  unseen: 'Unseen part',
};
const reps = Math.max(1, Number(values.reps) || 5);

type Row = { file: LabeledFile; ours: DocScore; base: DocScore };
type Totals = {
  docs: number;
  participants: Counts;
  people: Counts;
  organizations: Counts;
  countries: Counts;
  eventDate: number;
  location: number;
  junk: { title: number; byline: number; unlabeled: number };
};

const totals = (scores: DocScore[]): Totals => {
  const t: Totals = {
    docs: scores.length,
    participants: zero(),
    people: zero(),
    organizations: zero(),
    countries: zero(),
    eventDate: 0,
    location: 0,
    junk: { title: 0, byline: 0, unlabeled: 0 },
  };
  for (const s of scores) {
    t.participants = add(t.participants, s.participants);
    t.people = add(t.people, s.people);
    t.organizations = add(t.organizations, s.organizations);
    t.countries = add(t.countries, s.countries);
    if (s.eventDate) t.eventDate++;
    if (s.location) t.location++;
    for (const j of s.junk) t.junk[j.kind]++;
  }
  return t;
};

const f2 = (n: number) => n.toFixed(2);
const pct = (n: number, d: number) => `${d === 0 ? '-' : `${Math.round((100 * n) / d)}%`} (${n}/${d})`;

function table(title: string, ours: Totals, base: Totals): string {
  const lines = [`${title}: ${ours.docs} articles`];
  lines.push(`${''.padEnd(22)}${'ours'.padEnd(30)}baseline (compromise + chrono-node)`);
  lines.push(`${''.padEnd(22)}${'P     R     F1'.padEnd(30)}P     R     F1`);
  const prfRow = (name: string, a: Counts, b: Counts) => {
    const x = prf(a);
    const y = prf(b);
    lines.push(
      `${name.padEnd(22)}${`${f2(x.p)}  ${f2(x.r)}  ${f2(x.f1)}`.padEnd(30)}${f2(y.p)}  ${f2(y.r)}  ${f2(y.f1)}`,
    );
  };
  prfRow('participants', ours.participants, base.participants);
  prfRow('all people', ours.people, base.people);
  prfRow('organizations', ours.organizations, base.organizations);
  prfRow('countries', ours.countries, base.countries);
  lines.push(
    `${'eventDate accuracy'.padEnd(22)}${pct(ours.eventDate, ours.docs).padEnd(30)}${pct(base.eventDate, base.docs)}`,
  );
  lines.push(
    `${'location accuracy'.padEnd(22)}${pct(ours.location, ours.docs).padEnd(30)}${pct(base.location, base.docs)}`,
  );
  // Every predicted person who matches no labeled person: bare titles, bylines, and any other unlabeled name.
  const junk = (t: Totals) =>
    `${t.junk.title + t.junk.byline + t.junk.unlabeled} (${t.junk.title} titles, ${t.junk.byline} bylines, ${t.junk.unlabeled} other)`;
  lines.push(`${'non-people as people'.padEnd(22)}${junk(ours).padEnd(36)} ${junk(base)}`);
  return lines.join('\n');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  let files = evalArticles(parts);
  if (values.only) files = files.filter((f) => f.id.startsWith(values.only!));
  const inputs = await Promise.all(files.map(async (f) => ({ file: f, doc: await normalized(f) })));
  const rows: Row[] = [];
  for (const { file, doc } of inputs) {
    const source = Buffer.from(sourceBytes(file)).toString('utf8');
    const ours = scoreDocument(extractMetadata(doc) as Predicted, file.label, source);
    const base = scoreDocument(baseline(doc.text, doc.publishedDate), file.label, source);
    rows.push({ file, ours, base });
    if (values.verbose) {
      console.log(`${file.id}`);
      for (const d of ours.diff) console.log(d);
    }
  }
  for (const part of parts) {
    const mine = rows.filter((r) => r.file.part === part);
    if (mine.length === 0) continue;
    console.log(`\n${table(PART_TITLES[part], totals(mine.map((r) => r.ours)), totals(mine.map((r) => r.base)))}`);
  }
  // Timing: every document, warmed up, `reps` rounds; median milliseconds per document.
  const timeEach = (fn: (i: number) => void): number[] => {
    for (let i = 0; i < inputs.length; i++) fn(i);
    const ms: number[] = [];
    for (let r = 0; r < reps; r++)
      for (let i = 0; i < inputs.length; i++) {
        const t0 = performance.now();
        fn(i);
        ms.push(performance.now() - t0);
      }
    return ms;
  };
  const oursMs = median(timeEach((i) => extractMetadata(inputs[i].doc)));
  const baseMs = median(timeEach((i) => baseline(inputs[i].doc.text, inputs[i].doc.publishedDate)));
  const normMs: number[] = [];
  for (const f of files) {
    const t0 = performance.now();
    await normalized(f);
    normMs.push(performance.now() - t0);
  }
  console.log(
    `\nMedian ms per document (${inputs.length} documents, ${reps} rounds): ours ${oursMs.toFixed(2)} ms ` +
      `(extractMetadata; normalizeDocument adds ${median(normMs).toFixed(2)} ms), baseline ${baseMs.toFixed(2)} ms ` +
      `(compromise + chrono-node on the normalized text)`,
  );
}

await main();
