// Rewrites test/core/extractor-version.snapshot.json after a deliberate change of extraction results (and a bump
// of EXTRACTOR_VERSION in lambdas/core/record.ts):
//   node --import tsx test/core/update-extractor-snapshot.ts
import { writeFileSync } from 'node:fs';
import { EXTRACTOR_VERSION } from '../../lambdas/core/record';
import { extractorOutputsSha256 } from '../eval/corpus';

const { sha256, documents } = await extractorOutputsSha256();
const file = new URL('./extractor-version.snapshot.json', import.meta.url);
writeFileSync(file, `${JSON.stringify({ version: EXTRACTOR_VERSION, outputsSha256: sha256 }, null, 2)}\n`);
console.log(`extractor ${EXTRACTOR_VERSION}: ${documents} documents, outputs sha256 ${sha256}`);
