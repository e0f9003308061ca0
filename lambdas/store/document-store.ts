// The versioned document store (design section 4). The only module that reads and writes the table.
// The item layout is in table-schema.ts.
//
// Write path, without transactions (dynalite has none) and safe under retries and concurrency:
//  1. read the document's partition (HEAD and its upload items, one consistent Query);
//  2. the upload's record and text go to the archive bucket (one PUT of a fixed key), with the
//     version number the uploads read in step 1 give it;
//  3. a document's first upload (no HEAD yet, the common case): write its index items, then create
//     HEAD (condition: it does not exist) holding the record, the index keys and the upload itself.
//     Otherwise, or when another writer created HEAD first: create the upload's own item
//     (U#<identity>, condition: absent; a duplicate delivery finds it), then reconcile();
//  4. reconcile(): derive the document's state (version numbers, latest version, index items) from
//     its uploads, write the index items that differ from the keys HEAD lists (puts first, then
//     deletes), and commit by writing HEAD with rev + 1, on the condition that rev is still the one
//     read. A writer that loses that race starts over from a fresh read, remembering which items it
//     wrote or deleted itself (HEAD does not list them), so the last committer always wrote from a
//     view that includes every upload and every item it touched.
// Every step is idempotent; a crash between any two writes is repaired when the delivery is retried:
// a retry of an upload already stored rewrites the latest version's index items and deletes the
// ones any newer upload could have written, so whatever the crashed attempt left half done is put right.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
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
import { HEAD_DICTIONARY_V1 } from './head-dictionary';
import {
  aliasItemsFor,
  aliasPartition,
  DATE_TERM,
  type DrivingKey,
  directoryPlan,
  docPk,
  drivingKey,
  type IndexItem,
  idOfIndexItem,
  indexItemsFor,
  matchesFilters,
  REJECTED_TERM,
  type SearchFilters,
} from './index-terms';
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

/** One upload of a document: an upload item's attributes, or HEAD's `first`. */
export type UploadMeta = {
  /** `U#<identity>`: the upload item's sort key (also for the first upload, which has no item). */
  sk: string;
  orderKey: string;
  slug: string;
  sha256: string;
  status: ArchiveRecord['status'];
  uploadedAt: string;
  title: string | null;
  /** Hash of the record this upload was stored with (a reprocess changes it). */
  recordHash: string;
  /** The version this upload starts, 0 when it repeats the previous upload's bytes. */
  v?: number;
};

type UploadItem = UploadMeta & { pk: string };

/** What HEAD holds, compressed in its `z` attribute. */
export type HeadBody = {
  /** The latest version's record, without text. */
  record: ArchiveRecord;
  /** The latest version's upload: sort key, archive folder and record hash. */
  latest: string;
  slug: string;
  hash: string;
  /** How many versions, and how many uploads the committed view had. */
  versions: number;
  uploads: number;
  /** The index items written for the latest version: [pk, sk, n?]. */
  ix: [string, string, string?][];
  /** The upload that created the document, which has no upload item of its own. */
  first?: UploadMeta;
};

type HeadItem = { pk: string; sk: 'HEAD'; rev: number; z: Uint8Array };
type Head = { rev: number; body: HeadBody };
type DocState = { head?: Head; items: UploadItem[]; uploads: UploadMeta[] };

export class StoreContention extends Error {
  constructor(id: string) {
    super(`document ${id}: too many concurrent writers, try again`);
    this.name = 'StoreContention';
  }
}

const HEAD = 'HEAD';
const HEAD_FORMAT = 1; // first byte of `z`: deflate-raw of the JSON body, with HEAD_DICTIONARY_V1
const dictionary = Buffer.from(HEAD_DICTIONARY_V1, 'utf8');
/** Per attempt, for the records the write path reads back from the archive bucket (a few KB each). */
const ARCHIVE_READ_TIMEOUT_MS = 2000;
const MAX_CANDIDATES_PER_PAGE = 1000; // bounds the work of one query page when filters reject many candidates
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hashOf = (s: string) => createHash('sha256').update(s).digest('hex');
const isConditionFailure = (e: unknown) =>
  e instanceof ConditionalCheckFailedException || (e as { name?: string }).name === 'ConditionalCheckFailedException';

/**
 * HEAD's body, compressed: records are JSON with much repetition, and every KB written is a write unit
 * (measured: a 3.5 KB record makes a 1.2 KB HEAD; HEAD is read by every search, 4 KB per read unit).
 */
