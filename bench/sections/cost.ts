// Cost model: what one ingested document and one query consume, measured, priced at list prices.
//
// The samples and a synthetic corpus are uploaded to an s3rver drop bucket and handed to the real ingest
// handler (lambdas/ingest/ingest.ts, createIngestHandler) in SQS batches of 10, as the deployed event source
// does, with the store on DynamoDB Local, which reports consumed capacity as DynamoDB bills it (the table
// has no GSI; dynalite, the fallback, reports it too but rounds differently). Read and write units come from
// the store's own counter (store.capacity,
// from ReturnConsumedCapacity) and, independently, from a client wrapper that asks for TOTAL capacity on
// every request and sums it, with requests counted per command; where the two differ, the store's counter
// misses requests. Lambda GB-seconds per document = the handler's wall time per batch / 10 × 1 GB (the
// ingest function's memory); per query = the query handler's time × 0.5 GB (the query function's memory).

import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentId } from '../../lambdas/core/ids';
import { nameTokens } from '../../lambdas/core/keys';
import { createIngestHandler } from '../../lambdas/ingest/ingest';
import { createQueryApi } from '../../lambdas/query/api';
import { ArchiveBucket } from '../../lambdas/store/archive-bucket';
import { makeDynamoClient, makeS3Client } from '../../lambdas/store/clients';
import { DocumentStore } from '../../lambdas/store/document-store';
import { indexItemsFor } from '../../lambdas/store/index-terms';
import { ensureTable } from '../../lambdas/store/provision';
import {
  type Emulator,
  localClientOptions,
  startDynalite,
  startDynamoDbLocal,
  startS3rver,
} from '../../lib/local/emulators';
import { httpGet, s3Notification, sqsEvent } from '../../test/support/events';
import { CONTENT_TYPES, generateReports } from '../lib/corpus';
import { LAMBDA_MEMORY_GB, PRICES } from '../lib/prices';
import { type Log, runSection } from '../lib/section';
import { median, round, sum } from '../lib/stats';

const ROOT = resolve(import.meta.dirname, '../..');
const TABLE = 'meeting-archive';

type Counter = { requests: Map<string, number>; capacity: Map<string, number> };
const newCounter = (): Counter => ({ requests: new Map(), capacity: new Map() });
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** The client, with every request asking for TOTAL consumed capacity, counted per command. */
function counting<T extends DynamoDBDocumentClient | S3Client>(client: T, counter: () => Counter, dynamo: boolean): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return async (command: { constructor: { name: string }; input: Record<string, unknown> }, ...rest: unknown[]) => {
        const name = command.constructor.name;
        if (dynamo && command.input && !command.input.ReturnConsumedCapacity && name !== 'ScanCommand')
          command.input.ReturnConsumedCapacity = 'TOTAL';
        const out = (await (target.send as (...a: unknown[]) => Promise<Record<string, unknown>>).call(
          target,
          command,
          ...rest,
        )) as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] };
        const c = counter();
        add(c.requests, name, 1);
        const consumed = out?.ConsumedCapacity;
        let units = 0;
        for (const x of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) units += x.CapacityUnits ?? 0;
        // DynamoDB Local bills nothing for a Query or GetItem that finds nothing; DynamoDB bills a read of
        // at least half a unit (one when strongly consistent), so the model does too.
        if (dynamo && units === 0 && (name === 'QueryCommand' || name === 'GetCommand'))
          units = command.input.ConsistentRead ? 1 : 0.5;
        add(c.capacity, name, units);
        return out;
      };
    },
  });
}

const WRITES = new Set(['PutCommand', 'UpdateCommand', 'DeleteCommand', 'BatchWriteCommand']);
const split = (c: Counter) => {
  let write = 0;
  let read = 0;
  for (const [name, units] of c.capacity)
    if (WRITES.has(name)) write += units;
    else read += units;
  return { write, read };
};
/** An item's size as DynamoDB bills it: attribute names plus values (strings and binaries by bytes, numbers ~ digits). */
const itemBytes = (item: Record<string, unknown>): number => {
  let total = 0;
  for (const [name, value] of Object.entries(item)) {
    total += Buffer.byteLength(name);
    if (typeof value === 'string') total += Buffer.byteLength(value);
    else if (value instanceof Uint8Array) total += value.length;
    else if (typeof value === 'number') total += Math.ceil(String(value).length / 2) + 1;
    else total += Buffer.byteLength(JSON.stringify(value));
  }
  return total;
};
const perDoc = (m: Map<string, number>, n: number) => Object.fromEntries([...m].map(([k, v]) => [k, round(v / n)]));

