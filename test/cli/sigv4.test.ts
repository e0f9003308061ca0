// SigV4 for the deployed query API, checked without AWS: a local HTTP server verifies each
// request's signature with its own SigV4 implementation (node:crypto, written from the AWS
// specification, sharing no code with the CLI). Then the real CLI runs against a deployed-stack
// stand-in: a local server answering CloudFormation's DescribeStacks, and a signed "API".
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createSigner } from '../../lib/cli/sigv4';
import { baseEnv, isOneLineError, jsonLines, runCli } from './run-cli';

const ACCESS_KEY = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();

/** RFC 3986 encoding, as SigV4 wants it. */
const uriEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

type Verdict = { ok: true; service: string; region: string } | { ok: false; why: string };

/** Verify a request signed for `service`, as AWS would (execute-api: path segments encoded twice). */
const verify = (req: IncomingMessage, body: string, secret: string): Verdict => {
  const auth = req.headers.authorization ?? '';
  const m = auth.match(
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/,
  );
  if (!m) return { ok: false, why: `Authorization header has the wrong shape: ${auth}` };
  const [, , day, region, service, signedHeaders, signature] = m;
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!/^\d{8}T\d{6}Z$/.test(amzDate)) return { ok: false, why: `bad x-amz-date: ${amzDate}` };
  if (amzDate.slice(0, 8) !== day) return { ok: false, why: 'x-amz-date and credential scope disagree' };
  if (
    Math.abs(
      Date.parse(
        `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
      ) - Date.now(),
    ) >
    5 * 60_000
  )
    return { ok: false, why: 'x-amz-date is more than 5 minutes off' };
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== sha256(body))
    return { ok: false, why: `x-amz-content-sha256 ${payloadHash} is not the body's hash` };
  const names = signedHeaders.split(';');
  for (const required of ['host', 'x-amz-date'])
    if (!names.includes(required)) return { ok: false, why: `${required} is not signed` };

  const url = new URL(req.url ?? '/', 'http://placeholder');
  const path =
    service === 's3'
      ? url.pathname
      : url.pathname
          .split('/')
          .map((seg) => uriEncode(seg))
          .join('/');
  const query = [...url.searchParams]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = names
    .map(
      (n) =>
        `${n}:${String(req.headers[n] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonical = [req.method, path, query, headers, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
  const expected = createHmac('sha256', key).update(toSign).digest('hex');
  return expected === signature ? { ok: true, service, region } : { ok: false, why: 'signature does not match' };
};

type Handler = (req: IncomingMessage, body: string) => { status: number; type?: string; body: string };

const listen = async (handler: Handler): Promise<{ server: Server; url: string }> => {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      const r = handler(req, body);
      res.writeHead(r.status, { 'content-type': r.type ?? 'application/json' }).end(r.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
};

const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));

describe('SigV4 signing (unit)', () => {
  let server: Server;
  let url: string;
  const seen: { verdict: Verdict; headers: IncomingMessage['headers'] }[] = [];

  before(async () => {
    ({ server, url } = await listen((req, body) => {
      const verdict = verify(req, body, SECRET);
      seen.push({ verdict, headers: req.headers });
      return verdict.ok ? { status: 200, body: '{"ok":true}' } : { status: 403, body: JSON.stringify(verdict) };
    }));
  });
  after(() => close(server));

  test('a signed GET with an awkward query verifies (execute-api, region, date, payload hash)', async () => {
    const signer = createSigner({
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
      region: 'eu-west-1',
    });
    const target = new URL(
      `${url}/documents?participant=kassym-jomart%20tok%C3%A1yev&from=2021-09-01&cursor=a.b%2Bc%3D`,
    );
    const headers = await signer.sign('GET', target);
    const res = await fetch(target, { headers });
    assert.equal(res.status, 200, await res.text());
    const last = seen.at(-1)!;
    assert.deepEqual(last.verdict, { ok: true, service: 'execute-api', region: 'eu-west-1' });
    assert.match(
      String(last.headers.authorization),
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=[^,]*host[^,]*x-amz-date[^,]*, Signature=[0-9a-f]{64}$/,
    );
    assert.equal(last.headers['x-amz-content-sha256'], sha256(''));
    assert.match(String(last.headers['x-amz-date']), /^\d{8}T\d{6}Z$/);
  });

  test('the verifier is not a rubber stamp: another secret fails', async () => {
    const signer = createSigner({
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: 'not-the-secret' },
      region: 'eu-west-1',
    });
    const target = new URL(`${url}/documents/0123456789abcdef0123`);
    const res = await fetch(target, { headers: await signer.sign('GET', target) });
    assert.equal(res.status, 403);
    assert.deepEqual(seen.at(-1)!.verdict, { ok: false, why: 'signature does not match' });
  });

  test('temporary credentials send their session token', async () => {
    const signer = createSigner({
      credentials: async () => ({ accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, sessionToken: 'TOKEN123' }),
      region: 'us-east-2',
    });
    const target = new URL(`${url}/documents/0123456789abcdef0123/versions/2`);
    const res = await fetch(target, { headers: await signer.sign('GET', target) });
    assert.equal(res.status, 200);
    assert.equal(seen.at(-1)!.headers['x-amz-security-token'], 'TOKEN123');
  });
});

describe('--stack NAME: outputs from CloudFormation, SigV4 to the API (real CLI, local stand-ins)', () => {
  const RECORD_ID = '0123456789abcdef0123';
  let cfn: { server: Server; url: string };
  let api: { server: Server; url: string };
  let home: string;
  const apiCalls: { path: string; verdict: Verdict }[] = [];
  const cfnCalls: { body: string; verdict: Verdict }[] = [];

  const record = {
    id: RECORD_ID,
    version: 1,
    status: 'processed',
    source: {
      bucket: 'drop',
      key: 'a.txt',
      size: 3,
      format: 'text',
      uploadedAt: '2024-01-01T00:00:00.000Z',
      sha256: 'a'.repeat(64),
    },
    title: 'A meeting',
    language: 'en',
    publishedDate: null,
    eventDate: '2021-09-17',
    eventName: null,
    location: null,
    participants: [{ name: 'Kassym-Jomart Tokayev', key: 'kassym-jomart tokayev' }],
    mentionedPeople: [],
    organizations: [],
    countries: ['Kazakhstan'],
    text: { paragraphs: 1, words: 1, sha256: 'b'.repeat(64) },
    warnings: [],
    extractorVersion: '0.1.0',
  };

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'archive-cli-home-'));
    api = await listen((req, body) => {
      const verdict = verify(req, body, SECRET);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      apiCalls.push({ path, verdict });
      if (!verdict.ok) return { status: 403, body: JSON.stringify({ message: 'Forbidden' }) };
      if (path === '/documents') return { status: 200, body: JSON.stringify({ items: [record], cursor: null }) };
      return {
        status: 404,
        body: JSON.stringify({ error: { code: 'not-found', message: `no document with id "${path.split('/')[2]}"` } }),
      };
    });
    cfn = await listen((req, body) => {
      const verdict = verify(req, body, SECRET);
      cfnCalls.push({ body, verdict });
      const params = new URLSearchParams(body);
      const ns = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
      if (!verdict.ok || params.get('Action') !== 'DescribeStacks')
        return {
          status: 403,
          type: 'text/xml',
          body: `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>bad request</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
        };
      if (params.get('StackName') !== 'archive-test')
        return {
          status: 400,
          type: 'text/xml',
          body: `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ${params.get('StackName')} does not exist</Message></Error><RequestId>2</RequestId></ErrorResponse>`,
        };
      const outputs = {
        DropBucketName: 'archive-test-drop',
        ArchiveBucketName: 'archive-test-archive',
        TableName: 'archive-test-table',
        ApiUrl: api.url,
        Region: 'eu-west-1',
      };
      const members = Object.entries(outputs)
        .map(([k, v]) => `<member><OutputKey>${k}</OutputKey><OutputValue>${v}</OutputValue></member>`)
        .join('');
      return {
        status: 200,
        type: 'text/xml',
        body: `<DescribeStacksResponse xmlns="${ns}"><DescribeStacksResult><Stacks><member><StackName>archive-test</StackName><StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/archive-test/1</StackId><CreationTime>2024-01-01T00:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><Outputs>${members}</Outputs></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>3</RequestId></ResponseMetadata></DescribeStacksResponse>`,
      };
    });
  });
  after(async () => {
    await close(api.server);
    await close(cfn.server);
    rmSync(home, { recursive: true, force: true });
  });

  const env = () =>
    baseEnv({
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: SECRET,
      ARCHIVE_CLOUDFORMATION_ENDPOINT: cfn.url,
    });

  test('query --stack reads the outputs, signs its API request, prints JSON Lines', async () => {
    const r = await runCli(
      ['query', '--stack', 'archive-test', '--region', 'eu-west-1', '--participant', 'tokayev', '--json'],
      {
        env: env(),
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(jsonLines(r.stdout), [record]);
    assert.equal(cfnCalls.at(-1)?.verdict.ok, true);
    assert.deepEqual(cfnCalls.at(-1)?.verdict, { ok: true, service: 'cloudformation', region: 'eu-west-1' });
    assert.deepEqual(apiCalls.at(-1), {
      path: '/documents',
      verdict: { ok: true, service: 'execute-api', region: 'eu-west-1' },
    });
  });

  test("get --stack: the API's 404 message, one line, non-zero", async () => {
    const r = await runCli(['get', 'ffffffffffffffffffff', '--stack', 'archive-test', '--region', 'eu-west-1'], {
      env: env(),
    });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'archive: no document with id "ffffffffffffffffffff"\n');
  });

  test('an unknown stack is named in the message', async () => {
    const r = await runCli(['query', '--stack', 'nope', '--region', 'eu-west-1'], { env: env() });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'archive: no stack named nope in eu-west-1\n');
  });

  test('no credentials: one line that says so', async () => {
    const r = await runCli(['query', '--stack', 'archive-test', '--region', 'eu-west-1'], {
      env: { ...env(), AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined } as NodeJS.ProcessEnv,
    });
    assert.equal(r.code, 1);
    assert.ok(isOneLineError(r.stderr), r.stderr);
    assert.match(r.stderr, /credentials/);
  });
});
