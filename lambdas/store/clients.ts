// AWS SDK clients for the store. One place decides how we talk to DynamoDB and S3, so the
// Lambdas, the CLI, the local stack and the tests (DynamoDB Local, dynalite, s3rver) agree.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

export type ClientOptions = {
  region?: string;
  /** Set for emulators (s3rver, dynalite, DynamoDB Local); omit for AWS. */
  dynamoEndpoint?: string;
  s3Endpoint?: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  maxAttempts?: number;
};

export const makeDynamoClient = (o: ClientOptions = {}): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: o.region,
      endpoint: o.dynamoEndpoint,
      credentials: o.credentials,
      // The SDK's standard retry mode backs off on throttling and 5xx before we ever see them.
      maxAttempts: o.maxAttempts ?? 5,
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );

export const makeS3Client = (o: ClientOptions = {}): S3Client =>
  new S3Client({
    region: o.region,
    endpoint: o.s3Endpoint,
    credentials: o.credentials,
    forcePathStyle: Boolean(o.s3Endpoint),
    maxAttempts: o.maxAttempts ?? 5,
    // s3rver stores streamed bodies with aws-chunked framing unless checksums are only sent
    // when an operation requires them (design section 8); AWS accepts either.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
