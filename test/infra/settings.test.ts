// Context settings: defaults, parsing of command-line strings, and clear errors for bad values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, parseSettings } from '../../lib/settings';

const from = (context: Record<string, string>) => parseSettings((key) => context[key]);

describe('settings from CDK context', () => {
  it('defaults to dev with the documented values', () => {
    assert.deepEqual(from({}), {
      stage: 'dev',
      alarmEmail: undefined,
      noncurrentVersionDays: 365,
      prefix: undefined,
      suffix: undefined,
      ingestConcurrency: undefined,
      maxDocumentBytes: 10_485_760,
      apiRateLimit: 50,
      apiBurstLimit: 100,
      queueAgeAlarmSeconds: 900,
      logLevel: 'INFO',
      logRetentionDays: 30,
      accessLogExpirationDays: 90,
    });
    assert.equal(DEFAULT_SETTINGS.noncurrentVersionDays, 365);
  });

  it('parses the strings that -c key=value gives', () => {
    const s = from({
      stage: 'prod',
      alarmEmail: 'ops@example.org',
      noncurrentVersionDays: '30',
      prefix: 'in/',
      suffix: '.pdf',
      ingestConcurrency: '8',
      maxDocumentBytes: '1048576',
      apiRateLimit: '5',
      apiBurstLimit: '10',
      queueAgeAlarmSeconds: '300',
      logLevel: 'debug',
      logRetentionDays: '90',
      accessLogExpirationDays: '30',
    });
    assert.equal(s.stage, 'prod');
    assert.equal(s.noncurrentVersionDays, 30);
    assert.equal(s.ingestConcurrency, 8);
    assert.equal(s.logLevel, 'DEBUG');
    assert.equal(s.queueAgeAlarmSeconds, 300);
  });

  it('treats empty values as unset', () => {
    assert.equal(from({ prefix: '', alarmEmail: ' ' }).prefix, undefined);
    assert.equal(from({ ingestConcurrency: '' }).ingestConcurrency, undefined);
  });

  it('rejects bad values with a message that names the setting', () => {
    assert.throws(() => from({ stage: 'production' }), /stage=production: expected dev or prod/);
    assert.throws(() => from({ noncurrentVersionDays: 'a year' }), /noncurrentVersionDays=a year/);
    assert.throws(() => from({ noncurrentVersionDays: '0' }), /noncurrentVersionDays=0/);
    assert.throws(() => from({ ingestConcurrency: '1' }), /ingestConcurrency=1: expected a whole number from 2/);
    assert.throws(() => from({ apiRateLimit: '2.5' }), /apiRateLimit=2.5/);
    assert.throws(() => from({ alarmEmail: 'nobody' }), /alarmEmail=nobody/);
    assert.throws(() => from({ logRetentionDays: '31' }), /logRetentionDays=31: expected one of/);
    assert.throws(() => from({ logLevel: 'LOUD' }), /logLevel=LOUD/);
  });
});
