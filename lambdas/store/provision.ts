// Create the archive table on an emulator (dynalite, DynamoDB Local) from the same TABLE_SCHEMA
// the CDK stack deploys. Deployed tables come from CloudFormation, never from here.
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_SCHEMA } from './table-schema';

export const createTableInput = (tableName: string): CreateTableCommandInput => {
  const { partitionKey, sortKey, indexes } = TABLE_SCHEMA;
  const attributes = new Set<string>([partitionKey, sortKey]);
  for (const ix of Object.values(indexes)) attributes.add(ix.partitionKey).add(ix.sortKey);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.values(indexes).map((ix) => ({
      IndexName: ix.name,
      KeySchema: [
        { AttributeName: ix.partitionKey, KeyType: 'HASH' },
        { AttributeName: ix.sortKey, KeyType: 'RANGE' },
      ],
      Projection:
        ix.projection === 'INCLUDE'
          ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...ix.nonKeyAttributes] }
          : { ProjectionType: ix.projection },
    })),
  };
};

/** Create the table if it does not exist, and wait until it is ACTIVE. */
export const ensureTable = async (client: DynamoDBClient | DynamoDBDocumentClient, tableName: string) => {
  const send = (c: CreateTableCommand | DescribeTableCommand) =>
    (client as DynamoDBClient).send(c as DescribeTableCommand);
  try {
    await send(new CreateTableCommand(createTableInput(tableName)));
  } catch (e) {
    if (!(e instanceof ResourceInUseException) && (e as { name?: string }).name !== 'ResourceInUseException') throw e;
  }
  for (let i = 0; i < 200; i++) {
    const t = await send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (t.Table?.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE');
    if (t.Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
};
