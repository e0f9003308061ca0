// Real-shaped AWS events for handler tests: S3 notifications wrapped in SQS messages, and API
// Gateway HTTP API (payload 2.0) requests.
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, SQSEvent, SQSRecord } from 'aws-lambda';
import { encodeS3Key } from '../../lambdas/ingest/s3-events';

export type S3ObjectSpec = {
  bucket: string;
  key: string;
  size: number;
  eTag?: string;
  sequencer?: string;
  versionId?: string;
  eventTime?: string;
};

export const s3Notification = (objects: S3ObjectSpec[]) => ({
  Records: objects.map((o) => ({
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: o.eventTime ?? new Date().toISOString(),
    eventName: 'ObjectCreated:Put',
    userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'EXAMPLE', 'x-amz-id-2': 'EXAMPLE' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'ingest',
      bucket: { name: o.bucket, ownerIdentity: { principalId: 'EXAMPLE' }, arn: `arn:aws:s3:::${o.bucket}` },
      object: { key: encodeS3Key(o.key), size: o.size, eTag: o.eTag, versionId: o.versionId, sequencer: o.sequencer },
    },
  })),
});

export const sqsMessage = (body: string, receiveCount = 1): SQSRecord => ({
  messageId: randomUUID(),
  receiptHandle: randomUUID(),
  body,
  attributes: {
    ApproximateReceiveCount: String(receiveCount),
    SentTimestamp: String(Date.now()),
    SenderId: 'AIDAEXAMPLE',
    ApproximateFirstReceiveTimestamp: String(Date.now()),
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:ingest',
  awsRegion: 'us-east-1',
});

export const sqsEvent = (bodies: string[]): SQSEvent => ({ Records: bodies.map((b) => sqsMessage(b)) });

export const httpGet = (path: string, query?: Record<string, string>): APIGatewayProxyEventV2 => {
  const rawQueryString = query ? new URLSearchParams(query).toString() : '';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers: { host: 'api.example', 'user-agent': 'test' },
    queryStringParameters: query,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example',
      domainPrefix: 'api',
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    },
  };
};
