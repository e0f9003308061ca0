// Fault injection for the reliability tests: thin Proxies around the real SDK clients that throw
// the SDK's own exception classes (or stall, or "die") before a call reaches the emulator, as the
// real services do on a bad day. Everything else is the real client talking to a real emulator.
//
// The SDK's retry middleware runs inside `send`, so an exception thrown from a wrapped `send` is
// what the store sees after the SDK gave up retrying: throttling that outlasted the retries.
import {
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { type S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { docPk, idOfIndexItem } from '../../lambdas/store/index-terms';

type Command = { constructor: { name: string }; input: Record<string, unknown> };
type Send = (command: Command, options?: { abortSignal?: AbortSignal }) => Promise<unknown>;

export const DYNAMO_WRITES = new Set(['PutCommand', 'UpdateCommand', 'DeleteCommand', 'BatchWriteCommand']);

/** Wraps a client's `send`; everything else passes through to the real client. */
export const wrapSend = <C extends object>(
  client: C,
  send: (real: Send, command: Command, options?: object) => Promise<unknown>,
): C =>
  new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      const real = ((command: Command, options?: object) =>
        (target as unknown as { send: Send }).send.call(target, command, options)) as Send;
      return (command: Command, options?: object) => send(real, command, options);
    },
  });

type Keyed = { pk?: string; sk?: string };

/**
 * The document partition (DOC#<id>) a document-client command is about, or '' when it has none. An
 * index item lives in its term's partition and ends its sort key with the document id
 * (table-schema.ts): it counts for that document. (Organization aliases, shared, count for none.)
 */
export const commandPk = (command: Command): string => {
  const input = command.input as {
    Key?: Keyed;
    Item?: Keyed;
    RequestItems?: Record<string, { PutRequest?: { Item: Keyed }; DeleteRequest?: { Key: Keyed } }[]>;
  };
  const first = Object.values(input.RequestItems ?? {})[0]?.[0];
  const key = input.Key ?? input.Item ?? first?.PutRequest?.Item ?? first?.DeleteRequest?.Key;
  if (!key?.pk) return '';
  if (key.pk.startsWith('DOC#') || key.pk.startsWith('A#') || !key.sk?.includes('#')) return key.pk;
  return docPk(idOfIndexItem({ sk: key.sk }));
};

const metadata = { httpStatusCode: 400, attempts: 5, totalRetryDelay: 2_000 };
const THROTTLES = [
  () =>
    new ProvisionedThroughputExceededException({
      message: 'The level of configured provisioned throughput for the table was exceeded (injected)',
      $metadata: metadata,
    }),
  () => new ThrottlingException({ message: 'Throughput exceeds the current capacity (injected)', $metadata: metadata }),
  () => new RequestLimitExceeded({ message: 'Throughput exceeds the account quota (injected)', $metadata: metadata }),
];

const hash = (s: string) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
};

export type Injection = { pk: string; command: string; error: string };

/**
 * Throttles one write command in `every` (default 5: 20 %) of each document, at a phase that
 * depends on the document, so that across documents every write position gets throttled. The
 * choice depends only on the document and how many writes it has seen, not on timing, so a run
 * is reproducible whatever the interleaving. Retries see their writes throttled again at the
 * same rate: the fault is transient only in that every write eventually gets through.
 */
export const throttlingDynamo = (ddb: DynamoDBDocumentClient, every = 5) => {
  const seen = new Map<string, number>();
  const injected: Injection[] = [];
  let writes = 0;
  const client = wrapSend(ddb, async (real, command, options) => {
    if (!DYNAMO_WRITES.has(command.constructor.name)) return real(command, options);
    writes++;
    const pk = commandPk(command);
    const n = seen.get(pk) ?? 0;
    seen.set(pk, n + 1);
    if (n % every === hash(pk) % every) {
      const error = THROTTLES[hash(`${pk}#${n}`) % THROTTLES.length]();
      injected.push({ pk, command: command.constructor.name, error: error.name });
      throw error;
    }
    return real(command, options);
  });
  return { client, injected, writes: () => writes };
};

/**
 * BatchWriteItem that, for every `every`-th batch of two or more requests, writes only the first
 * half and hands the rest back as UnprocessedItems, as DynamoDB does when part of a batch is
 * throttled. The store must resend them.
 */
