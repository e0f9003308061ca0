// The stack for `-c stage=prod` with every setting given on the command line (as strings).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { registerSecurityChecks } from './security-checks';
import { ids, registerCommonChecks } from './stack-checks';
import { resourcesOfType, type Synthesized, synth } from './synth';

describe('MeetingArchive-prod (all settings from context)', () => {
  let s: Synthesized;
  before(() => {
    s = synth({
      stage: 'prod',
      alarmEmail: 'archive-ops@example.org',
      noncurrentVersionDays: '30',
      prefix: 'incoming/',
      suffix: '.docx',
      ingestConcurrency: '4',
      maxDocumentBytes: '2097152',
      apiRateLimit: '20',
      apiBurstLimit: '40',
      queueAgeAlarmSeconds: '600',
    });
  });
  after(() => s?.cleanup());

  it('is named after the stage', () => {
    assert.equal(s.stack.stackName, 'MeetingArchive-prod');
  });

  registerCommonChecks(() => s, {
    stage: 'prod',
    alarmEmail: 'archive-ops@example.org',
    noncurrentVersionDays: 30,
    prefix: 'incoming/',
    suffix: '.docx',
    ingestConcurrency: 4,
    maxDocumentBytes: 2_097_152,
    apiRateLimit: 20,
    apiBurstLimit: 40,
    queueAgeAlarmSeconds: 600,
  });

  registerSecurityChecks(() => s);

  it('retains buckets, table, log groups and the alarm key, and does not auto-delete objects', () => {
    const i = ids(s);
    for (const id of [i.drop, i.archive, i.logs, i.table, i.ingestLogs, i.queryLogs]) {
      assert.equal(s.json.Resources[id].DeletionPolicy, 'Retain', id);
      assert.equal(s.json.Resources[id].UpdateReplacePolicy, 'Retain', id);
    }
    for (const [id] of resourcesOfType(s.json, 'AWS::KMS::Key')) {
      assert.equal(s.json.Resources[id].DeletionPolicy, 'Retain', id);
    }
    s.template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('turns on deletion protection for the table', () => {
    assert.equal(s.json.Resources[ids(s).table].Properties?.DeletionProtectionEnabled, true);
  });
});
