// cdk-nag (AwsSolutions) and CDK's built-in CloudFormation template validation, both on, for the
// dev stack (defaults) and the prod stack (every setting given): no violation at all, error or
// warning, and every acknowledgement is narrow, explained, and still needed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type Synthesized, synth } from './synth';

// The test runner turns template validation off for speed (CDK_VALIDATION=false); this file is
// the one that keeps it on. aws-cdk-lib reads the variable at synth time.
process.env.CDK_VALIDATION = 'true';

type Finding = { ruleName: string; severity?: string; violatingResources: { constructPath?: string }[] };

/** Every AwsSolutions finding, acknowledged or not (the pack's acknowledgement check switched off). */
const rawFindings = (s: Synthesized): Finding[] => {
  const pack = new AwsSolutionsChecks();
  Object.defineProperty(pack, 'isAcknowledged', { value: () => false });
  return pack.validateScope(s.app).violations as Finding[];
};

const acknowledgements = (s: Synthesized) =>
  s.app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([key, reason]) => ({
          construct: c,
          id: key.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );

const variants: [string, Record<string, string>][] = [
  ['dev (defaults)', {}],
  [
    'prod (all settings)',
    {
      stage: 'prod',
      alarmEmail: 'archive-ops@example.org',
      prefix: 'incoming/',
      suffix: '.txt',
      ingestConcurrency: '5',
      noncurrentVersionDays: '90',
    },
  ],
];

for (const [name, context] of variants) {
  describe(`cdk-nag and template validation: ${name}`, () => {
    let s: Synthesized;
    before(() => {
      // Throws (and fails the suite) on any unacknowledged error-level finding.
      s = synth(context, { nag: true });
    });
    after(() => s?.cleanup());

    it('writes a validation report with no violation from any plugin (errors and warnings)', () => {
      const report = JSON.parse(readFileSync(join(s.outdir, 'validation-report.json'), 'utf8'));
      const violations = report.pluginReports.flatMap((r: { pluginName: string; violations: Finding[] }) =>
        r.violations.map((v) => `${r.pluginName}: ${v.ruleName} (${v.severity})`),
      );
      assert.deepEqual(violations, []);
    });

    it('leaves no unacknowledged AwsSolutions finding when the pack runs directly', () => {
      const report = new AwsSolutionsChecks().validateScope(s.app);
      const unacknowledged = (report.violations as Finding[]).map(
        (v) => `${v.ruleName} (${v.severity}) at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      );
      assert.deepEqual(unacknowledged, []);
      assert.equal(report.success, true);
    });

    it('acknowledges only on specific constructs, with a reason, and only findings that exist', () => {
      const findings = rawFindings(s);
      const acks = acknowledgements(s);
      assert.ok(acks.length > 0);
      for (const ack of acks) {
        const path = ack.construct.node.path;
        assert.ok(
          !Stack.isStack(ack.construct) && ack.construct.node.scope,
          `${ack.id} acknowledged on a whole stack or app`,
        );
        assert.match(ack.id, /^AwsSolutions-[A-Z]+\d+(\[.+\])?$/, `${ack.id} at ${path}`);
        assert.ok(ack.reason.length >= 80, `${ack.id} at ${path} needs a real reason`);
        // IAM findings are per finding (the `[...]` part), never the whole rule.
        if (/^AwsSolutions-IAM[45]$/.test(ack.id)) assert.fail(`${ack.id} at ${path} is not narrowed to a finding`);
        const matched = findings.some(
          (f) =>
            f.ruleName === ack.id &&
            f.violatingResources.some((r) => r.constructPath === path || r.constructPath?.startsWith(`${path}/`)),
        );
        assert.ok(matched, `${ack.id} at ${path} acknowledges nothing (stale acknowledgement)`);
      }
    });

    it('acknowledges exactly the expected findings', () => {
      const list = acknowledgements(s)
        .map((a) => `${a.construct.node.path.replace(/^MeetingArchive-\w+\//, '')}: ${a.id}`)
        .sort();
      assert.deepEqual(
        list.map((l) => l.replace(/[A-F0-9]{8}\./, '.')),
        [
          'BucketNotificationsHandler050a0587b7544547bf325f094a3db834: AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          'CursorSecret: AwsSolutions-SMG4',
          'Ingest/Function: AwsSolutions-L1',
          'Ingest/Role: AwsSolutions-IAM5[Resource::<ArchiveBucket.Arn>/*]',
          'Ingest/Role: AwsSolutions-IAM5[Resource::<DropBucket.Arn>/*]',
          'Query/Function: AwsSolutions-L1',
          'Query/Role: AwsSolutions-IAM5[Resource::<ArchiveBucket.Arn>/*]',
        ],
      );
    });
  });
}