export const partiallyThrottledBatches = (ddb: DynamoDBDocumentClient, every = 2) => {
  let batches = 0;
  let returned = 0;
  const client = wrapSend(ddb, async (real, command, options) => {
    if (command.constructor.name !== 'BatchWriteCommand') return real(command, options);
    const items = command.input.RequestItems as Record<string, unknown[]>;
    const [table, requests] = Object.entries(items)[0];
    if (requests.length < 2 || batches++ % every !== 0) return real(command, options);
    const keep = requests.slice(0, Math.ceil(requests.length / 2));
    const rest = requests.slice(keep.length);
    const Ctor = command.constructor as new (input: unknown) => Command;
    const out = (await real(new Ctor({ ...command.input, RequestItems: { [table]: keep } }), options)) as {
      UnprocessedItems?: Record<string, unknown[]>;
    };
    returned += rest.length;
    return { ...out, UnprocessedItems: { [table]: [...(out.UnprocessedItems?.[table] ?? []), ...rest] } };
  });
  return { client, returned: () => returned };
};

export type S3Fault = 'slow-down' | 'internal-error' | 'reset' | 'stall';

const s3Error = (fault: Exclude<S3Fault, 'stall'>): Error => {
  if (fault === 'reset') return Object.assign(new Error('socket hang up (injected)'), { code: 'ECONNRESET' });
  const [name, status] = fault === 'slow-down' ? ['SlowDown', 503] : ['InternalError', 500];
  return new S3ServiceException({
    name,
    $fault: 'server',
    message: `${name} (injected)`,
    $metadata: { httpStatusCode: status, attempts: 5, totalRetryDelay: 2_000 },
  });
};

/** Waits until the call's abort signal fires, as a connection that never answers would. */
const stallUntilAborted = (signal: AbortSignal | undefined): Promise<never> =>
  new Promise((_, reject) => {
    if (!signal) return; // nothing will ever end this call: the caller hangs (tests bound it)
    const abort = () =>
      reject(Object.assign(new Error('Request aborted'), { name: 'AbortError', cause: signal.reason }));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });

/**
 * GetObject that fails as `plan` says for the n-th read (0-based) of each key: an S3 5xx
 * (SlowDown, InternalError), a reset connection, or a stall that only the caller's abort signal
 * ends. Other commands pass through.
 */
export const flakyGetObject = (s3: S3Client, plan: (key: string, n: number) => S3Fault | null) => {
  const reads = new Map<string, number>();
  const injected: { key: string; fault: S3Fault }[] = [];
  const client = wrapSend(s3, async (real, command, options) => {
    if (command.constructor.name !== 'GetObjectCommand') return real(command, options);
    const key = String(command.input.Key);
    const n = reads.get(key) ?? 0;
    reads.set(key, n + 1);
    const fault = plan(key, n);
    if (!fault) return real(command, options);
    injected.push({ key, fault });
    if (fault === 'stall')
      return stallUntilAborted((options as { abortSignal?: AbortSignal } | undefined)?.abortSignal);
    throw s3Error(fault);
  });
  return { client, injected };
};

export const S3_WRITES = new Set(['PutObjectCommand', 'CopyObjectCommand', 'DeleteObjectCommand']);

/**
 * One "process" shared by a DynamoDB and an S3 client: after its k-th write (DynamoDB or S3)
 * has reached the emulator, it dies. With `dead: 'throw-once'` only that call throws (a crash
 * between two writes, the message is reported failed); with `dead: 'forever'` every later call
 * throws too (the process is gone; nothing it would still have done happens).
 */
export const dyingProcess = (
  ddb: DynamoDBDocumentClient,
  s3: S3Client,
  /** Die after the k-th write, or after the first write this predicate picks. */
  k: number | ((command: { constructor: { name: string }; input?: unknown }) => boolean),
  dead: 'throw-once' | 'forever' = 'throw-once',
) => {
  let writes = 0;
  let died = false;
  // With a predicate, the writes it picks go one at a time, so that no other such write is already on its way
  // to the server when the process dies after the first one (concurrent documents would otherwise all land).
  let picked: Promise<unknown> = Promise.resolve();
  const wrap = <C extends object>(client: C, isWrite: (name: string) => boolean) =>
    wrapSend(client, async (real, command, options) => {
      if (died && dead === 'forever') throw new Error('injected crash: the process is dead');
      if (typeof k === 'function' && k(command as { constructor: { name: string } })) {
        const turn = picked.then(async () => {
          if (died && dead === 'forever') throw new Error('injected crash: the process is dead');
          return real(command, options);
        });
        picked = turn.catch(() => undefined);
        await turn;
        writes++;
        if (!died) {
          died = true;
          throw new Error(`injected crash after write ${writes} (${command.constructor.name})`);
        }
        return turn;
      }
      const out = await real(command, options);
      if (isWrite(command.constructor.name)) {
        writes++;
        if (!died && typeof k === 'number' && writes === k) {
          died = true;
          throw new Error(`injected crash after write ${writes} (${command.constructor.name})`);
        }
      }
      return out;
    });
  return {
    ddb: wrap(ddb, (n) => DYNAMO_WRITES.has(n)),
    s3: wrap(s3, (n) => S3_WRITES.has(n)),
    writes: () => writes,
    died: () => died,
  };
};
