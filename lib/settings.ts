// The deployment settings of the stack, read from CDK context (`-c key=value` or cdk.json).
// Values given on the command line arrive as strings, so every number is parsed and checked here,
// and a bad value stops the synth with a message that names the setting.
import type { Node } from 'constructs';

export type Stage = 'dev' | 'prod';

export interface ArchiveSettings {
  /** `prod` keeps buckets, table and key on stack deletion and turns on deletion protection. */
  readonly stage: Stage;
  /** E-mail address subscribed to the alarm topic (none when unset). */
  readonly alarmEmail?: string;
  /** Days after which noncurrent object versions in the drop and archive buckets expire. */
  readonly noncurrentVersionDays: number;
  /** Only objects whose key starts with this prefix are ingested. */
  readonly prefix?: string;
  /** Only objects whose key ends with this suffix are ingested. */
  readonly suffix?: string;
  /** Reserved concurrency of the ingest function (none when unset). */
  readonly ingestConcurrency?: number;
  /** Largest document the ingest function accepts, in bytes. */
  readonly maxDocumentBytes: number;
  /** Steady-state requests per second of the query API. */
  readonly apiRateLimit: number;
  /** Burst of requests the query API accepts. */
  readonly apiBurstLimit: number;
  /** Alarm when the oldest message of the ingest queue is older than this. */
  readonly queueAgeAlarmSeconds: number;
  /** Log level passed to the functions (`LOG_LEVEL`). */
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Retention of the CloudWatch log groups (functions and API access logs), in days. */
  readonly logRetentionDays: number;
  /** Days after which S3 server access logs expire in the log bucket. */
  readonly accessLogExpirationDays: number;
}

export const DEFAULT_SETTINGS = {
  stage: 'dev',
  noncurrentVersionDays: 365,
  maxDocumentBytes: 10_485_760,
  apiRateLimit: 50,
  apiBurstLimit: 100,
  queueAgeAlarmSeconds: 900,
  logLevel: 'INFO',
  logRetentionDays: 30,
  accessLogExpirationDays: 90,
} as const satisfies Partial<ArchiveSettings>;

/** Retention periods CloudWatch Logs accepts (days). */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;

type Lookup = (key: string) => unknown;

const text = (get: Lookup, key: string): string | undefined => {
  const value = get(key);
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
};

const integer = (get: Lookup, key: string, min: number, max: number): number | undefined => {
  const raw = text(get, key);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`context ${key}=${raw}: expected a whole number from ${min} to ${max}`);
  }
  return n;
};

/** Reads and checks the settings from a lookup function (tests pass a plain object's getter). */
export const parseSettings = (get: Lookup): ArchiveSettings => {
  const stage = text(get, 'stage') ?? DEFAULT_SETTINGS.stage;
  if (stage !== 'dev' && stage !== 'prod') {
    throw new Error(`context stage=${stage}: expected dev or prod`);
  }
  const alarmEmail = text(get, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) {
    throw new Error(`context alarmEmail=${alarmEmail}: expected an e-mail address`);
  }
  const logLevel = (text(get, 'logLevel') ?? DEFAULT_SETTINGS.logLevel).toUpperCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new Error(`context logLevel=${logLevel}: expected one of ${LOG_LEVELS.join(', ')}`);
  }
  const logRetentionDays = integer(get, 'logRetentionDays', 1, 3653) ?? DEFAULT_SETTINGS.logRetentionDays;
  if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    throw new Error(`context logRetentionDays=${logRetentionDays}: expected one of ${LOG_RETENTION_DAYS.join(', ')}`);
  }
  const apiRateLimit = integer(get, 'apiRateLimit', 1, 10_000) ?? DEFAULT_SETTINGS.apiRateLimit;
  const apiBurstLimit = integer(get, 'apiBurstLimit', 1, 5_000) ?? DEFAULT_SETTINGS.apiBurstLimit;
  return {
    stage,
    alarmEmail,
    noncurrentVersionDays: integer(get, 'noncurrentVersionDays', 1, 36_500) ?? DEFAULT_SETTINGS.noncurrentVersionDays,
    prefix: text(get, 'prefix'),
    suffix: text(get, 'suffix'),
    // At least 2: the SQS event source's maximum concurrency (set to the same value) cannot be lower.
    ingestConcurrency: integer(get, 'ingestConcurrency', 2, 1000),
    maxDocumentBytes: integer(get, 'maxDocumentBytes', 1, 1_073_741_824) ?? DEFAULT_SETTINGS.maxDocumentBytes,
    apiRateLimit,
    apiBurstLimit,
    queueAgeAlarmSeconds: integer(get, 'queueAgeAlarmSeconds', 60, 1_209_600) ?? DEFAULT_SETTINGS.queueAgeAlarmSeconds,
    logLevel: logLevel as ArchiveSettings['logLevel'],
    logRetentionDays,
    accessLogExpirationDays:
      integer(get, 'accessLogExpirationDays', 1, 36_500) ?? DEFAULT_SETTINGS.accessLogExpirationDays,
  };
};

/** The settings of an app or stack, from its CDK context. */
export const settingsFromContext = (node: Node): ArchiveSettings => parseSettings((key) => node.tryGetContext(key));
