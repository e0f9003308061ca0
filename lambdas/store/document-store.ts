// The versioned document store (design section 4). The only module that reads and writes the table.
//
// Write path, without transactions (dynalite has none) and safe under retries and concurrency:
//  1. the upload's text and draft record go to the archive bucket (plain PUTs of fixed keys);
//  2. one immutable item per upload (U#<identity>) is created if absent: a duplicate delivery finds it;
//  3. reconcile(): derive the document's whole state (version numbers, latest version, index items)
//     from its upload items, write the differences, and commit by bumping HEAD.rev with a
//     condition on the rev read at the start. A reconciler that loses that race starts over from a
//     fresh read, so the last committer always wrote from a view that includes every upload.
// Every step is idempotent: a crash between any two writes is repaired by running it again.
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, type ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { foldKey } from '../core/keys';
import { type ArchiveRecord, archiveRecordSchema } from '../core/record';
import type { ArchiveBucket } from './archive-bucket';
import { decodeCursor, encodeCursor, InvalidCursor } from './cursor';
import {
  DATE_TERM,
  docPk,
  drivingTerm,
  type IndexItem,
  indexItemsFor,
  matchesFilters,
  type SearchFilters,
} from './index-terms';
import { TABLE_SCHEMA } from './table-schema';
import { uploadIdentity, uploadOrderKey, uploadSlug } from './uploads';

export type StoreOptions = {
  ddb: DynamoDBDocumentClient;
  tableName: string;
  archive: ArchiveBucket;
  /** HMAC key for cursors. */
  cursorKey: string | Uint8Array;
  /** How often reconcile() retries after losing a commit race before giving up (transient error). */
  maxReconcileAttempts?: number;
};

export type SaveOutcome = {
  id: string;
  /** The version this upload belongs to (an identical re-upload belongs to the version it repeats). */
  version: number;
  outcome: 'created' | 'unchanged' | 'duplicate' | 'replaced';
  /** Whether this upload's version is now the document's latest. */
  latest: boolean;
};

export type VersionSummary = {
  version: number;
  status: ArchiveRecord['status'];
  uploadedAt: string;
  sha256: string;
  title: string | null;
};

export type SearchPage = { items: ArchiveRecord[]; cursor: string | null };
export type ParticipantEntry = { name: string; key: string; documents: number };

type UploadItem = {
  pk: string;
  sk: string;
  orderKey: string;
  slug: string;
  sha256: string;
  status: ArchiveRecord['status'];
  uploadedAt: string;
  title: string | null;
  recordHash: string;
  record?: string;
  /** Derived by reconcile: the version this upload starts, 0 when it repeats the previous upload's bytes. */
  v?: number;
};

type HeadItem = {
  pk: string;
  sk: 'HEAD';
  id: string;
  rev: number;
  latestUpload: string;
  latestSlug: string;
  version: number;
  versionCount: number;
  recordHash: string;
  record: string;
  updatedAt: string;
};

export class StoreContention extends Error {
  constructor(id: string) {
    super(`document ${id}: too many concurrent writers, try again`);
    this.name = 'StoreContention';
  }
}

const HEAD = 'HEAD';
/**
 * DynamoDB's key size limits (UTF-8 bytes). No stored item can have a longer key, and DynamoDB
 * rejects a query whose key value is longer (ValidationException), so such a query has no answer.
 */
const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;
const MAX_CANDIDATES_PER_PAGE = 1000; // bounds the work of one query page when filters reject many candidates
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hashOf = (s: string) => createHash('sha256').update(s).digest('hex');
const isConditionFailure = (e: unknown) =>
  e instanceof ConditionalCheckFailedException || (e as { name?: string }).name === 'ConditionalCheckFailedException';

export class DocumentStore {
  readonly capacity = { writeUnits: 0, readUnits: 0 };
  private readonly ddb: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly archive: ArchiveBucket;
  private readonly cursorKey: string | Uint8Array;
  private readonly maxAttempts: number;

