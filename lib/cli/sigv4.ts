// SigV4 for the deployed query API (API Gateway HTTP API with IAM authorization, service
// `execute-api`): every request is signed with the user's AWS credentials.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, HttpRequest } from '@smithy/types';

export type RequestSigner = {
  /** Headers to send with a request to `url` (the Host header is implied by the URL). */
  sign: (method: string, url: URL, body?: string) => Promise<Record<string, string>>;
};

export const createSigner = (opts: {
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  region: string;
  service?: string;
}): RequestSigner => {
  const signer = new SignatureV4({
    credentials: opts.credentials,
    region: opts.region,
    service: opts.service ?? 'execute-api',
    sha256: Sha256,
    // API Gateway, unlike S3, expects each path segment URI-encoded twice in the canonical request.
    uriEscapePath: true,
    applyChecksum: true,
  });
  return {
    sign: async (method, url, body) => {
      const query: Record<string, string | string[]> = {};
      for (const [k, v] of url.searchParams) {
        const had = query[k];
        query[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
      }
      const request: HttpRequest = {
        method,
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        query,
        headers: { host: url.host, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body,
      };
      const signed = await signer.sign(request);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(signed.headers)) if (k.toLowerCase() !== 'host') headers[k] = v;
      return headers;
    },
  };
};
