// The stack as `cdk synth` builds it with no context beyond cdk.json (stage dev, all defaults).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { registerSecurityChecks } from './security-checks';
import { ids, registerCommonChecks } from './stack-checks';
import { resourcesOfType, type Synthesized, synth } from './synth';

describe('MeetingArchive-dev (defaults)', () => {
  let s: Synthesized;
  before(() => {
    s = synth();
  });
  after(() => s?.cleanup());

  it('is named after the stage', () => {
    assert.equal(s.stack.stackName, 'MeetingArchive-dev');
  });

  registerCommonChecks(() => s, {
    stage: 'dev',
    noncurrentVersionDays: 365,
    maxDocumentBytes: 10_485_760,
    apiRateLimit: 50,
    apiBurstLimit: 100,
    queueAgeAlarmSeconds: 900,
  });

  registerSecurityChecks(() => s);

  it('destroys buckets (emptied by auto-delete) and the table with the stack', () => {
    const i = ids(s);
    for (const id of [i.drop, i.archive, i.logs, i.table]) {
      assert.equal(s.json.Resources[id].DeletionPolicy, 'Delete', id);
      assert.equal(s.json.Resources[id].UpdateReplacePolicy, 'Delete', id);
    }
    const autoDelete = resourcesOfType(s.json, 'Custom::S3AutoDeleteObjects').map(([, r]) => r.Properties?.BucketName);
    assert.deepEqual(
      autoDelete.map((b) => JSON.stringify(b)).sort(),
      [i.drop, i.archive, i.logs].map((b) => JSON.stringify({ Ref: b })).sort(),
    );
  });

  it('has no reserved concurrency and no e-mail subscription by default', () => {
    assert.equal(s.json.Resources[ids(s).ingestFn].Properties?.ReservedConcurrentExecutions, undefined);
    s.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