  constructor(o: StoreOptions) {
    this.ddb = o.ddb;
    this.table = o.tableName;
    this.archive = o.archive;
    this.cursorKey = o.cursorKey;
    this.maxAttempts = o.maxReconcileAttempts ?? 25;
  }

  // ---------------------------------------------------------------- writes

  /**
   * Store one upload of a document. `record.version` is ignored: versions are derived from the
   * order of uploads. With `replace`, an upload already stored gets this record instead
   * (re-extraction after an extractor upgrade).
   */
  async saveUpload(record: ArchiveRecord, text: string, opts: { replace?: boolean } = {}): Promise<SaveOutcome> {
    const id = record.id;
    const identity = uploadIdentity(record.source);
    const sk = `U#${identity}`;
    const slug = uploadSlug(identity, record.source.uploadedAt);
    const recordJson = JSON.stringify({ ...record, version: 1 });
    const recordHash = hashOf(recordJson);

    const found = await this.ddb.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: docPk(id), sk },
        ConsistentRead: true,
        ProjectionExpression: 'recordHash, v',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.count(found.ConsumedCapacity, 'read');
    const existing = found.Item as Pick<UploadItem, 'recordHash' | 'v'> | undefined;

    let outcome: SaveOutcome['outcome'];
    if (!existing) {
      // Text first: once an upload item exists, HEAD may point at it, and its text must be there.
      await this.archive.putText(id, slug, text);
      await this.archive.putRecord(id, slug, { ...record, version: 1 });
      const item: UploadItem = {
        pk: docPk(id),
        sk,
        orderKey: uploadOrderKey(record.source),
        slug,
        sha256: record.source.sha256,
        status: record.status,
        uploadedAt: record.source.uploadedAt,
        title: record.title,
        recordHash,
        record: recordJson,
      };
      try {
        await this.write(
          new PutCommand({
            TableName: this.table,
            Item: item,
            ConditionExpression: 'attribute_not_exists(sk)',
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        outcome = 'created';
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        outcome = 'duplicate'; // a concurrent delivery of the same event won the race
      }
    } else if (opts.replace && existing.recordHash !== recordHash) {
      await this.archive.putText(id, slug, text);
      await this.write(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: docPk(id), sk },
          UpdateExpression: 'SET #r = :r, recordHash = :h, #s = :s, title = :t',
          ExpressionAttributeNames: { '#r': 'record', '#s': 'status' },
          ExpressionAttributeValues: { ':r': recordJson, ':h': recordHash, ':s': record.status, ':t': record.title },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      outcome = 'replaced';
    } else {
      // Already stored. If an earlier attempt crashed before reconciling (no derived `v` yet),
      // this delivery finishes its work and counts as the creation.
      outcome = existing.v === undefined ? 'created' : 'duplicate';
    }

    const state = await this.reconcile(id);
    const mine = state.uploads.find((u) => u.sk === sk);
    if (!mine) throw new Error(`upload ${sk} of ${id} vanished during reconcile`);
    const version = state.versionOf.get(sk) ?? 0;
    if (outcome === 'created' && mine.v === 0) outcome = 'unchanged';
    // The draft written before the upload item says version 1: rewrite it only when that is not the truth
    // (most uploads are a document's first, so this saves one S3 PUT of three).
    const draftIsFinal = outcome !== 'replaced' && version === 1;
    if ((outcome === 'created' || outcome === 'replaced' || outcome === 'unchanged') && !draftIsFinal) {
      await this.archive.putRecord(id, slug, { ...record, version });
    }
    return { id, version, outcome, latest: state.latestVersion === version };
  }

  /**
   * Bring a document's derived state in line with its upload items. Idempotent; safe to run
   * concurrently with other writers of the same document.
   */
  async reconcile(id: string): Promise<{
    uploads: UploadItem[];
    versionOf: Map<string, number>;
    latestVersion: number;
  }> {
    const pk = docPk(id);
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const head = await this.getHeadItem(id, true);
      const rev = head?.rev ?? 0;
      const uploads = await this.queryAll<UploadItem>({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :u)',
        ExpressionAttributeValues: { ':pk': pk, ':u': 'U#' },
        ProjectionExpression: 'pk, sk, orderKey, slug, sha256, #s, uploadedAt, title, recordHash, v',
        ExpressionAttributeNames: { '#s': 'status' },
        ConsistentRead: true,
      });
      if (uploads.length === 0) return { uploads, versionOf: new Map(), latestVersion: 0 };

      // Versions in upload order: an upload starts a new version unless its bytes repeat the
      // upload just before it. Every permutation of deliveries derives the same numbering.
      uploads.sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : a.sk < b.sk ? -1 : 1));
      const versionOf = new Map<string, number>();
      const starts = new Map<string, number>();
      let n = 0;
      let previousSha: string | null = null;
      let latest = uploads[0];
      for (const u of uploads) {
        if (u.sha256 !== previousSha) {
          n += 1;
          starts.set(u.sk, n);
          latest = u;
        }
        versionOf.set(u.sk, n);
        previousSha = u.sha256;
      }

