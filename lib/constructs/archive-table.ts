// The archive table, built from TABLE_SCHEMA (lambdas/store/table-schema.ts), the one definition
// of its keys and indexes that the store and the embedded local stack read as well. The layout
// needs no secondary index (index entries are base-table items keyed by their term), so none is
// built unless TABLE_SCHEMA names one.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../lambdas/store/table-schema';
import type { Stage } from '../settings';

/** The attribute that holds an item's expiry time (epoch seconds) for DynamoDB TTL. */
export const TTL_ATTRIBUTE = 'expiresAt';

const stringKey = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

export const createArchiveTable = (scope: Construct, id: string, stage: Stage): dynamodb.Table => {
  const prod = stage === 'prod';
  const table = new dynamodb.Table(scope, id, {
    partitionKey: stringKey(TABLE_SCHEMA.partitionKey),
    sortKey: stringKey(TABLE_SCHEMA.sortKey),
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    deletionProtection: prod,
    timeToLiveAttribute: TTL_ATTRIBUTE,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  for (const index of Object.values(TABLE_SCHEMA.indexes)) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: stringKey(index.partitionKey),
      sortKey: stringKey(index.sortKey),
      projectionType: dynamodb.ProjectionType[index.projection],
      nonKeyAttributes: 'nonKeyAttributes' in index ? [...index.nonKeyAttributes] : undefined,
    });
  }
  return table;
};

/** The ARNs of the table's indexes, one by one (IAM statements name them instead of `index/*`); none today. */
export const indexArns = (table: dynamodb.ITable): string[] =>
  Object.values(TABLE_SCHEMA.indexes).map((index) => `${table.tableArn}/index/${index.name}`);
