// DOCX → paragraphs through mammoth (its HTML keeps headings, paragraphs and list items apart), after the zip
// has been vetted against bombs (zip.ts). The title comes from docProps/core.xml; DOCX has no publication date
// property (dcterms:created is when the file was made), so publishedDate stays null.
import mammoth from 'mammoth';
import { isDocumentRejection } from '../errors';
import { domToBlocks, parseFragment } from './dom';
import { type Deadline, type NormalizeLimits, reject } from './limits';
import type { Extracted } from './types';
import { inflateEntry, readZipDirectory } from './zip';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeXmlText = (s: string) =>
  s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex, dec, name) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : XML_ENTITIES[name],
  );

// Images are never read: mammoth would otherwise base64 every picture into the HTML.
const skipImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function extractDocx(bytes: Uint8Array, limits: NormalizeLimits, deadline: Deadline): Promise<Extracted> {
  const entries = readZipDirectory(bytes, limits.maxZipEntries);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxDocxUncompressedBytes) {
    throw reject(
      'too-complex',
      `the DOCX declares ${declared} bytes uncompressed (limit ${limits.maxDocxUncompressedBytes}): a zip bomb or an oversized package`,
    );
  }
  if (!entries.some((e) => /^word\/[^/]+\.xml$/.test(e.name))) {
    const odt = entries.some((e) => e.name === 'mimetype' || e.name.startsWith('META-INF/'));
    throw reject(
      'unsupported-format',
      odt
        ? 'OpenDocument and other zip packages are not supported; save the document as DOCX or PDF'
        : 'a zip archive that is not a DOCX (no word/ document part)',
    );
  }

  // Inflate the XML parts mammoth reads, each bounded by what it declares, so a lying header cannot bomb JSZip.
  let budget = limits.maxDocxUncompressedBytes;
  let coreXml = '';
  for (const entry of entries) {
    if (!/\.(?:xml|rels)$/i.test(entry.name)) continue;
    const data = inflateEntry(bytes, entry, budget);
    budget -= data.length;
    if (entry.name === 'docProps/core.xml') coreXml = data.toString('utf8');
  }
  deadline.check('docx zip check');

  let html: string;
  try {
    const result = await deadline.race(
      mammoth.convertToHtml(
        { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
        { convertImage: skipImages, externalFileAccess: false },
      ),
      'docx conversion',
    );
    html = result.value;
  } catch (e) {
    if (isDocumentRejection(e)) throw e;
    throw reject('corrupt', `the DOCX could not be read: ${(e as Error).message}`);
  }
  const rawTitle = coreXml.match(/<dc:title(?:\s[^>]*)?>([^<]*)<\/dc:title>/)?.[1];
  const title = rawTitle ? decodeXmlText(rawTitle).replace(/\s+/g, ' ').trim() || null : null;
  return { blocks: domToBlocks(parseFragment(html)), title, publishedDate: null, warnings: [] };
}