export const encodeHeadBody = (body: HeadBody): Uint8Array =>
  Buffer.concat([
    Buffer.from([HEAD_FORMAT]),
    deflateRawSync(Buffer.from(JSON.stringify(body), 'utf8'), { level: 9, dictionary }),
  ]);

export const decodeHeadBody = (z: Uint8Array): HeadBody => {
  if (z[0] !== HEAD_FORMAT) throw new Error(`HEAD item in unknown format ${z[0]}`);
  return JSON.parse(inflateRawSync(z.subarray(1), { dictionary }).toString('utf8')) as HeadBody;
};

const itemKey = (i: Pick<IndexItem, 'pk' | 'sk'>) => `${i.pk}\u0000${i.sk}`;
const signature = (i: IndexItem | null | undefined) => (i ? `${i.pk}\u0000${i.sk}\u0000${i.n ?? ''}` : '');
const toEntry = (i: IndexItem): [string, string, string?] => (i.n === undefined ? [i.pk, i.sk] : [i.pk, i.sk, i.n]);
const fromEntry = ([pk, sk, n]: [string, string, string?]): IndexItem => (n === undefined ? { pk, sk } : { pk, sk, n });

/** An item this writer (or a crashed earlier attempt of the same delivery) may have left in any state. */
const UNKNOWN = Symbol('unknown');
type Touched = Map<string, IndexItem | null | typeof UNKNOWN>;

/** Versions from uploads: in upload order, an upload starts a new version unless its bytes repeat the previous upload's. */
const derive = (uploads: UploadMeta[]) => {
  const sorted = [...uploads].sort((a, b) =>
    a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0,
  );
  const versionOf = new Map<string, number>();
  const starts = new Map<string, number>();
  let n = 0;
  let previousSha: string | null = null;
  let latest = sorted[0];
  for (const u of sorted) {
    if (u.sha256 !== previousSha) {
      n += 1;
      starts.set(u.sk, n);
      latest = u;
    }
    versionOf.set(u.sk, n);
    previousSha = u.sha256;
  }
  return { sorted, versionOf, start: (sk: string) => starts.get(sk) ?? 0, latest, versions: n };
};

/** What a writer knows about the upload it is storing. */
type Mine = { meta: UploadMeta; record: ArchiveRecord };

type ReconcileContext = {
  /** The upload this writer stores (new, or replacing its record): its metadata and record win. */
  mine?: Mine;
  /** The sort key of the upload this writer delivers (for repair). */
  self?: string;
  /** The state read just before this writer's own upload item was created (saves a read). */
  state?: DocState;
  /** Index items this writer wrote or deleted, across attempts. */
  touched?: Touched;
  /** Rewrite every index item of the latest version, and delete what newer uploads could have written. */
  repair?: boolean;
};

export class DocumentStore {
  readonly capacity = { writeUnits: 0, readUnits: 0 };
  private readonly ddb: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly archive: ArchiveBucket;
  private readonly cursorKey: string | Uint8Array;
  private readonly maxAttempts: number;
  /** Organization alias items known to exist (they are never deleted). */
  private readonly aliases = new Set<string>();

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
    const recordHash = hashOf(JSON.stringify({ ...record, version: 1 })).slice(0, 32);
    const meta: UploadMeta = {
      sk,
      orderKey: uploadOrderKey(record.source),
      slug,
      sha256: record.source.sha256,
      status: record.status,
      uploadedAt: record.source.uploadedAt,
      title: record.title,
      recordHash,
    };
    const mine: Mine = { meta, record };
    const touched: Touched = new Map();

    let state = await this.readDoc(id, true);
    let existing = state.uploads.find((u) => u.sk === sk);
    // Before any index item of this record exists: an organization indexed under its acronym must
    // be found by its name too.
    await this.ensureAliases(record);
    let outcome: SaveOutcome['outcome'];
    let archived: number | null = null; // the version number the archive object was written with
    let repair = false;

    if (!existing) {
      // The version this upload will most likely get, so that the archive object is written once.
      const predicted = derive([...state.uploads, meta]);
      meta.v = predicted.start(sk);
      archived = predicted.versionOf.get(sk) ?? 1;
      // The record and text before HEAD or an upload item names this upload.
      const archivedNow = this.archive.putVersion(id, slug, { ...record, version: archived }, text);
      if (!state.head && state.uploads.length === 0) {
        const created = await this.createDocument(mine, touched, archivedNow);
        if (created) return { id, version: 1, outcome: 'created', latest: true };
        state = await this.readDoc(id, true); // another writer created the document first
        existing = state.uploads.find((u) => u.sk === sk);
      } else await archivedNow;
    }