      let writes = 0;
      for (const u of uploads) {
        const v = starts.get(u.sk) ?? 0;
        if (u.v === v) continue;
        await this.write(
          new UpdateCommand({
            TableName: this.table,
            Key: { pk, sk: u.sk },
            UpdateExpression: 'SET v = :v',
            ConditionExpression: 'attribute_exists(sk)',
            ExpressionAttributeValues: { ':v': v },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        u.v = v;
        writes++;
      }

      const latestOut = await this.ddb.send(
        new GetCommand({
          TableName: this.table,
          Key: { pk, sk: latest.sk },
          ConsistentRead: true,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.count(latestOut.ConsumedCapacity, 'read');
      const latestFull = latestOut.Item as UploadItem;
      const latestVersion = n;
      const record = this.parseRecord(latestFull.record ?? '', latestVersion);
      const recordJson = JSON.stringify(record);

      // Index items: put what is missing or changed, delete what the latest version no longer has.
      const desired = indexItemsFor(record);
      const current = await this.queryAll<IndexItem>({
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':pk': pk, ':a': 'IX#', ':b': 'NM$' },
        ConsistentRead: true,
      });
      const currentBySk = new Map(current.map((i) => [i.sk, i]));
      const desiredSks = new Set(desired.map((i) => i.sk));
      const puts = desired.filter((d) => !sameItem(currentBySk.get(d.sk), d));
      const deletes = current.filter((c) => !desiredSks.has(c.sk));
      writes += await this.batchWrite([
        ...puts.map((Item) => ({ PutRequest: { Item } })),
        ...deletes.map((c) => ({ DeleteRequest: { Key: { pk: c.pk, sk: c.sk } } })),
      ]);

      const headUnchanged =
        head &&
        head.latestUpload === latest.sk &&
        head.version === latestVersion &&
        head.versionCount === n &&
        head.recordHash === latestFull.recordHash;
      if (headUnchanged && writes === 0) return { uploads, versionOf, latestVersion };

      const next: HeadItem = {
        pk,
        sk: HEAD,
        id,
        rev: rev + 1,
        latestUpload: latest.sk,
        latestSlug: latest.slug,
        version: latestVersion,
        versionCount: n,
        recordHash: latestFull.recordHash,
        record: recordJson,
        updatedAt: new Date().toISOString(),
      };
      try {
        await this.write(
          new PutCommand({
            TableName: this.table,
            Item: next,
            ConditionExpression: head ? 'rev = :rev' : 'attribute_not_exists(pk)',
            ExpressionAttributeValues: head ? { ':rev': rev } : undefined,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        return { uploads, versionOf, latestVersion };
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        // Another writer committed first: start over from its state, after a jittered pause.
        await sleep(Math.random() * Math.min(200, 10 * 2 ** attempt));
      }
    }
    throw new StoreContention(id);
  }

  // ---------------------------------------------------------------- reads

  async getLatest(id: string): Promise<ArchiveRecord | null> {
    const head = await this.getHeadItem(id, false);
    return head ? this.parseRecord(head.record, head.version) : null;
  }

  async listVersions(id: string): Promise<VersionSummary[] | null> {
    const uploads = await this.versionStarts(id);
    if (uploads.length === 0) return null;
    return uploads.map((u) => ({
      version: u.v ?? 0,
      status: u.status,
      uploadedAt: u.uploadedAt,
      sha256: u.sha256,
      title: u.title ?? null,
    }));
  }

  async getVersion(id: string, version: number): Promise<ArchiveRecord | null> {
    const start = (await this.versionStarts(id)).find((u) => u.v === version);
    if (!start) return null;
    const item = (await this.ddb.send(new GetCommand({ TableName: this.table, Key: { pk: docPk(id), sk: start.sk } })))
      .Item as UploadItem | undefined;
    return item?.record ? this.parseRecord(item.record, version) : null;
  }

  /** The normalized text of the latest version, or of version `version`. */
  async getText(id: string, version?: number): Promise<string | null> {
    let slug: string | undefined;
    if (version === undefined) slug = (await this.getHeadItem(id, false))?.latestSlug;
    else slug = (await this.versionStarts(id)).find((u) => u.v === version)?.slug;
    return slug ? this.archive.getText(id, slug) : null;
  }

  /**
   * Records whose latest version matches every filter, newest meeting first. Walks one term of
   * the byTerm index (the most selective filter) and re-checks each candidate against its
   * latest record; throws InvalidCursor for a cursor that was not issued for these filters.
   */
  async search(filters: SearchFilters, page: { limit: number; cursor?: string }): Promise<SearchPage> {
    const { term, dated } = drivingTerm(filters);
    const fingerprint = hashOf(
      JSON.stringify([
        term,
        filters.from,
        filters.to,
        filters.participant && foldKey(filters.participant),
        filters.organization && foldKey(filters.organization),
        filters.country && foldKey(filters.country),
        filters.status,
      ]),
    ).slice(0, 16);
    let startKey: Record<string, string> | undefined;
    if (page.cursor) {
      const c = decodeCursor<{ f: string; k: Record<string, string> }>(page.cursor, this.cursorKey);
      if (c?.f !== fingerprint || typeof c.k !== 'object' || c.k === null)
        throw new InvalidCursor('cursor belongs to another query');
      startKey = c.k;
    }
    // A filter that folds to a longer key than DynamoDB allows (NFKD expands "㍿" to four letters)
    // can match nothing; asking DynamoDB would be a ValidationException, not an empty page.
    if (Buffer.byteLength(term, 'utf8') > MAX_PARTITION_KEY_BYTES) return { items: [], cursor: null };
    const { byTerm } = TABLE_SCHEMA.indexes;
    const values: Record<string, string> = { ':t': term };
    let condition = `${byTerm.partitionKey} = :t`;
    if (dated && (filters.from || filters.to)) {
      condition += ` AND ${byTerm.sortKey} BETWEEN :lo AND :hi`;
      values[':lo'] = filters.from ?? '0000-00-01';
      values[':hi'] = `${filters.to ?? '9999-12-31'}#\uffff`;
    }

    const items: ArchiveRecord[] = [];
    let examined = 0;
    for (;;) {
      const out = await this.ddb.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: byTerm.name,
          KeyConditionExpression: condition,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: Math.min(200, page.limit * 2 + 5),
          ExclusiveStartKey: startKey,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.count(out.ConsumedCapacity, 'read');
      const candidates = (out.Items ?? []) as IndexItem[];
      // Fetch only as many records as the page still needs; more only when the re-check rejects some.
      for (let i = 0; i < candidates.length; ) {
        const batch = candidates.slice(i, i + Math.max(1, page.limit - items.length));
        const records = await this.latestRecords(batch.map((c) => c.pk.slice(4)));
        for (const c of batch) {
          i++;
          examined++;
          const r = records.get(c.pk.slice(4));
          if (r && matchesFilters(r, filters)) items.push(r);
          if (items.length === page.limit) {
            const more = i < candidates.length || out.LastEvaluatedKey !== undefined;
            return { items, cursor: more ? this.cursorFor(fingerprint, c) : null };
          }
        }
      }
      if (!out.LastEvaluatedKey) return { items, cursor: null };
      startKey = out.LastEvaluatedKey as Record<string, string>;
      if (examined >= MAX_CANDIDATES_PER_PAGE) return { items, cursor: this.cursorFor(fingerprint, startKey) };
    }
  }

  /** Participants whose lookup key starts with `prefix`, with how many documents name them. */
  async participants(prefix: string, limit: number): Promise<ParticipantEntry[]> {
    const p = foldKey(prefix);
    // No sort key is longer than DynamoDB's limit, so none starts with a longer prefix.
    if (!p || Buffer.byteLength(p, 'utf8') > MAX_SORT_KEY_BYTES) return [];
    const { byName } = TABLE_SCHEMA.indexes;
    const counts = new Map<string, ParticipantEntry>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.ddb.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: byName.name,
          KeyConditionExpression: `${byName.partitionKey} = :n AND begins_with(${byName.sortKey}, :p)`,
          ExpressionAttributeValues: { ':n': `NM#${[...p][0]}`, ':p': p },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const it of (out.Items ?? []) as IndexItem[]) {
        const key = it.sk.slice(3);
        const entry = counts.get(key);
        if (entry) entry.documents++;
        else if (counts.size < limit) counts.set(key, { name: it.name, key, documents: 1 });
        else return [...counts.values()];
      }
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return [...counts.values()];
  }

  /** Every document id, newest upload first (each document has exactly one status term). */
  async *allDocumentIds(): AsyncGenerator<string> {
    const { byTerm } = TABLE_SCHEMA.indexes;
    for (const status of ['processed', 'rejected']) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const out = await this.ddb.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: byTerm.name,
            KeyConditionExpression: `${byTerm.partitionKey} = :t`,
            ExpressionAttributeValues: { ':t': `S#${status}` },
            ExclusiveStartKey: startKey,
          }),
        );
        for (const it of (out.Items ?? []) as IndexItem[]) yield it.pk.slice(4);
        startKey = out.LastEvaluatedKey;
      } while (startKey);
    }
  }

