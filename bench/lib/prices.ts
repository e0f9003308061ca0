// List prices used by the cost model: us-east-1, on-demand, as of the bench's writing. Change them here.
export const PRICES = {
  region: 'us-east-1',
  dynamoWriteRequestUnit: 0.625 / 1e6,
  dynamoReadRequestUnit: 0.125 / 1e6,
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  sqsRequest: 0.4 / 1e6,
  httpApiRequest: 1.0 / 1e6,
} as const;

/** Memory of the deployed functions (lib/meeting-archive-stack.ts), in GB as Lambda bills it (MB / 1024). */
export const LAMBDA_MEMORY_GB = { ingest: 1024 / 1024, query: 512 / 1024 } as const;
