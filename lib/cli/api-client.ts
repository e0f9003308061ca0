// The query API client (design section 5): plain HTTP for the local stack, SigV4-signed for a
// deployed stack. API errors ({ "error": { "code", "message" } }) become one-line CliErrors
// carrying the API's own message.
import type { ArchiveRecord } from '../../lambdas/core/record';
import type { VersionSummary } from '../../lambdas/store/document-store';
import type { SearchFilters } from '../../lambdas/store/index-terms';
import { CliError, oneLine } from './errors';
import type { RequestSigner } from './sigv4';

export type DocumentFilters = SearchFilters;

export type DocumentPage = { items: ArchiveRecord[]; cursor: string | null };

const TIMEOUT_MS = 30_000;

export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Percent-encoding for query values and path segments (%20 for spaces, never '+'). */
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export class ApiClient {
  private readonly base: string;

  constructor(
    base: string,
    private readonly signer?: RequestSigner,
    /** Says what the API is, for "cannot reach" messages. */
    private readonly label = 'the query API',
  ) {
    this.base = base.replace(/\/+$/, '');
  }

  url(path: string, query: Record<string, string | number | undefined> = {}): URL {
    const qs = Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
      .join('&');
    return new URL(`${this.base}${path}${qs ? `?${qs}` : ''}`);
  }

  async request(path: string, query?: Record<string, string | number | undefined>): Promise<Response> {
    const url = this.url(path, query);
    const headers: Record<string, string> = { accept: 'application/json, text/plain' };
    if (this.signer) Object.assign(headers, await this.signer.sign('GET', url));
    let res: Response;
    try {
      res = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const why =
        err.name === 'TimeoutError'
          ? `no answer within ${TIMEOUT_MS / 1000} s`
          : (err.cause?.code ?? err.cause?.message ?? err.message);
      throw new CliError(`cannot reach ${this.label} at ${this.base}: ${oneLine(String(why))}`);
    }
    if (!res.ok) throw await this.errorOf(res);
    return res;
  }

  async json<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T> {
    const res = await this.request(path, query);
    try {
      return (await res.json()) as T;
    } catch {
      throw new CliError(`${this.label} answered ${path} with something that is not JSON`);
    }
  }

  async text(path: string): Promise<string> {
    return (await this.request(path)).text();
  }

  // ------------------------------------------------------------------ the routes

  searchDocuments(filters: DocumentFilters, page: { limit?: number; cursor?: string }): Promise<DocumentPage> {
    return this.json<DocumentPage>('/documents', { ...filters, limit: page.limit, cursor: page.cursor });
  }

  getDocument(id: string): Promise<ArchiveRecord> {
    return this.json<ArchiveRecord>(`/documents/${enc(id)}`);
  }

  getVersion(id: string, version: number): Promise<ArchiveRecord> {
    return this.json<ArchiveRecord>(`/documents/${enc(id)}/versions/${version}`);
  }

  async listVersions(id: string): Promise<VersionSummary[]> {
    return (await this.json<{ items: VersionSummary[] }>(`/documents/${enc(id)}/versions`)).items;
  }

  getText(id: string): Promise<string> {
    return this.text(`/documents/${enc(id)}/text`);
  }

  private async errorOf(res: Response): Promise<ApiError> {
    const body = await res.text().catch(() => '');
    let code = `http-${res.status}`;
    let message = `${this.label} answered HTTP ${res.status} ${res.statusText}`.trim();
    try {
      const json = JSON.parse(body) as { error?: { code?: string; message?: string }; message?: string };
      if (json.error?.message) {
        message = json.error.message;
        code = json.error.code ?? code;
      } else if (typeof json.message === 'string') {
        // API Gateway's own errors (403 from IAM authorization, 429 from throttling): { "message": … }
        message = `${message}: ${json.message}`;
      }
    } catch {
      if (body.trim()) message = `${message}: ${body.trim().slice(0, 200)}`;
    }
    return new ApiError(res.status, code, oneLine(message));
  }
}