  /** Does any upload item exist for this S3 upload? (reconcile uses it to find missed objects) */
  async hasUpload(id: string, source: Parameters<typeof uploadIdentity>[0]): Promise<boolean> {
    const out = await this.ddb.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: docPk(id), sk: `U#${uploadIdentity(source)}` },
        ProjectionExpression: 'sk',
      }),
    );
    return out.Item !== undefined;
  }

  // ---------------------------------------------------------------- helpers

  private cursorFor(fingerprint: string, key: Record<string, string>): string {
    const { byTerm } = TABLE_SCHEMA.indexes;
    const k = {
      pk: key.pk,
      sk: key.sk,
      [byTerm.partitionKey]: key[byTerm.partitionKey],
      [byTerm.sortKey]: key[byTerm.sortKey],
    };
    return encodeCursor({ f: fingerprint, k }, this.cursorKey);
  }

  private async versionStarts(id: string): Promise<UploadItem[]> {
    const uploads = await this.queryAll<UploadItem>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :u)',
      ExpressionAttributeValues: { ':pk': docPk(id), ':u': 'U#' },
      ProjectionExpression: 'sk, slug, sha256, #s, uploadedAt, title, v',
      ExpressionAttributeNames: { '#s': 'status' },
    });
    return uploads.filter((u) => (u.v ?? 0) > 0).sort((a, b) => (a.v ?? 0) - (b.v ?? 0));
  }

  private async getHeadItem(id: string, consistent: boolean): Promise<HeadItem | undefined> {
    const out = await this.ddb.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: docPk(id), sk: HEAD },
        ConsistentRead: consistent,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.count(out.ConsumedCapacity, 'read');
    return out.Item as HeadItem | undefined;
  }

  /** Latest records of many documents, by id (BatchGet of HEAD items, 100 at a time). */
  private async latestRecords(ids: string[]): Promise<Map<string, ArchiveRecord>> {
    const result = new Map<string, ArchiveRecord>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] = unique.slice(i, i + 100).map((id) => ({ pk: docPk(id), sk: HEAD }));
      for (let attempt = 0; keys.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1000, 20 * 2 ** attempt));
        const out = await this.ddb.send(
          new BatchGetCommand({
            RequestItems: {
              [this.table]: {
                Keys: keys,
                ProjectionExpression: 'id, #r, version',
                ExpressionAttributeNames: { '#r': 'record' },
              },
            },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        for (const c of out.ConsumedCapacity ?? []) this.count(c, 'read');
        for (const h of (out.Responses?.[this.table] ?? []) as HeadItem[])
          result.set(h.id, this.parseRecord(h.record, h.version));
        keys = (out.UnprocessedKeys?.[this.table]?.Keys ?? []) as Record<string, unknown>[];
        if (attempt > 8 && keys.length > 0) throw new Error('BatchGetItem kept returning unprocessed keys');
      }
    }
    return result;
  }

  private parseRecord(json: string, version: number): ArchiveRecord {
    return archiveRecordSchema.parse({ ...JSON.parse(json), version });
  }

  private async queryAll<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
    const items: T[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.ddb.send(
        new QueryCommand({
          ...input,
          TableName: this.table,
          ExclusiveStartKey: startKey,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.count(out.ConsumedCapacity, 'read');
      items.push(...((out.Items ?? []) as T[]));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  private async write(command: PutCommand | UpdateCommand): Promise<void> {
    const out = await this.ddb.send(command as PutCommand);
    this.count(out.ConsumedCapacity, 'write');
  }

  /** BatchWriteItem in chunks of 25, retrying unprocessed items with backoff. Returns the request count. */
  private async batchWrite(requests: Record<string, unknown>[]): Promise<number> {
    for (let i = 0; i < requests.length; i += 25) {
      let pending = requests.slice(i, i + 25);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1000, 20 * 2 ** attempt));
        const out = await this.ddb.send(
          new BatchWriteCommand({ RequestItems: { [this.table]: pending }, ReturnConsumedCapacity: 'TOTAL' }),
        );
        for (const c of out.ConsumedCapacity ?? []) this.count(c, 'write');
        pending = (out.UnprocessedItems?.[this.table] ?? []) as Record<string, unknown>[];
        if (attempt > 8 && pending.length > 0) throw new Error('BatchWriteItem kept returning unprocessed items');
      }
    }
    return requests.length;
  }

  private count(c: ConsumedCapacity | undefined, kind: 'read' | 'write' = 'read'): void {
    if (!c?.CapacityUnits) return;
    if (kind === 'write') this.capacity.writeUnits += c.CapacityUnits;
    else this.capacity.readUnits += c.CapacityUnits;
  }
}

const sameItem = (a: IndexItem | undefined, b: IndexItem): boolean =>
  a !== undefined && Object.keys(b).every((k) => a[k] === b[k]) && Object.keys(a).length === Object.keys(b).length;

export { DATE_TERM, InvalidCursor };
