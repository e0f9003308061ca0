// Query latency at 1k, 10k and 100k stored records, through the query API handler (lambdas/query/api.ts, as
// the Lambda and the local stack run it) over the real DocumentStore, with the table on an emulator in its
// own process. Records (bench/lib/archive-items.ts's archiveRecord) are seeded straight into the table with
// BatchWriteItem, as the items the store itself writes for a document's first upload (itemsForFirstUpload in
// lambdas/store/document-store.ts: HEAD, the index items, the organization aliases). Each query's answer is the same at every size (probe documents), so a
// latency that grows with the archive would be the index's fault, not the answer's. For comparison, a
// Scan-based baseline: Scan every HEAD item (FilterExpression sk = HEAD), re-check, sort, take a page.
//
// Emulator: dynalite by default, in a child process (so that it does not share the bench's event loop),
// in memory. Why dynalite: it keeps the items sorted by key in LevelDB, so a Query is a range read as on
// DynamoDB, and it seeds 100k records (~1.5M items) in about 2–3 minutes on 2 cores; DynamoDB Local
// writes about 3x slower here (measured), which would not fit the 15-minute budget. `--dynamo ddblocal`
// runs the same section on DynamoDB Local.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { BatchWriteCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { ArchiveRecord } from '../../lambdas/core/record';
import { createQueryApi } from '../../lambdas/query/api';
import { ArchiveBucket } from '../../lambdas/store/archive-bucket';
import { makeDynamoClient, makeS3Client } from '../../lambdas/store/clients';
import { DocumentStore, itemsForFirstUpload, recordOfHeadItem } from '../../lambdas/store/document-store';
import { matchesFilters, type SearchFilters, sortDate } from '../../lambdas/store/index-terms';
import { ensureTable } from '../../lambdas/store/provision';
import {
  dynamoChild,
  type Emulator,
  freePort,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startDynamoDbLocal,
} from '../../lib/local/emulators';
import { httpGet } from '../../test/support/events';
import { archiveRecord, COMMON_SURNAME, PROBE } from '../lib/archive-items';
import { type Log, runSection } from '../lib/section';
import { median, p95, round, sleep } from '../lib/stats';

const ROOT = resolve(import.meta.dirname, '../..');
const TABLE = 'meeting-archive';

const QUERIES: Record<string, { params: Record<string, string>; filters: SearchFilters; note: string }> = {
  participant: {
    params: { participant: 'quastelbaum' },
    filters: { participant: 'quastelbaum' },
    note: 'participant in 20 documents',
  },
  dateRange: {
    params: { from: PROBE.from, to: PROBE.to },
    filters: { from: PROBE.from, to: PROBE.to },
    note: 'a month holding 20 documents',
  },
  organization: {
    params: { organization: PROBE.organization.name },
    filters: { organization: PROBE.organization.name },
    note: 'organization of 20 documents',
  },
  combined: {
    params: {
      participant: PROBE.participant,
      organization: PROBE.organization.acronym,
      from: PROBE.from,
      to: PROBE.to,
    },
    filters: {
      participant: PROBE.participant,
      organization: PROBE.organization.acronym,
      from: PROBE.from,
      to: PROBE.to,
    },
    note: 'participant + organization (acronym) + month: 10 documents',
  },
  commonParticipantPage: {
    params: { participant: COMMON_SURNAME },
    filters: { participant: COMMON_SURNAME },
    note: `first page (20) of a surname in ~1% of documents: the answer grows with the archive, the page does not`,
  },
};
type Kind = keyof typeof QUERIES;

/** dynalite in its own Node process, in memory. */
async function startDynaliteProcess(): Promise<Emulator> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=8192',
      resolve(ROOT, 'node_modules/dynalite/cli.js'),
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--createTableMs',
      '0',
      '--deleteTableMs',
      '0',
      '--updateTableMs',
      '0',
    ],
    { stdio: 'ignore' },
  );
  return dynamoChild('dynalite', child, port);
}

