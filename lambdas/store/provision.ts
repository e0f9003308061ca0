// Create the archive table on an emulator (dynalite, DynamoDB Local) from the same TABLE_SCHEMA
// the CDK stack deploys. Deployed tables come from CloudFormation, never from here.
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_LAYOUT, TABLE_SCHEMA } from './table-schema';

/** The item that names a table's layout (TABLE_LAYOUT), written when the table is created here. */
export const LAYOUT_ITEM_KEY = { pk: 'META', sk: 'LAYOUT' } as const;
const layoutKey = { pk: { S: LAYOUT_ITEM_KEY.pk }, sk: { S: LAYOUT_ITEM_KEY.sk } };

export const createTableInput = (tableName: string): CreateTableCommandInput => {
  const { partitionKey, sortKey, indexes } = TABLE_SCHEMA;
  const attributes = new Set<string>([partitionKey, sortKey]);
  for (const ix of Object.values(indexes)) attributes.add(ix.partitionKey).add(ix.sortKey);
  const gsis = Object.values(indexes).map((ix) => ({
    IndexName: ix.name,
    KeySchema: [
      { AttributeName: ix.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: ix.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection:
      'nonKeyAttributes' in ix
        ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...ix.nonKeyAttributes] }
        : { ProjectionType: ix.projection },
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    // An empty list is a ValidationException: leave the parameter out when there is no index.
    GlobalSecondaryIndexes: gsis.length > 0 ? gsis : undefined,
  };
};

type AnyClient = DynamoDBClient | DynamoDBDocumentClient;
// biome-ignore lint/suspicious/noExplicitAny: plain client-dynamodb commands, sent through either client
const sendTo = (client: AnyClient) => (c: any) => (client as DynamoDBClient).send(c) as Promise<any>;
const isNamed = (e: unknown, name: string) => (e as { name?: string }).name === name;

/**
 * Create the table if it does not exist (stamped with its layout, TABLE_LAYOUT), and wait until
 * it is ACTIVE. True when this call created it.
 */
export const ensureTable = async (client: AnyClient, tableName: string): Promise<boolean> => {
  const send = sendTo(client);
  let created = true;
  try {
    await send(new CreateTableCommand(createTableInput(tableName)));
  } catch (e) {
    if (!(e instanceof ResourceInUseException) && !isNamed(e, 'ResourceInUseException')) throw e;
    created = false;
  }
  for (let i = 0; ; i++) {
    const t = await send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = (t.Table?.GlobalSecondaryIndexes ?? []) as { IndexStatus?: string }[];
    if (t.Table?.TableStatus === 'ACTIVE' && indexes.every((g) => g.IndexStatus === 'ACTIVE')) break;
    if (i >= 200) throw new Error(`table ${tableName} did not become ACTIVE`);
    await new Promise((r) => setTimeout(r, 50));
  }
  if (created)
    await send(
      new PutItemCommand({ TableName: tableName, Item: { ...layoutKey, layout: { N: String(TABLE_LAYOUT) } } }),
    );
  return created;
};

/** The layout a table was created with (its layout item), or null when it has none or indexes this layout has not. */
export const tableLayout = async (client: AnyClient, tableName: string): Promise<number | null> => {
  const send = sendTo(client);
  const t = await send(new DescribeTableCommand({ TableName: tableName }));
  const indexes = ((t.Table?.GlobalSecondaryIndexes ?? []) as { IndexName?: string }[]).map((g) => g.IndexName);
  const wanted = Object.values(TABLE_SCHEMA.indexes).map((ix) => ix.name);
  if (indexes.length !== wanted.length || !indexes.every((n) => wanted.includes(n ?? ''))) return null;
  const item = await send(new GetItemCommand({ TableName: tableName, Key: layoutKey, ConsistentRead: true }));
  const layout = Number(item.Item?.layout?.N);
  return Number.isInteger(layout) ? layout : null;
};

/**
 * For an emulator's table kept across runs (the local stack's data folder): ensure the table, and
 * when it was written by another item layout (table-schema.ts), delete and recreate it empty, so
 * that the caller rebuilds it (the local stack re-ingests its drop bucket) instead of serving wrong
 * answers. Never used on a deployed table.
 */
export const ensureTableLayout = async (
  client: AnyClient,
  tableName: string,
): Promise<{ table: 'created' | 'current' | 'rebuilt'; previousLayout?: number | null }> => {
  if (await ensureTable(client, tableName)) return { table: 'created' };
  const previousLayout = await tableLayout(client, tableName);
  if (previousLayout === TABLE_LAYOUT) return { table: 'current' };
  const send = sendTo(client);
  await send(new DeleteTableCommand({ TableName: tableName }));
  for (let i = 0; ; i++) {
    try {
      await send(new DescribeTableCommand({ TableName: tableName }));
    } catch (e) {
      if (isNamed(e, 'ResourceNotFoundException')) break;
      throw e;
    }
    if (i >= 200) throw new Error(`table ${tableName} was not deleted`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await ensureTable(client, tableName);
  return { table: 'rebuilt', previousLayout };
};
