// EXTRACTOR_VERSION must change whenever extraction results can change: `archive reprocess` skips stored versions
// whose extractorVersion equals the current one. The snapshot pins a version to the sha256 of extractMetadata's
// outputs (after the real normalizer) over every sample and evaluation article.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { EXTRACTOR_VERSION } from '../../lambdas/core/record';
import { extractorOutputsSha256, partOf } from '../eval/corpus';

const snapshot = JSON.parse(readFileSync(new URL('./extractor-version.snapshot.json', import.meta.url), 'utf8')) as {
  version: string;
  outputsSha256: string;
};

describe('extractor version', () => {
  it('changes whenever the extraction results change', async () => {
    const { sha256 } = await extractorOutputsSha256();
    if (snapshot.version === EXTRACTOR_VERSION)
      assert.equal(
        sha256,
        snapshot.outputsSha256,
        'extraction results changed: bump EXTRACTOR_VERSION in lambdas/core/record.ts and update the snapshot (node --import tsx test/core/update-extractor-snapshot.ts)',
      );
    else
      assert.fail(
        `EXTRACTOR_VERSION is ${EXTRACTOR_VERSION} but the snapshot is for ${snapshot.version}: update the snapshot (node --import tsx test/core/update-extractor-snapshot.ts)`,
      );
  });
});

// The unseen part is kept out of the snapshot (it is never tuned on), so which set is unseen matters here.
describe('evaluation parts', () => {
  it('reads one- and two-letter set ids, and refuses a set with no part', () => {
    assert.equal(partOf('a03-wire-x'), 'held-aside');
    assert.equal(partOf('a04-wire-x'), 'tuned');
    assert.equal(partOf('y07-minutes-x'), 'twenty-second');
    assert.equal(partOf('z07-minutes-x'), 'twenty-third');
    assert.equal(partOf('aa07-minutes-x'), 'unseen');
    assert.throws(() => partOf('ab07-minutes-x'), /no part for set ab/);
    assert.throws(() => partOf('readme'), /not an evaluation article/);
  });
});
