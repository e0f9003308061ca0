// The query API (design section 5) as one function from an API Gateway HTTP API (payload 2.0)
// event to a response. The Lambda entry and the local stack's HTTP server both call it.
// Everything a client sends is validated with zod: a bad request is a 400 that says what is
// wrong, an unknown id a 404, and a 500 only ever means a fault on our side. zod/mini (the tree-shakable API)
// keeps the query bundle small; its English messages are registered as the classic API does.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { en } from 'zod/locales';
import * as z from 'zod/mini';
// Only the country module: the query Lambda has no use for the rest of the extractor.
import { normalizeCountry } from '../core/extract/country-names';
import { InvalidCursor } from '../store/cursor';
import type { DocumentStore } from '../store/document-store';

export type QueryDeps = { store: DocumentStore; logger: Logger };
type Response = APIGatewayProxyStructuredResultV2;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

if (!z.config().localeError) z.config(en());

const json = (statusCode: number, body: unknown): Response => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});
const error = (status: number, code: string, message: string) => json(status, { error: { code, message } });

const realDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
  z.refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, 'is not a real calendar date'),
);
const text = (max: number) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));
const limit = (max: number, fallback: number) =>
  z._default(
    z.pipe(
      z.pipe(z.string().check(z.regex(/^\d+$/, 'must be a whole number')), z.transform(Number)),
      z.number().check(z.int(), z.gte(1, 'must be at least 1'), z.lte(max, `must be at most ${max}`)),
    ),
    fallback,
  );

const documentsQuery = z
  .strictObject({
    from: z.optional(realDate),
    to: z.optional(realDate),
    participant: z.optional(text(200)),
    organization: z.optional(text(200)),
    country: z.optional(text(100)),
    status: z.optional(z.enum(['processed', 'rejected'])),
    limit: limit(100, 20),
    cursor: z.optional(text(2048)),
  })
  .check(
    z.refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] }),
  );

const participantsQuery = z.strictObject({ prefix: text(100), limit: limit(200, 50) });
const noQuery = z.strictObject({});

const ID = /^[0-9a-f]{20}$/;

const parse = <T extends z.ZodMiniType>(
  schema: T,
  params: Record<string, string | undefined> | undefined,
): z.infer<T> => {
  const result = schema.safeParse(params ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length ? `"${issue.path.join('.')}" ` : '';
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : `${where}${issue.message}`;
  throw new HttpError(400, 'bad-request', message);
};

const documentId = (raw: string): string => {
  if (!ID.test(raw)) throw new HttpError(404, 'not-found', `no document with id "${raw.slice(0, 64)}"`);
  return raw;
};

const versionNumber = (raw: string): number => {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1)
    throw new HttpError(400, 'bad-request', 'the version must be a whole number from 1');
  return Number(raw);
};

const notFound = (id: string, what = 'document') => new HttpError(404, 'not-found', `no ${what} with id "${id}"`);

export const createQueryApi = (deps: QueryDeps) => {
  const { store } = deps;

  const route = async (
    method: string,
    path: string,
    query: Record<string, string | undefined> | undefined,
  ): Promise<Response> => {
    const parts = path
      .split('/')
      .filter(Boolean)
      .map((p) => {
        try {
          return decodeURIComponent(p);
        } catch {
          throw new HttpError(400, 'bad-request', 'the path is not valid URL encoding');
        }
      });
    const known =
      (parts[0] === 'documents' && parts.length <= 4) || (parts[0] === 'participants' && parts.length === 1);
    if (!known) throw new HttpError(404, 'not-found', `no route for ${path.slice(0, 200)}`);
    if (method !== 'GET')
      throw new HttpError(405, 'method-not-allowed', `${method} is not allowed; the API is read-only`);

    if (parts[0] === 'participants') {
      const q = parse(participantsQuery, query);
      return json(200, { items: await store.participants(q.prefix, q.limit) });
    }
    if (parts.length === 1) {
      const q = parse(documentsQuery, query);
      const country = q.country ? (normalizeCountry(q.country) ?? q.country) : undefined;
      const page = await store.search(
        { from: q.from, to: q.to, participant: q.participant, organization: q.organization, country, status: q.status },
        { limit: q.limit, cursor: q.cursor },
      );
      return json(200, page);
    }
    parse(noQuery, query);
    const id = documentId(parts[1]);
    if (parts.length === 2) {
      const record = await store.getLatest(id);
      if (!record) throw notFound(id);
      return json(200, record);
    }
    if (parts[2] === 'versions' && parts.length === 3) {
      const items = await store.listVersions(id);
      if (!items) throw notFound(id);
      return json(200, { items });
    }
    if (parts[2] === 'versions' && parts.length === 4) {
      const n = versionNumber(parts[3]);
      const record = await store.getVersion(id, n);
      if (!record) throw new HttpError(404, 'not-found', `document "${id}" has no version ${n}`);
      return json(200, record);
    }
    if (parts[2] === 'text' && parts.length === 3) {
      const body = await store.getText(id);
      if (body === null) throw notFound(id);
      return { statusCode: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
    }
    throw new HttpError(404, 'not-found', `no route for ${path.slice(0, 200)}`);
  };

  return async (event: APIGatewayProxyEventV2): Promise<Response> => {
    const method = event.requestContext?.http?.method ?? 'GET';
    try {
      return await route(method, event.rawPath ?? '/', event.queryStringParameters);
    } catch (e) {
      if (e instanceof HttpError) return error(e.status, e.code, e.message);
      if (e instanceof InvalidCursor) return error(400, 'bad-cursor', e.message);
      deps.logger.error('query failed', { path: event.rawPath, error: e as Error });
      return error(500, 'internal-error', 'the archive could not answer; the error was logged');
    }
  };
};
