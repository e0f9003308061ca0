// The load test of `npm run loadtest`, small: the same function (scripts/loadtest.ts) on the
// local stack, with duplicate and out-of-order deliveries, bad files and concurrent writers on
// shared keys; the checker must find every upload exactly once and the right latest everywhere.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReport, passed, runLoadTest } from '../../scripts/loadtest';

describe('npm run loadtest (150 uploads)', () => {
  it('keeps every upload exactly once, with the right latest version of every key', { timeout: 180_000 }, async () => {
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    const report = await runLoadTest({ uploads: 150, keys: 20, concurrency: 10 });
    console.log(
      formatReport(report)
        .split('\n')
        .map((l) => `# ${l}`)
        .join('\n'),
    );
    const c = report.counts;
    assert.equal(c.uploads, 150);
    assert.ok(c.duplicateDeliveries > 0 && c.heldBack > 0, 'duplicates and held-back deliveries');
    assert.ok(c.deliveredOutOfOrder > 0, 'some deliveries arrived after a later upload of their key');
    for (const [kind, n] of Object.entries(c.badUploads)) assert.ok(n > 0, `${kind} files`);
    assert.ok(c.identicalUploads > 0, 'identical re-uploads');
    assert.equal(c.deadLetters, 0);
    assert.equal(report.check.uploads, 150);
    assert.equal(report.check.storedObjects, 150, 'every upload is in the drop bucket');
    assert.deepEqual(report.check.problems, []);
    assert.equal(report.check.versionsFound, report.check.versionsExpected);
    assert.ok(passed(report));
  });
});