async function startDynamo(log: Log): Promise<{ emulator: Emulator; name: string; gsiCapacity: boolean }> {
  try {
    return { emulator: await startDynamoDbLocal(), name: 'DynamoDB Local', gsiCapacity: true };
  } catch (e) {
    log(
      `DynamoDB Local unavailable (${(e as Error).message}); falling back to dynalite, which does not count GSI writes`,
    );
    return { emulator: await startDynalite(), name: 'dynalite', gsiCapacity: false };
  }
}

await runSection('cost', async (args, log) => {
  const syntheticCount = args.quick ? 40 : 300;
  const { emulator, name: emulatorName, gsiCapacity } = await startDynamo(log);
  const s3rver = await startS3rver({ buckets: ['drop', 'archive'] });
  const options = localClientOptions(emulator, s3rver);
  const rawDdb = makeDynamoClient(options);
  const rawS3 = makeS3Client(options);
  let dynamoCounter = newCounter();
  let s3Counter = newCounter();
  const ddb = counting(rawDdb, () => dynamoCounter, true);
  const s3 = counting(rawS3, () => s3Counter, false);
  try {
    await ensureTable(rawDdb, TABLE);
    const store = new DocumentStore({
      ddb,
      tableName: TABLE,
      archive: new ArchiveBucket(s3, 'archive'),
      cursorKey: 'bench',
    });
    process.env.POWERTOOLS_METRICS_DISABLED = 'true';
    const logger = new Logger({ serviceName: 'bench-ingest', logLevel: 'ERROR' });
    const handler = createIngestHandler({
      s3,
      store,
      logger,
      metrics: new Metrics({ namespace: 'Bench', serviceName: 'bench-ingest' }),
    });

    // The documents: the samples and a synthetic corpus, uploaded first (not counted: that PUT is the user's).
    const sampleFiles = readdirSync(join(ROOT, 'samples')).filter(
      (f) => !f.startsWith('.') && f !== 'README.md' && !f.endsWith('.expected.json'),
    );
    const docs = [
      ...sampleFiles.map((f) => ({
        key: `samples/${f}`,
        bytes: new Uint8Array(readFileSync(join(ROOT, 'samples', f))),
        contentType: CONTENT_TYPES[extname(f).slice(1)] ?? 'text/plain',
      })),
      ...generateReports(syntheticCount, 777, 'cost'),
    ];
    const events: { key: string; size: number; eTag: string; sequencer: string }[] = [];
    for (const [i, d] of docs.entries()) {
      const out = await rawS3.send(
        new PutObjectCommand({ Bucket: 'drop', Key: d.key, Body: d.bytes, ContentType: d.contentType }),
      );
      const eTag = (out.ETag ?? '').replace(/"/g, '');
      events.push({ key: d.key, size: d.bytes.length, eTag, sequencer: (0x10000000 + i).toString(16).toUpperCase() });
    }
    log(
      `ingesting ${docs.length} documents (${sampleFiles.length} samples + ${syntheticCount} synthetic) on ${emulatorName}`,
    );

    // A warm-up batch on throwaway copies of the first documents, so that JIT compilation is not billed.
    const warm: typeof events = [];
    for (const [i, d] of docs.slice(0, 10).entries()) {
      const key = `warm-up/${d.key}`;
      const out = await rawS3.send(
        new PutObjectCommand({ Bucket: 'drop', Key: key, Body: d.bytes, ContentType: d.contentType }),
      );
      warm.push({
        key,
        size: d.bytes.length,
        eTag: (out.ETag ?? '').replace(/"/g, ''),
        sequencer: (0x1000 + i).toString(16).toUpperCase(),
      });
    }
    await handler(sqsEvent(warm.map((e) => JSON.stringify(s3Notification([{ ...e, bucket: 'drop' }])))));

    dynamoCounter = newCounter();
    s3Counter = newCounter();
    const storeBefore = { ...store.capacity };
    const batchMs: number[] = [];
    let failures = 0;
    for (let i = 0; i < events.length; i += 10) {
      const batch = events.slice(i, i + 10);
      const event = sqsEvent(batch.map((e) => JSON.stringify(s3Notification([{ ...e, bucket: 'drop' }]))));
      const t = performance.now();
      const result = await handler(event);
      batchMs.push((performance.now() - t) / batch.length);
      failures += result.batchItemFailures.length;
    }
    const n = events.length;
    const ingestDynamo = dynamoCounter;
    const ingestS3 = s3Counter;
    const units = split(ingestDynamo);
    const storeUnits = {
      write: store.capacity.writeUnits - storeBefore.writeUnits,
      read: store.capacity.readUnits - storeBefore.readUnits,
    };
    const msPerDoc = sum(batchMs) / batchMs.length;

    // What the index items are: the store writes indexItemsFor(latest record) for each document, as
    // base-table items keyed by their term (table-schema.ts), one write unit each (all are under 1 KB; there
    // is no GSI to feed). HEAD holds the record deflate-compressed: its size decides its write units.
    const plainStore = new DocumentStore({
      ddb: rawDdb,
      tableName: TABLE,
      archive: new ArchiveBucket(rawS3, 'archive'),
      cursorKey: 'bench',
    });
    const terms = new Map<string, number>();
    let participants = 0;
    const headBytes: number[] = [];
    const recordBytes: number[] = [];
    for (const d of docs) {
      const id = documentId(d.key);
      const record = await plainStore.getLatest(id);
      if (!record) continue;
      participants += record.participants.length;
      for (const item of indexItemsFor(record)) {
        const kind = item.pk === 'D' || item.pk === 'S#rejected' ? item.pk : `${item.pk.slice(0, 2)}`;
        add(terms, kind, 1);
      }
      const head = await rawDdb.send(new GetCommand({ TableName: TABLE, Key: { pk: `DOC#${id}`, sk: 'HEAD' } }));
      headBytes.push(itemBytes(head.Item ?? {}));
      recordBytes.push(Buffer.byteLength(JSON.stringify(record)));
    }
    log(`${n} documents: ${(units.write / n).toFixed(1)} WRU and ${(units.read / n).toFixed(1)} RRU per document`);

    // Queries on what was ingested: a full page for a common participant, a year, an organization, combined.
    const tokenCounts = new Map<string, number>();
    for (const d of docs.slice(sampleFiles.length) as ReturnType<typeof generateReports>)
      for (const p of d.participants) for (const t of nameTokens(p).filter((x) => x.length > 3)) add(tokenCounts, t, 1);
    const commonToken = [...tokenCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'putin';
    const queries: Record<string, Record<string, string>> = {
      participant: { participant: commonToken },
      dateRange: { from: '2010-01-01', to: '2010-12-31' },
      organization: { organization: 'African Union' },
      combined: { participant: commonToken, from: '2000-01-01', to: '2025-12-31', organization: 'AU' },
    };
    const api = createQueryApi({ store, logger });
    for (let i = 0; i < 5; i++) for (const q of Object.values(queries)) await api(httpGet('/documents', q));
    const perQuery: Record<string, { ms: number; readUnits: number; storeReadUnits: number; items: number }> = {};
    for (const [kind, q] of Object.entries(queries)) {
      const ms: number[] = [];
      const rru: number[] = [];
      const storeRru: number[] = [];
      let items = 0;
      for (let i = 0; i < 20; i++) {
        dynamoCounter = newCounter();
        const before = store.capacity.readUnits;
        const t = performance.now();
        const res = await api(httpGet('/documents', q));
        ms.push(performance.now() - t);
        rru.push(split(dynamoCounter).read);
        storeRru.push(store.capacity.readUnits - before);
        items = (JSON.parse(res.body as string) as { items: unknown[] }).items.length;
      }
      perQuery[kind] = {
        ms: round(median(ms)),
        readUnits: round(median(rru)),
        storeReadUnits: round(median(storeRru)),
        items,
      };
    }
    const queryMs = median(Object.values(perQuery).map((q) => q.ms));
    const queryRru = median(Object.values(perQuery).map((q) => q.readUnits));

    // Dollars.
    const s3Puts = ingestS3.requests.get('PutObjectCommand') ?? 0;
    const s3Gets = ingestS3.requests.get('GetObjectCommand') ?? 0;
    const doc = {
      writeUnits: units.write / n,
      readUnits: units.read / n,
      lambdaGbSeconds: (msPerDoc / 1000) * LAMBDA_MEMORY_GB.ingest,
      lambdaRequests: 1 / 10,
      // The user's upload is one PUT; the ingest function's GETs and PUTs were counted.
      s3Puts: 1 + s3Puts / n,
      s3Gets: s3Gets / n,
      // S3 → SQS SendMessage per document; the poller's ReceiveMessage and DeleteMessageBatch per batch of 10.
      sqsRequests: 1 + 2 / 10,
    };
    const docUsd = {
      dynamodb: doc.writeUnits * PRICES.dynamoWriteRequestUnit + doc.readUnits * PRICES.dynamoReadRequestUnit,
      lambda: doc.lambdaGbSeconds * PRICES.lambdaArmGbSecond + doc.lambdaRequests * PRICES.lambdaRequest,
      s3: doc.s3Puts * PRICES.s3Put + doc.s3Gets * PRICES.s3Get,
      sqs: doc.sqsRequests * PRICES.sqsRequest,
    };
    const query = {
      readUnits: queryRru,
      lambdaGbSeconds: (queryMs / 1000) * LAMBDA_MEMORY_GB.query,
    };
    const queryUsd = {
      dynamodb: query.readUnits * PRICES.dynamoReadRequestUnit,
      lambda: query.lambdaGbSeconds * PRICES.lambdaArmGbSecond + PRICES.lambdaRequest,
      apiGateway: PRICES.httpApiRequest,
    };
    const scale = (o: Record<string, number>, k: number) =>
      Object.fromEntries(Object.entries(o).map(([key, v]) => [key, round(v * k, 4)]));
    return {
      usdPer10kDocs: round(sum(Object.values(docUsd)) * 10_000, 4),
      usdPer100kQueries: round(sum(Object.values(queryUsd)) * 100_000, 4),
      prices: { ...PRICES, note: 'us-east-1 list prices, on-demand; Lambda arm64' },
      emulator: emulatorName,
      gsiCapacityCounted: gsiCapacity,
      docs: n,
      failures,
      perDocument: {
        writeUnits: round(doc.writeUnits),
        readUnits: round(doc.readUnits),
        storeCounterWriteUnits: round(storeUnits.write / n),
        storeCounterReadUnits: round(storeUnits.read / n),
        participants: round(participants / n),
        indexItems: round(sum([...terms.values()]) / n),
        indexItemsByKind: perDoc(terms, n),
        // HEAD's size as DynamoDB counts it (names + values), and the record's JSON it compresses.
        headItemBytes: { median: round(median(headBytes)), max: Math.max(...headBytes) },
        recordJsonBytes: round(median(recordBytes)),
        writeUnitsByCommand: perDoc(new Map([...ingestDynamo.capacity].filter(([k]) => WRITES.has(k))), n),
        dynamoRequests: perDoc(ingestDynamo.requests, n),
        s3Requests: perDoc(ingestS3.requests, n),
        handlerMs: round(msPerDoc),
        handlerMsMedianBatch: round(median(batchMs)),
        lambdaGbSeconds: round(doc.lambdaGbSeconds, 4),
        s3Puts: round(doc.s3Puts),
        s3Gets: round(doc.s3Gets),
        sqsRequests: doc.sqsRequests,
        lambdaRequests: doc.lambdaRequests,
      },
      usdPer10kDocsBy: scale(docUsd, 10_000),
      perQuery: { ...perQuery, medianMs: round(queryMs), medianReadUnits: round(queryRru) },
      usdPer100kQueriesBy: scale(queryUsd, 100_000),
      assumptions: [
        'Lambda duration = handler wall time against local emulators on this machine (1 GB ingest, 0.5 GB query); on AWS, DynamoDB and S3 round trips are slower (~5–10 ms) and 1 GB is ~0.6 vCPU, so the duration may be 1.5–3x higher; Lambda is a small share of the total',
        'S3 → SQS: one SendMessage per upload; the event source polls ReceiveMessage and DeleteMessageBatch once per batch of 10 (idle polling not counted)',
        'one Lambda request per batch of 10 documents; the user’s upload PUT is counted; storage (S3, DynamoDB), CloudWatch Logs and KMS not included',
        'queries: one API Gateway HTTP API request and one Lambda request each, median of participant, date-range, organization and combined queries returning up to 20 records',
      ],
    };
  } finally {
    rawDdb.destroy();
    rawS3.destroy();
    await s3rver.close();
    await emulator.close();
  }
});