    if (!existing) {
      // An earlier attempt of this delivery may have written this upload's index items and died
      // before creating HEAD: count them as touched, so that they go if another version is the latest.
      for (const item of indexItemsFor({ ...record, version: 1 }))
        if (!touched.has(itemKey(item))) touched.set(itemKey(item), item);
      try {
        await this.write(
          new PutCommand({
            TableName: this.table,
            Item: { pk: docPk(id), ...meta },
            ConditionExpression: 'attribute_not_exists(sk)',
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        outcome = 'created';
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        outcome = 'duplicate'; // a concurrent delivery of the same event won the race
        repair = true;
        state = await this.readDoc(id, true);
      }
    } else if (opts.replace && existing.recordHash !== recordHash) {
      const version = derive(state.uploads).versionOf.get(sk) ?? 1;
      await this.archive.putVersion(id, slug, { ...record, version }, text);
      archived = version;
      if (state.items.some((u) => u.sk === sk))
        await this.write(
          new UpdateCommand({
            TableName: this.table,
            Key: { pk: docPk(id), sk },
            UpdateExpression: 'SET recordHash = :h, #s = :s, title = :t',
            ConditionExpression: 'attribute_exists(sk)',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':h': recordHash, ':s': record.status, ':t': record.title },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
      // (the first upload's metadata lives on HEAD: reconcile commits it from `mine`)
      outcome = 'replaced';
    } else {
      // Already stored: a duplicate delivery, or the retry of an attempt that died half way. If the
      // committed HEAD saw every upload there is, this one was committed; otherwise it is a retry.
      outcome = state.head && state.head.body.uploads >= state.uploads.length ? 'duplicate' : 'created';
      repair = true;
    }

    const result = await this.reconcile(id, {
      mine: outcome === 'replaced' || !existing ? mine : undefined,
      self: sk,
      state: outcome === 'created' && !existing ? state : undefined,
      touched,
      repair,
    });
    const version = result.versionOf.get(sk) ?? 0;
    if (outcome === 'created' && result.start(sk) === 0) outcome = 'unchanged';
    // The archive object says the version predicted before the upload was recorded; rewrite it in the
    // rare case (a concurrent or late upload of the same key) where that was not the truth.
    if (archived !== null && archived !== version && version > 0)
      await this.archive.putVersion(id, slug, { ...record, version }, text);
    return { id, version, outcome, latest: result.versions === version };
  }

  /**
   * A document's first upload: its index items, then HEAD (condition: no HEAD yet). False when
   * another writer created the document first (the items written are in `touched`).
   */
  private async createDocument(mine: Mine, touched: Touched, archived: Promise<void>): Promise<boolean> {
    const { meta } = mine;
    const record = this.parseRecord(mine.record, 1);
    const items = indexItemsFor(record);
    for (const item of items) touched.set(itemKey(item), item);
    // The archive object and the index items in parallel; both before HEAD.
    await Promise.all([archived, this.batchWrite(items.map((Item) => ({ PutRequest: { Item } })))]);
    const body = firstHeadBody(record, { ...meta, v: 1 }, items);
    try {
      await this.write(
        new PutCommand({
          TableName: this.table,
          Item: { pk: docPk(record.id), sk: HEAD, rev: 1, z: encodeHeadBody(body) } satisfies HeadItem,
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      return true;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      return false;
    }
  }

  /**
   * Bring a document's derived state in line with its uploads. Idempotent; safe to run
   * concurrently with other writers of the same document.
   */
  async reconcile(
    id: string,
    ctx: ReconcileContext = {},
  ): Promise<{
    uploads: UploadMeta[];
    versionOf: Map<string, number>;
    start: (sk: string) => number;
    versions: number;
  }> {
    const pk = docPk(id);
    const touched: Touched = ctx.touched ?? new Map();
    const mine = ctx.mine;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const state = attempt === 1 && ctx.state ? ctx.state : await this.readDoc(id, true);
      const head = state.head;
      const uploads = state.uploads.map((u) => ({ ...u }));
      const uploadItems = state.items.map((u) => ({ ...u }));
      if (mine) {
        const at = uploads.findIndex((u) => u.sk === mine.meta.sk);
        if (at < 0) {
          // Its upload item was created after `state` was read.
          uploads.push({ ...mine.meta });
          uploadItems.push({ pk, ...mine.meta });
        } else {
          const { recordHash, status, title } = mine.meta;
          uploads[at] = { ...uploads[at], recordHash, status, title };
        }
      }
      const d = derive(uploads);
      if (uploads.length === 0) return { uploads, versionOf: d.versionOf, start: d.start, versions: 0 };

      let writes = 0;
      for (const u of uploadItems) {
        const v = d.start(u.sk);
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

      const latest = d.latest;
      const record = this.parseRecord(await this.recordOf(id, latest, head, mine), d.versions);
      const desired = new Map(indexItemsFor(record).map((i) => [itemKey(i), i]));
      const committed = new Map((head?.body.ix ?? []).map((e) => [itemKey(fromEntry(e)), fromEntry(e)]));
      if (ctx.repair && attempt === 1) {
        for (const k of desired.keys()) if (!touched.has(k)) touched.set(k, UNKNOWN);
        for (const item of await this.newerIndexItems(id, ctx.self, d, mine))
          if (!touched.has(itemKey(item))) touched.set(itemKey(item), UNKNOWN);
      }

      // What each item is now: what HEAD lists, unless this writer touched it (then HEAD may not know).
      const puts: IndexItem[] = [];
      const deletes: IndexItem[] = [];
      for (const k of new Set([...desired.keys(), ...committed.keys(), ...touched.keys()])) {
        const c = committed.get(k) ?? null;
        let now: IndexItem | null | typeof UNKNOWN = c;
        if (touched.has(k)) {
          const t = touched.get(k) as IndexItem | null | typeof UNKNOWN;
          now = t !== UNKNOWN && signature(t) === signature(c) ? c : UNKNOWN;
        }
        const want = desired.get(k);
        if (want) {
          if (now === UNKNOWN || signature(now) !== signature(want)) puts.push(want);
        } else if (now !== null) {
          const [ipk, isk] = k.split('\u0000');
          deletes.push({ pk: ipk, sk: isk });
        }
      }
      // Puts before deletes: a document is never missing from an index it stays in.
      await this.batchWrite(puts.map((Item) => ({ PutRequest: { Item } })));
      for (const item of puts) touched.set(itemKey(item), item);
      await this.batchWrite(deletes.map((c) => ({ DeleteRequest: { Key: { pk: c.pk, sk: c.sk } } })));
      for (const item of deletes) touched.set(itemKey(item), null);
      writes += puts.length + deletes.length;

      const firstSk = head?.body.first?.sk;
      const first = firstSk
        ? uploads.find((u) => u.sk === firstSk && !uploadItems.some((i) => i.sk === firstSk))
        : undefined;
      const body: HeadBody = {
        record,
        latest: latest.sk,
        slug: latest.slug,
        hash: latest.recordHash,
        versions: d.versions,
        uploads: uploads.length,
        ix: [...desired.values()].map(toEntry),
        first: first ? { ...first, v: d.start(first.sk) } : undefined,
      };
      const result = { uploads, versionOf: d.versionOf, start: d.start, versions: d.versions };
      if (head && writes === 0 && sameBody(head.body, body)) return result;

      try {
        await this.write(
          new PutCommand({
            TableName: this.table,
            Item: { pk, sk: HEAD, rev: (head?.rev ?? 0) + 1, z: encodeHeadBody(body) } satisfies HeadItem,
            ConditionExpression: head ? 'rev = :rev' : 'attribute_not_exists(pk)',
            ExpressionAttributeValues: head ? { ':rev': head.rev } : undefined,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        return result;
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        // Another writer committed first: start over from its state, after a jittered pause.
        await sleep(Math.random() * Math.min(200, 10 * 2 ** attempt));
      }
    }
    throw new StoreContention(id);
  }

  /** The record an upload was stored with: from memory, from HEAD, else from the archive bucket. */
  private async recordOf(id: string, u: UploadMeta, head: Head | undefined, mine: Mine | undefined): Promise<unknown> {
    if (mine && mine.meta.sk === u.sk && mine.meta.recordHash === u.recordHash) return mine.record;
    if (head && head.body.latest === u.sk && head.body.hash === u.recordHash) return head.body.record;
    const archived = await this.archive.getRecord(id, u.slug, { timeoutMs: ARCHIVE_READ_TIMEOUT_MS });
    if (archived === null) throw new Error(`document ${id}: upload ${u.sk} has no record in the archive bucket`);
    return archived;
  }

  /**
   * Index items that the uploads from `mine` on (in upload order), other than the latest, would
   * have: what an earlier, crashed attempt of this delivery could have written. Empty in the common
   * case, where this upload is the latest.
   */
  private async newerIndexItems(
    id: string,
    self: string | undefined,
    d: ReturnType<typeof derive>,
    mine: Mine | undefined,
  ): Promise<IndexItem[]> {
    const from = self ? d.sorted.findIndex((u) => u.sk === self) : -1;
    if (from < 0) return [];
    const items: IndexItem[] = [];
    for (const u of d.sorted.slice(from)) {
      if (u.sk === d.latest.sk || d.start(u.sk) === 0) continue;
      const record = this.parseRecord(await this.recordOf(id, u, undefined, mine), 1);
      items.push(...indexItemsFor(record));
    }
    return items;
  }

  // ---------------------------------------------------------------- reads

  async getLatest(id: string): Promise<ArchiveRecord | null> {
    const head = await this.getHead(id);
    return head ? this.parseRecord(head.body.record, head.body.versions) : null;
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
    const state = await this.readDoc(id, false);
    const start = this.starts(state).find((u) => u.v === version);
    if (!start) return null;
    const body = state.head?.body;
    if (body && body.latest === start.sk && body.hash === start.recordHash)
      return this.parseRecord(body.record, version);
    const archived = await this.archive.getRecord(id, start.slug);
    return archived ? this.parseRecord(archived, version) : null;
  }

  /** The normalized text of the latest version, or of version `version`. */
  async getText(id: string, version?: number): Promise<string | null> {
    let slug: string | undefined;
    if (version === undefined) slug = (await this.getHead(id))?.body.slug;
    else slug = (await this.versionStarts(id)).find((u) => u.v === version)?.slug;
    return slug ? this.archive.getText(id, slug) : null;
  }

  /**
   * Records whose latest version matches every filter, newest meeting first. Walks the index items
   * of one term (the most selective filter; for an organization's name, also the acronyms it is
   * indexed under, merged in sort-key order) and re-checks each candidate against its latest record;
   * throws InvalidCursor for a cursor that was not issued for these filters.
   */
  async search(filters: SearchFilters, page: { limit: number; cursor?: string }): Promise<SearchPage> {
    const key = drivingKey(filters);
    const fingerprint = hashOf(
      JSON.stringify([
        key?.pk,
        key?.prefix,
        filters.from,
        filters.to,
        filters.participant && foldKey(filters.participant),
        filters.organization && foldKey(filters.organization),
        filters.country && foldKey(filters.country),
        filters.status,
      ]),
    ).slice(0, 16);
    // The sort key range of the walk (within each partition walked).
    const range = (k: DrivingKey) =>
      k.dated && (filters.from || filters.to)
        ? { lo: `${k.prefix}${filters.from ?? '0000-00-01'}`, hi: `${k.prefix}${filters.to ?? '9999-12-31'}#\uffff` }
        : k.prefix
          ? { lo: k.prefix, hi: `${k.prefix}\uffff` }
          : null;
    let after: string | undefined; // the sort key of the last candidate a previous page examined
    if (page.cursor) {
      const c = decodeCursor<{ f: string; k: Record<string, string> }>(page.cursor, this.cursorKey);
      if (c?.f !== fingerprint || typeof c.k !== 'object' || c.k === null)
        throw new InvalidCursor('cursor belongs to another query');
      const r = key && range(key);
      if (!key || typeof c.k.sk !== 'string' || (r && (c.k.sk < r.lo || c.k.sk > r.hi))) throw new InvalidCursor();
      after = c.k.sk;
    }
    // A filter that folds to a longer key than DynamoDB allows (NFKD expands "㍿" to four letters), or to
    // nothing at all, can match nothing; asking DynamoDB would be a ValidationException, not an empty page.
    if (!key) return { items: [], cursor: null };
    const keys = [key];
    if (filters.organization && !filters.participant && key.pk.startsWith('O#'))
      for (const acronym of await this.acronymsOf(filters.organization))
        if (`O#${acronym}` !== key.pk) keys.push({ ...key, pk: `O#${acronym}` });

    // One stream of index items per partition, newest first, each read a page at a time.
    const batch = Math.min(200, page.limit * 2 + 5);
    const streams = keys.map((k) => {
      const values: Record<string, string> = { ':p': k.pk };
      let condition = 'pk = :p';
      const r = range(k);
      if (r && k.dated && (filters.from || filters.to)) {
        condition += ' AND sk BETWEEN :lo AND :hi';
        Object.assign(values, { ':lo': r.lo, ':hi': r.hi });
      } else if (k.prefix) {
        condition += ' AND begins_with(sk, :pre)';
        values[':pre'] = k.prefix;
      }
      return {
        input: { KeyConditionExpression: condition, ExpressionAttributeValues: values },
        buffer: [] as IndexItem[],
        next: after === undefined ? undefined : ({ pk: k.pk, sk: after } as Record<string, unknown> | undefined),
        done: false,
      };
    });
    const fill = async (st: (typeof streams)[number]) => {
      if (st.buffer.length > 0 || st.done) return;
      const out = await this.ddb.send(
        new QueryCommand({
          TableName: this.table,
          ...st.input,
          ProjectionExpression: 'pk, sk',
          ScanIndexForward: false,
          Limit: batch,
          ExclusiveStartKey: st.next,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.count(out.ConsumedCapacity, 'read');
      st.buffer = (out.Items ?? []) as IndexItem[];
      st.next = out.LastEvaluatedKey;
      st.done = out.LastEvaluatedKey === undefined;
    };
    let last: string | undefined = after;
    /** The next candidates in sort key order (newest first), each document once. */
    const take = async (n: number): Promise<IndexItem[]> => {
      const out: IndexItem[] = [];
      while (out.length < n) {
        await Promise.all(streams.map(fill));
        let best: (typeof streams)[number] | undefined;
        for (const st of streams) if (st.buffer.length > 0 && (!best || st.buffer[0].sk > best.buffer[0].sk)) best = st;
        if (!best) break;
        const c = best.buffer.shift() as IndexItem;
        if (c.sk === last) continue; // the same document under an organization's name and its acronym
        last = c.sk;
        out.push(c);
      }
      return out;
    };
    const more = () => streams.some((st) => st.buffer.length > 0 || !st.done);

    const items: ArchiveRecord[] = [];
    let examined = 0;
    for (;;) {
      // Fetch only as many records as the page still needs; more only when the re-check rejects some.
      const candidates = await take(Math.max(1, page.limit - items.length));
      if (candidates.length === 0) return { items, cursor: null };
      const records = await this.latestRecords(candidates.map(idOfIndexItem));
      for (const [i, c] of candidates.entries()) {
        examined++;
        const r = records.get(idOfIndexItem(c));
        if (r && matchesFilters(r, filters)) items.push(r);
        if (items.length === page.limit) {
          const rest = i < candidates.length - 1 || more();
          return { items, cursor: rest ? this.cursorFor(fingerprint, c.sk) : null };
        }
      }
      if (!more()) return { items, cursor: null };
      if (examined >= MAX_CANDIDATES_PER_PAGE) return { items, cursor: this.cursorFor(fingerprint, last ?? '') };
    }
  }

  /**
   * Participants with a name word that `prefix` starts (see directoryPlan), with how many documents
   * name them, read from the participant index items.
   */
  async participants(prefix: string, limit: number): Promise<ParticipantEntry[]> {
    const plan = directoryPlan(prefix);
    if (!plan) return [];
    const found = new Map<string, { entry: ParticipantEntry; docs: Set<string> }>();
    let full = false;
    let fullAtToken: string | null = null;
    for (const range of plan.ranges) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const out = await this.ddb.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'pk = :p AND begins_with(sk, :b)',
            ExpressionAttributeValues: { ':p': range.pk, ':b': range.begins },
            ExclusiveStartKey: startKey,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        this.count(out.ConsumedCapacity, 'read');
        for (const it of (out.Items ?? []) as IndexItem[]) {
          const token = it.sk.slice(0, it.sk.indexOf('#'));
          // Once the list is full, read on to the end of the token it filled on: every document of a
          // person found there has an item under that token, so their counts are then complete.
          if (full && token !== fullAtToken) return [...found.values()].map((f) => f.entry);
          const id = idOfIndexItem(it);
          for (const name of (it.n ?? '').split('\n')) {
            if (!name || !plan.matches(name)) continue;
            const key = foldKey(name);
            const f = found.get(key);
            if (f) {
              if (!f.docs.has(id)) {
                f.docs.add(id);
                f.entry.documents++;
              }
            } else if (!full) {
              found.set(key, { entry: { name, key, documents: 1 }, docs: new Set([id]) });
              if (found.size >= limit) {
                full = true;
                fullAtToken = token;
              }
            }
          }
        }
        startKey = out.LastEvaluatedKey;
      } while (startKey);
      if (full) break;
    }
    return [...found.values()].map((f) => f.entry);
  }

  /** Every document id: processed documents (one date item each), then rejected ones. */
  async *allDocumentIds(): AsyncGenerator<string> {
    for (const partition of [DATE_TERM, REJECTED_TERM]) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const out = await this.ddb.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': partition },
            ProjectionExpression: 'sk',
            ScanIndexForward: false,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const it of (out.Items ?? []) as IndexItem[]) yield idOfIndexItem(it);
        startKey = out.LastEvaluatedKey;
      } while (startKey);
    }
  }

  /** Is this S3 upload stored? (reconcile uses it to find missed objects) */
  async hasUpload(id: string, source: Parameters<typeof uploadIdentity>[0]): Promise<boolean> {
    const sk = `U#${uploadIdentity(source)}`;
    return (await this.readDoc(id, false)).uploads.some((u) => u.sk === sk);
  }

  /**
   * The sort key (`U#<identity>`) of every upload stored for a document: its upload items, and the
   * first upload, which HEAD carries instead of an item of its own.
   */
  async uploadKeys(id: string): Promise<string[]> {
    const state = await this.readDoc(id, true);
    const keys = state.items.map((u) => u.sk);
    const first = state.head?.body.first;
    if (first) keys.push(first.sk);
    return keys;
  }

  /** The keys of the index items HEAD lists for a document (what its latest version is indexed under). */
  async indexItemsOf(id: string): Promise<IndexItem[]> {
    const head = (await this.readDoc(id, true)).head;
    return (head?.body.ix ?? []).map(fromEntry);
  }

  // ---------------------------------------------------------------- helpers

  private cursorFor(fingerprint: string, sk: string): string {
    return encodeCursor({ f: fingerprint, k: { sk } }, this.cursorKey);
  }

  /** HEAD and the upload items of a document: one Query of its partition. */
  private async readDoc(id: string, consistent: boolean): Promise<DocState> {
    const found = await this.queryAll<UploadItem | HeadItem>({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': docPk(id) },
      ConsistentRead: consistent,
    });
    let head: Head | undefined;
    const items: UploadItem[] = [];
    for (const it of found) {
      if (it.sk === HEAD) head = { rev: (it as HeadItem).rev, body: decodeHeadBody((it as HeadItem).z) };
      else if (it.sk.startsWith('U#')) items.push(it as UploadItem);
    }
    const first = head?.body.first;
    const uploads: UploadMeta[] = [...items];
    if (first && !items.some((u) => u.sk === first.sk)) uploads.push(first);
    return { head, items, uploads };
  }

  private starts(state: DocState): UploadMeta[] {
    return state.uploads.filter((u) => (u.v ?? 0) > 0).sort((a, b) => (a.v ?? 0) - (b.v ?? 0));
  }

  private async versionStarts(id: string): Promise<UploadMeta[]> {
    return this.starts(await this.readDoc(id, false));
  }

  private async getHead(id: string): Promise<Head | undefined> {
    const out = await this.ddb.send(
      new GetCommand({ TableName: this.table, Key: { pk: docPk(id), sk: HEAD }, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.count(out.ConsumedCapacity, 'read');
    const item = out.Item as HeadItem | undefined;
    return item ? { rev: item.rev, body: decodeHeadBody(item.z) } : undefined;
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
            RequestItems: { [this.table]: { Keys: keys, ProjectionExpression: 'pk, z' } },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        for (const c of out.ConsumedCapacity ?? []) this.count(c, 'read');
        for (const h of (out.Responses?.[this.table] ?? []) as HeadItem[]) {
          const body = decodeHeadBody(h.z);
          result.set(h.pk.slice(4), this.parseRecord(body.record, body.versions));
        }
        keys = (out.UnprocessedKeys?.[this.table]?.Keys ?? []) as Record<string, unknown>[];
        if (attempt > 8 && keys.length > 0) throw new Error('BatchGetItem kept returning unprocessed keys');
      }
    }
    return result;
  }

  private parseRecord(record: unknown, version: number): ArchiveRecord {
    return archiveRecordSchema.parse({ ...(record as object), version });
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

  /** BatchWriteItem in chunks of 25 (in parallel), retrying unprocessed items with backoff. Returns the request count. */
  private async batchWrite(requests: Record<string, unknown>[]): Promise<number> {
    const chunks: Record<string, unknown>[][] = [];
    for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
    await Promise.all(chunks.map((chunk) => this.batchWriteChunk(chunk)));
    return requests.length;
  }

  private async batchWriteChunk(chunk: Record<string, unknown>[]): Promise<void> {
    {
      let pending = chunk;
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
  }

  /** Write the alias items this record's organizations need, unless known to exist. */
  private async ensureAliases(record: ArchiveRecord): Promise<void> {
    const missing = aliasItemsFor(record).filter((a) => !this.aliases.has(itemKey(a)));
    if (missing.length === 0) return;
    const found = await this.ddb.send(
      new BatchGetCommand({
        RequestItems: { [this.table]: { Keys: missing.map((a) => ({ pk: a.pk, sk: a.sk })) } },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    for (const c of found.ConsumedCapacity ?? []) this.count(c, 'read');
    for (const a of (found.Responses?.[this.table] ?? []) as IndexItem[]) this.aliases.add(itemKey(a));
    const absent = missing.filter((a) => !this.aliases.has(itemKey(a)));
    await this.batchWrite(absent.map((Item) => ({ PutRequest: { Item } })));
    for (const a of absent) this.aliases.add(itemKey(a));
  }

  /** The acronyms an organization name is indexed under (alias items). */
  private async acronymsOf(organization: string): Promise<string[]> {
    const pk = aliasPartition(organization);
    if (Buffer.byteLength(pk, 'utf8') > 2048 || pk === 'A#') return [];
    const found = await this.queryAll<IndexItem>({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': pk },
    });
    return found.map((a) => a.sk);
  }

  private count(c: ConsumedCapacity | undefined, kind: 'read' | 'write' = 'read'): void {
    if (!c?.CapacityUnits) return;
    if (kind === 'write') this.capacity.writeUnits += c.CapacityUnits;
    else this.capacity.readUnits += c.CapacityUnits;
  }
}

/** Would committing `next` change nothing that HEAD says (the record itself is named by its hash)? */
const sameBody = (a: HeadBody, b: HeadBody): boolean =>
  a.record.version === b.record.version &&
  JSON.stringify({ ...a, record: null }) === JSON.stringify({ ...b, record: null });

/** HEAD of a document whose one upload is `first` (the write path's first upload, and the bench's seeding). */
const firstHeadBody = (record: ArchiveRecord, first: UploadMeta, items: IndexItem[]): HeadBody => ({
  record,
  latest: first.sk,
  slug: first.slug,
  hash: first.recordHash,
  versions: 1,
  uploads: 1,
  ix: items.map(toEntry),
  first,
});

/**
 * The items a document with one upload has, exactly as the store writes them: HEAD, its index items
 * and the organization aliases it needs (shared with other documents: write each once). For seeding
 * a table in benchmarks without going through the write path.
 */
export const itemsForFirstUpload = (record: ArchiveRecord): Record<string, unknown>[] => {
  const identity = uploadIdentity(record.source);
  const r = archiveRecordSchema.parse({ ...record, version: 1 });
  const meta: UploadMeta = {
    sk: `U#${identity}`,
    orderKey: uploadOrderKey(record.source),
    slug: uploadSlug(identity, record.source.uploadedAt),
    sha256: record.source.sha256,
    status: record.status,
    uploadedAt: record.source.uploadedAt,
    title: record.title,
    recordHash: hashOf(JSON.stringify(r)).slice(0, 32),
    v: 1,
  };
  const items = indexItemsFor(r);
  const body = firstHeadBody(r, meta, items);
  return [{ pk: docPk(record.id), sk: HEAD, rev: 1, z: encodeHeadBody(body) }, ...items, ...aliasItemsFor(r)];
};

/** The latest record a HEAD item holds (for benchmarks that read the table directly). */
export const recordOfHeadItem = (item: Record<string, unknown>): ArchiveRecord => {
  const body = decodeHeadBody(item.z as Uint8Array);
  return archiveRecordSchema.parse({ ...body.record, version: body.versions });
};

export { DATE_TERM, InvalidCursor };