/** Writes records [0, count) to `table` with BatchWriteItem, 25 items a request, 8 requests in flight. */
async function seed(ddb: DynamoDBDocumentClient, table: string, count: number, log: Log) {
  const started = performance.now();
  let items = 0;
  const CHUNK = 2000;
  const aliases = new Set<string>(); // organization aliases are shared: write each once
  for (let start = 0; start < count; start += CHUNK) {
    const batch: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i++)
      for (const item of itemsForFirstUpload(archiveRecord(i))) {
        const key = `${item.pk}\u0000${item.sk}`;
        if (String(item.pk).startsWith('A#')) {
          if (aliases.has(key)) continue;
          aliases.add(key);
        }
        batch.push(item);
      }
    items += batch.length;
    let next = 0;
    const worker = async () => {
      for (;;) {
        const i = next;
        next += 25;
        if (i >= batch.length) return;
        let pending = batch.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 0) await sleep(Math.min(1000, 20 * 2 ** attempt));
          const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
          pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const done = Math.min(count, start + CHUNK);
    if (done % 20_000 === 0 && done < count) {
      const s = (performance.now() - started) / 1000;
      log(`  ${done.toLocaleString('en-US')} records (${Math.round(items / s)} items/s)`);
    }
  }
  return { records: count, items, seconds: (performance.now() - started) / 1000 };
}

/** The Scan baseline: every HEAD item, re-checked and sorted as the API would answer (first page of 20). */
async function scanSearch(ddb: DynamoDBDocumentClient, table: string, filters: SearchFilters): Promise<number> {
  const hits: ArchiveRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'sk = :h',
        ExpressionAttributeValues: { ':h': 'HEAD' },
        ProjectionExpression: 'z',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of out.Items ?? []) {
      const r = recordOfHeadItem(item);
      if (matchesFilters(r, filters)) hits.push(r);
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  hits.sort((a, b) => (sortDate(a) < sortDate(b) ? 1 : -1));
  return hits.slice(0, 20).length;
}

