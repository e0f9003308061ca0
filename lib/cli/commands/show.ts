// `archive get ID [--version N] [--json]`, `archive history ID [--json]`, `archive text ID`.
import { outputWidth, recordSummary, shortHash, table } from '../format';
import { out, outJson, outText } from '../output';
import { apiClientFor, type Target } from '../target';
import { parseIntOption } from '../validate';

export const parseVersionOption = (value: string | undefined) => parseIntOption('--version', value, 1, 999_999);

export async function getCommand(id: string, o: { version?: string; json?: boolean }, target: Target): Promise<number> {
  const version = parseVersionOption(o.version);
  const api = apiClientFor(target);
  const record = version === undefined ? await api.getDocument(id) : await api.getVersion(id, version);
  if (o.json) outJson(record);
  else for (const line of recordSummary(record, { heading: record.source.key, stored: true })) out(line);
  return 0;
}

export async function historyCommand(id: string, o: { json?: boolean }, target: Target): Promise<number> {
  const items = await apiClientFor(target).listVersions(id);
  if (o.json) {
    for (const v of items) outJson(v);
    return 0;
  }
  const lines = table(
    ['VERSION', 'STATUS', 'UPLOADED', 'SHA256', 'TITLE'],
    items.map((v) => [String(v.version), v.status, v.uploadedAt, shortHash(v.sha256), v.title ?? '']),
    { flex: 4, maxWidth: outputWidth() },
  );
  for (const line of lines) out(line);
  return 0;
}

export async function textCommand(id: string, target: Target): Promise<number> {
  outText(await apiClientFor(target).getText(id));
  return 0;
}
