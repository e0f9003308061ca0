// Ingest Lambda: SQS batch of S3 ObjectCreated events -> normalize -> extract -> versioned store.
// Thin for now (issue 2): it parses and logs the batch; issue 3 wires in the core and the store.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  console.log(JSON.stringify({ message: 'ingest batch', records: event.Records.length }));
  return { batchItemFailures: [] };
};