await runSection('query', async (args, log) => {
  const sizes = args.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const labels = sizes.map((s) => `${s / 1000}k`);
  const largest = labels.at(-1)!;
  const reps = args.quick ? 20 : 40;
  const emulator = args.dynamo === 'ddblocal' ? await startDynamoDbLocal() : await startDynaliteProcess();
  const ddb = makeDynamoClient({
    dynamoEndpoint: emulator.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    // One table per size, all seeded first and then measured round-robin, so that warm-up, machine noise
    // and drift fall on every size alike.
    const seeding: Record<string, unknown>[] = [];
    const apis = new Map<string, { api: ReturnType<typeof createQueryApi>; store: DocumentStore; table: string }>();
    for (const [i, size] of sizes.entries()) {
      const table = `${TABLE}-${labels[i]}`;
      await ensureTable(ddb, table);
      log(`seeding ${size.toLocaleString('en-US')} records into ${table}`);
      const s = await seed(ddb, table, size, log);
      seeding.push({
        size: labels[i],
        records: s.records,
        items: s.items,
        seconds: round(s.seconds),
        itemsPerSecond: Math.round(s.items / s.seconds),
      });
      log(
        `  ${s.items.toLocaleString('en-US')} items in ${s.seconds.toFixed(1)} s (${Math.round(s.items / s.seconds)} items/s)`,
      );
      // Queries never touch S3; the archive bucket client is never called.
      const store = new DocumentStore({
        ddb,
        tableName: table,
        archive: new ArchiveBucket(makeS3Client({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }), 'unused'),
        cursorKey: 'bench-cursor-key',
      });
      apis.set(labels[i], {
        api: createQueryApi({ store, logger: new Logger({ serviceName: 'bench-query', logLevel: 'ERROR' }) }),
        store,
        table,
      });
    }
    const ask = async (label: string, kind: Kind) => {
      const { api, store } = apis.get(label)!;
      const readBefore = store.capacity.readUnits;
      const t = performance.now();
      const res = await api(httpGet('/documents', QUERIES[kind].params));
      const ms = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`${kind} at ${label}: HTTP ${res.statusCode} ${res.body}`);
      const items = (JSON.parse(res.body as string) as { items: unknown[] }).items.length;
      return { ms, items, readUnits: store.capacity.readUnits - readBefore };
    };

    const kinds = Object.keys(QUERIES) as Kind[];
    type Sample = { ms: number; items: number; readUnits: number };
    const samples = new Map<string, Sample[]>();
    const at = (k: Kind, label: string) =>
      samples.get(`${k}@${label}`) ?? samples.set(`${k}@${label}`, []).get(`${k}@${label}`)!;
    log(`measuring ${kinds.length} queries × ${labels.length} sizes × ${reps} repetitions, round-robin`);
    for (let i = 0; i < 20; i++) for (const k of kinds) for (const l of labels) await ask(l, k); // warm-up
    for (let i = 0; i < reps; i++) for (const k of kinds) for (const l of labels) at(k, l).push(await ask(l, k));

    // The Scan baseline reads the whole table whatever the filter, so it gets fewer repetitions as the table
    // grows, and at 100k (10k in --quick runs) only the participant query is scanned (about 20 s a scan at 100k).
    const scans = new Map<string, { ms: number; items: number }>();
    for (const [i, size] of sizes.entries()) {
      const scanReps = size <= 1_000 ? 5 : size <= 10_000 ? (args.quick ? 1 : 2) : 1;
      for (const k of kinds) {
        if ((size >= 100_000 || (args.quick && size >= 10_000)) && k !== 'participant') continue;
        const ms: number[] = [];
        let items = 0;
        for (let r = 0; r < scanReps; r++) {
          const t = performance.now();
          items = await scanSearch(ddb, apis.get(labels[i])!.table, QUERIES[k].filters);
          ms.push(performance.now() - t);
        }
        scans.set(`${k}@${labels[i]}`, { ms: median(ms), items });
      }
      log(`  scan baseline at ${labels[i]}: participant ${Math.round(scans.get(`participant@${labels[i]}`)!.ms)} ms`);
    }

    const out: Record<string, unknown> = {
      emulator:
        args.dynamo === 'ddblocal'
          ? 'DynamoDB Local (Java, in memory)'
          : 'dynalite 4, in memory, in its own Node process (items sorted by key in LevelDB: a Query is a range read)',
      through:
        'createQueryApi (lambdas/query/api.ts) → DocumentStore.search → Query of the index items of one term + BatchGet of HEAD items',
      repetitions: reps,
      sizes: labels,
      seeding,
      itemsPerRecord: round((seeding.at(-1)!.items as number) / sizes.at(-1)!),
      scanNote:
        'Scan of every HEAD item (FilterExpression sk = HEAD), records re-checked with matchesFilters, sorted, first 20; the seeded documents have one upload each, so they have no upload (U#) items, as in a real table',
    };
    for (const k of kinds) {
      const per = (f: (s: Sample[]) => number) => Object.fromEntries(labels.map((l) => [l, round(f(at(k, l)))]));
      const p50 = per((s) => median(s.map((x) => x.ms)));
      out[k] = {
        query: QUERIES[k].params,
        note: QUERIES[k].note,
        items: per((s) => s[0].items),
        p50Ms: p50,
        p95Ms: per((s) => p95(s.map((x) => x.ms))),
        readUnits: per((s) => median(s.map((x) => x.readUnits))),
        [`ratio${largest}To1k`]: round(p50[largest] / p50['1k']),
        ratio100kTo1k: p50['100k'] ? round(p50['100k'] / p50['1k']) : null,
        scanP50Ms: Object.fromEntries(
          labels.filter((l) => scans.has(`${k}@${l}`)).map((l) => [l, round(scans.get(`${k}@${l}`)!.ms)]),
        ),
        scanItems: Object.fromEntries(
          labels.filter((l) => scans.has(`${k}@${l}`)).map((l) => [l, scans.get(`${k}@${l}`)!.items]),
        ),
      };
    }
    return out;
  } finally {
    ddb.destroy();
    await emulator.close();
  }
});
