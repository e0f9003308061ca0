// Assertions that hold for every stage of the stack. Each stage's test file synthesizes once and
// registers these checks with the values that stage's context should produce.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { TABLE_LAYOUT, TABLE_SCHEMA } from '../../lambdas/store/table-schema';
import { OUTPUT_NAMES, QUERY_ROUTES } from '../../lib/meeting-archive-stack';
import {
  type Cfn,
  getAtt,
  logicalId,
  objectsOf,
  permissionsOfRole,
  ref,
  resourcesOfType,
  type Synthesized,
  statementsOfRole,
} from './synth';

export interface Expected {
  readonly stage: 'dev' | 'prod';
  readonly noncurrentVersionDays: number;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly ingestConcurrency?: number;
  readonly maxDocumentBytes: number;
  readonly apiRateLimit: number;
  readonly apiBurstLimit: number;
  readonly queueAgeAlarmSeconds: number;
  readonly alarmEmail?: string;
}

/** Logical ids of the stack's main resources. */
export const ids = (s: Synthesized) => {
  const { stack } = s;
  const id = (c: { node: { defaultChild?: unknown } }) => logicalId(stack, c.node.defaultChild as CfnElement);
  return {
    drop: id(stack.dropBucket),
    archive: id(stack.archiveBucket),
    logs: id(stack.logBucket),
    table: id(stack.table),
    queue: id(stack.ingestQueue),
    dlq: id(stack.deadLetterQueue),
    ingestFn: id(stack.ingest.function),
    queryFn: id(stack.query.function),
    ingestRole: id(stack.ingest.role),
    queryRole: id(stack.query.role),
    ingestLogs: id(stack.ingest.logGroup),
    queryLogs: id(stack.query.logGroup),
    api: id(stack.api),
    topic: id(stack.alarmTopic),
  };
};

const single = <T>(entries: [string, T][], what: string): [string, T] => {
  assert.equal(entries.length, 1, `expected exactly one ${what}, found ${entries.length}`);
  return entries[0];
};

export const registerCommonChecks = (get: () => Synthesized, expected: Expected): void => {
  it('puts IAM authorization on every route, and has exactly the query routes', () => {
    const s = get();
    const routes = resourcesOfType(s.json, 'AWS::ApiGatewayV2::Route');
    assert.deepEqual(routes.map(([, r]) => r.Properties?.RouteKey).sort(), QUERY_ROUTES.map((p) => `GET ${p}`).sort());
    assert.deepEqual(routes.map(([, r]) => r.Properties?.RouteKey).sort(), [
      'GET /documents',
      'GET /documents/{id}',
      'GET /documents/{id}/text',
      'GET /documents/{id}/versions',
      'GET /documents/{id}/versions/{version}',
      'GET /participants',
    ]);
    for (const [id, route] of routes) {
      assert.equal(route.Properties?.AuthorizationType, 'AWS_IAM', `${id} is not IAM-authorized`);
    }
  });

  it('integrates the query function with payload format 2.0', () => {
    const s = get();
    const { queryFn, api } = ids(s);
    s.template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      ApiId: ref(api),
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: getAtt(queryFn),
      PayloadFormatVersion: '2.0',
    });
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
  });

  it('throttles the default stage and writes JSON access logs to a log group with a retention', () => {
    const s = get();
    const [, stage] = single(resourcesOfType(s.json, 'AWS::ApiGatewayV2::Stage'), 'API stage');
    const props = stage.Properties;
    assert.equal(props.StageName, '$default');
    assert.equal(props.AutoDeploy, true);
    assert.deepEqual(props.DefaultRouteSettings, {
      ThrottlingRateLimit: expected.apiRateLimit,
      ThrottlingBurstLimit: expected.apiBurstLimit,
    });
    const logGroupId = props.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    assert.equal(s.json.Resources[logGroupId].Type, 'AWS::Logs::LogGroup');
    assert.ok(s.json.Resources[logGroupId].Properties?.RetentionInDays);
    const format = JSON.parse(props.AccessLogSettings.Format);
    assert.equal(format.requestId, '$context.requestId');
    assert.equal(format.status, '$context.status');
    assert.equal(format.caller, '$context.identity.userArn');
  });

  it('feeds the ingest queue from the drop bucket ObjectCreated events', () => {
    const s = get();
    const { drop, queue } = ids(s);
    const [, notifications] = single(resourcesOfType(s.json, 'Custom::S3BucketNotifications'), 'bucket notification');
    const props = notifications.Properties;
    assert.deepEqual(props.BucketName, ref(drop));
    const rules = [
      ...(expected.prefix ? [{ Name: 'prefix', Value: expected.prefix }] : []),
      ...(expected.suffix ? [{ Name: 'suffix', Value: expected.suffix }] : []),
    ];
    const config = structuredClone(props.NotificationConfiguration);
    config.QueueConfigurations[0].Filter?.Key.FilterRules.sort((a: Cfn, b: Cfn) => a.Name.localeCompare(b.Name));
    assert.deepEqual(config, {
      QueueConfigurations: [
        {
          Events: ['s3:ObjectCreated:*'],
          QueueArn: getAtt(queue),
          ...(rules.length > 0 ? { Filter: { Key: { FilterRules: rules } } } : {}),
        },
      ],
    });
    // S3 may send to the queue, and only for this bucket.
    s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [ref(queue)],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: Match.arrayWith(['sqs:SendMessage']),
            Condition: { ArnLike: { 'aws:SourceArn': getAtt(drop) } },
            Resource: getAtt(queue),
          }),
        ]),
      },
    });
  });

  it('redrives to the DLQ after 5 receives, with a visibility timeout of at least 6x the ingest timeout', () => {
    const s = get();
    const { queue, dlq, ingestFn } = ids(s);
    const queueProps = s.json.Resources[queue].Properties;
    assert.deepEqual(queueProps.RedrivePolicy, { deadLetterTargetArn: getAtt(dlq), maxReceiveCount: 5 });
    const timeout = s.json.Resources[ingestFn].Properties?.Timeout as number;
    assert.equal(timeout, 60);
    assert.ok(
      queueProps.VisibilityTimeout >= 6 * timeout,
      `visibility ${queueProps.VisibilityTimeout} < 6 x ${timeout}`,
    );
    assert.equal(s.json.Resources[dlq].Properties?.MessageRetentionPeriod, 14 * 24 * 3600);
  });

  it('encrypts both queues and denies them any request without TLS', () => {
    const s = get();
    const { queue, dlq } = ids(s);
    for (const q of [queue, dlq]) {
      assert.equal(s.json.Resources[q].Properties?.SqsManagedSseEnabled, true, `${q} is not encrypted`);
      s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(q)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Resource: getAtt(q),
            },
          ]),
        },
      });
    }
  });

  it('protects the drop and archive buckets: versioning, public access block, encryption, access logs, noncurrent expiry', () => {
    const s = get();
    const { drop, archive, logs } = ids(s);
    for (const [bucket, prefix] of [
      [drop, 'drop/'],
      [archive, 'archive/'],
    ]) {
      const props = s.json.Resources[bucket].Properties;
      assert.deepEqual(props.VersioningConfiguration, { Status: 'Enabled' }, bucket);
      assert.deepEqual(props.PublicAccessBlockConfiguration, {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      assert.deepEqual(props.BucketEncryption, {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
      assert.deepEqual(props.LoggingConfiguration, { DestinationBucketName: ref(logs), LogFilePrefix: prefix });
      const noncurrent = props.LifecycleConfiguration.Rules.filter((r: Cfn) => r.NoncurrentVersionExpiration);
      assert.deepEqual(
        noncurrent.map((r: Cfn) => [r.Status, r.NoncurrentVersionExpiration.NoncurrentDays]),
        [['Enabled', expected.noncurrentVersionDays]],
      );
    }
  });

  it('protects the log bucket: encryption, public access block, expiry, no logging of its own', () => {
    const s = get();
    const props = s.json.Resources[ids(s).logs].Properties;
    assert.equal(
      props.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm,
      'AES256',
    );
    assert.equal(props.PublicAccessBlockConfiguration.BlockPublicPolicy, true);
    assert.equal(props.PublicAccessBlockConfiguration.RestrictPublicBuckets, true);
    assert.equal(props.LoggingConfiguration, undefined);
    const expiry = props.LifecycleConfiguration.Rules.filter((r: Cfn) => r.ExpirationInDays);
    assert.equal(expiry.length, 1);
    assert.ok(expiry[0].ExpirationInDays > 0);
  });

  it('denies non-TLS access to all three buckets in their bucket policies', () => {
    const s = get();
    const { drop, archive, logs } = ids(s);
    for (const bucket of [drop, archive, logs]) {
      s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: ref(bucket),
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Resource: [getAtt(bucket), objectsOf(bucket)],
            },
          ]),
        },
      });
    }
  });

  it('builds the table from TABLE_SCHEMA: keys, no GSI, on-demand, PITR, AWS-managed encryption, TTL', () => {
    const s = get();
    const props = s.json.Resources[ids(s).table].Properties;
    assert.deepEqual(props.KeySchema, [
      { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
    ]);
    // The logical id names the item layout, so a stack updated from another layout gets a new table.
    assert.match(ids(s).table, new RegExp(`^TableV${TABLE_LAYOUT}`));
    // No secondary index: index entries are base-table items keyed by their term (table-schema.ts).
    assert.deepEqual(TABLE_SCHEMA.indexes, {});
    assert.equal(props.GlobalSecondaryIndexes, undefined);
    assert.equal(props.BillingMode, 'PAY_PER_REQUEST');
    assert.deepEqual(props.PointInTimeRecoverySpecification, { PointInTimeRecoveryEnabled: true });
    assert.deepEqual(props.SSESpecification, { SSEEnabled: true });
    assert.deepEqual(props.TimeToLiveSpecification, { AttributeName: 'expiresAt', Enabled: true });
    assert.equal(props.DeletionProtectionEnabled, expected.stage === 'prod');
  });

  it('runs both functions on nodejs22.x arm64 with source maps, their own log groups and the documented environment', () => {
    const s = get();
    const i = ids(s);
    const fn = (id: string) => s.json.Resources[id].Properties;
    for (const [id, logGroup] of [
      [i.ingestFn, i.ingestLogs],
      [i.queryFn, i.queryLogs],
    ]) {
      assert.equal(fn(id).Runtime, 'nodejs22.x');
      assert.deepEqual(fn(id).Architectures, ['arm64']);
      assert.equal(fn(id).Handler, 'index.handler');
      assert.deepEqual(fn(id).LoggingConfig, { LogGroup: ref(logGroup) });
      assert.ok(s.json.Resources[logGroup].Properties?.RetentionInDays, `${logGroup} has no retention`);
      assert.equal(fn(id).Environment.Variables.NODE_OPTIONS, '--enable-source-maps');
    }
    assert.equal(fn(i.ingestFn).MemorySize, 1024);
    assert.equal(fn(i.ingestFn).Timeout, 60);
    assert.deepEqual(fn(i.ingestFn).Environment.Variables, {
      NODE_OPTIONS: '--enable-source-maps',
      TABLE_NAME: ref(i.table),
      ARCHIVE_BUCKET: ref(i.archive),
      MAX_DOCUMENT_BYTES: String(expected.maxDocumentBytes),
      POWERTOOLS_SERVICE_NAME: 'ingest',
      POWERTOOLS_METRICS_NAMESPACE: 'MeetingArchive',
      LOG_LEVEL: 'INFO',
    });
    const secret = single(resourcesOfType(s.json, 'AWS::SecretsManager::Secret'), 'secret')[0];
    assert.deepEqual(fn(i.queryFn).Environment.Variables, {
      NODE_OPTIONS: '--enable-source-maps',
      TABLE_NAME: ref(i.table),
      ARCHIVE_BUCKET: ref(i.archive),
      CURSOR_SECRET_ARN: ref(secret),
      POWERTOOLS_SERVICE_NAME: 'query',
      POWERTOOLS_METRICS_NAMESPACE: 'MeetingArchive',
      LOG_LEVEL: 'INFO',
    });
    assert.equal(fn(i.ingestFn).ReservedConcurrentExecutions, expected.ingestConcurrency);
  });

  it('consumes the ingest queue in batches of 10 with ReportBatchItemFailures', () => {
    const s = get();
    const { queue, ingestFn } = ids(s);
    const [, mapping] = single(resourcesOfType(s.json, 'AWS::Lambda::EventSourceMapping'), 'event source mapping');
    const props = mapping.Properties;
    assert.deepEqual(props.EventSourceArn, getAtt(queue));
    assert.deepEqual(props.FunctionName, ref(ingestFn));
    assert.equal(props.BatchSize, 10);
    assert.deepEqual(props.FunctionResponseTypes, ['ReportBatchItemFailures']);
    assert.deepEqual(
      props.ScalingConfig,
      expected.ingestConcurrency ? { MaximumConcurrency: expected.ingestConcurrency } : undefined,
    );
  });

  it('generates a 64-character cursor secret without punctuation', () => {
    const s = get();
    const [, secret] = single(resourcesOfType(s.json, 'AWS::SecretsManager::Secret'), 'secret');
    assert.deepEqual(secret.Properties?.GenerateSecretString, { ExcludePunctuation: true, PasswordLength: 64 });
  });

  it('alarms on the DLQ, the queue age, ingest errors and throttles, and query errors, all to the topic', () => {
    const s = get();
    const i = ids(s);
    const alarms = resourcesOfType(s.json, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const find = (namespace: string, metric: string, dimension: unknown) => {
      const found = alarms.filter(
        (a) =>
          a.Namespace === namespace &&
          a.MetricName === metric &&
          JSON.stringify(a.Dimensions?.[0]?.Value) === JSON.stringify(dimension),
      );
      assert.equal(found.length, 1, `one alarm on ${namespace} ${metric} ${JSON.stringify(dimension)}`);
      return found[0];
    };
    const cases: [string, string, unknown, number, string][] = [
      ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', getAtt(i.dlq, 'QueueName'), 0, 'Maximum'],
      [
        'AWS/SQS',
        'ApproximateAgeOfOldestMessage',
        getAtt(i.queue, 'QueueName'),
        expected.queueAgeAlarmSeconds,
        'Maximum',
      ],
      ['AWS/Lambda', 'Errors', ref(i.ingestFn), 0, 'Sum'],
      ['AWS/Lambda', 'Throttles', ref(i.ingestFn), 0, 'Sum'],
      ['AWS/Lambda', 'Errors', ref(i.queryFn), 0, 'Sum'],
    ];
    assert.equal(alarms.length, cases.length);
    for (const [namespace, metric, dimension, threshold, statistic] of cases) {
      const alarm = find(namespace, metric, dimension);
      assert.equal(alarm.Threshold, threshold, `${metric} threshold`);
      assert.equal(alarm.ComparisonOperator, 'GreaterThanThreshold');
      assert.equal(alarm.Statistic, statistic);
      assert.equal(alarm.TreatMissingData, 'notBreaching');
      assert.deepEqual(alarm.AlarmActions, [ref(i.topic)]);
    }
  });

  it('encrypts the alarm topic with a rotated KMS key that CloudWatch may use, and enforces TLS on it', () => {
    const s = get();
    const { topic } = ids(s);
    const props = s.json.Resources[topic].Properties;
    const keyId = props.KmsMasterKeyId['Fn::GetAtt'][0];
    const key = s.json.Resources[keyId].Properties;
    assert.equal(s.json.Resources[keyId].Type, 'AWS::KMS::Key');
    assert.equal(key.EnableKeyRotation, true);
    assert.ok(
      key.KeyPolicy.Statement.some(
        (st: Cfn) =>
          st.Effect === 'Allow' &&
          st.Principal?.Service === 'cloudwatch.amazonaws.com' &&
          st.Action.includes('kms:Decrypt'),
      ),
    );
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [ref(topic)],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      },
    });
  });

  it('subscribes the alarm e-mail only when alarmEmail is given', () => {
    const s = get();
    const subscriptions = resourcesOfType(s.json, 'AWS::SNS::Subscription');
    if (expected.alarmEmail) {
      assert.equal(subscriptions.length, 1);
      assert.deepEqual(subscriptions[0][1].Properties, {
        Protocol: 'email',
        Endpoint: expected.alarmEmail,
        TopicArn: ref(ids(s).topic),
      });
    } else {
      assert.equal(subscriptions.length, 0);
    }
  });

  it('has the outputs the CLI reads, under stable names', () => {
    const s = get();
    const i = ids(s);
    assert.deepEqual(Object.keys(s.json.Outputs).sort(), [...OUTPUT_NAMES].sort());
    const value = (name: string) => s.json.Outputs[name].Value;
    assert.deepEqual(value('DropBucketName'), ref(i.drop));
    assert.deepEqual(value('ArchiveBucketName'), ref(i.archive));
    assert.deepEqual(value('TableName'), ref(i.table));
    assert.deepEqual(value('ApiUrl'), getAtt(i.api, 'ApiEndpoint'));
    assert.deepEqual(value('IngestQueueUrl'), ref(i.queue));
    assert.deepEqual(value('DeadLetterQueueUrl'), ref(i.dlq));
    assert.deepEqual(value('Region'), ref('AWS::Region'));
  });

  it('gives the ingest role exactly its permissions: no wildcard action, resources scoped', () => {
    const s = get();
    const i = ids(s);
    const j = JSON.stringify;
    const table = [j(getAtt(i.table))];
    const dynamo = [
      'BatchGetItem',
      'BatchWriteItem',
      'ConditionCheckItem',
      'DeleteItem',
      'GetItem',
      'PutItem',
      'Query',
      'UpdateItem',
    ];
    const expectedPermissions: Record<string, string[]> = {
      ...Object.fromEntries(dynamo.map((a) => [`dynamodb:${a}`, table])),
      'logs:CreateLogStream': [j(getAtt(i.ingestLogs))],
      'logs:PutLogEvents': [j(getAtt(i.ingestLogs))],
      's3:GetObject': [j(objectsOf(i.drop))],
      's3:GetObjectVersion': [j(objectsOf(i.drop))],
      's3:ListBucket': [j(getAtt(i.drop))],
      's3:PutObject': [j(objectsOf(i.archive))],
      ...Object.fromEntries(
        ['ChangeMessageVisibility', 'DeleteMessage', 'GetQueueAttributes', 'GetQueueUrl', 'ReceiveMessage'].map((a) => [
          `sqs:${a}`,
          [j(getAtt(i.queue))],
        ]),
      ),
    };
    assert.deepEqual(permissionsOfRole(s.json, i.ingestRole), expectedPermissions);
    assert.equal(s.json.Resources[i.ingestRole].Properties?.ManagedPolicyArns, undefined);
  });

  it('gives the query role exactly its permissions: no wildcard action, resources scoped', () => {
    const s = get();
    const i = ids(s);
    const j = JSON.stringify;
    const table = [j(getAtt(i.table))];
    const secret = single(resourcesOfType(s.json, 'AWS::SecretsManager::Secret'), 'secret')[0];
    assert.deepEqual(permissionsOfRole(s.json, i.queryRole), {
      'dynamodb:BatchGetItem': table,
      'dynamodb:GetItem': table,
      'dynamodb:Query': table,
      'logs:CreateLogStream': [j(getAtt(i.queryLogs))],
      'logs:PutLogEvents': [j(getAtt(i.queryLogs))],
      's3:GetObject': [j(objectsOf(i.archive))],
      's3:ListBucket': [j(getAtt(i.archive))],
      'secretsmanager:GetSecretValue': [j(ref(secret))],
    });
    assert.equal(s.json.Resources[i.queryRole].Properties?.ManagedPolicyArns, undefined);
  });

  it('has wildcard actions only in deny statements, the KMS key policy and CDK-owned custom resources', () => {
    const s = get();
    const i = ids(s);
    for (const role of [i.ingestRole, i.queryRole]) {
      for (const st of statementsOfRole(s.json, role)) {
        for (const action of [st.Action].flat()) assert.ok(!action.includes('*'), `${role} has ${action}`);
      }
    }
    const cdkOwned = /^(CustomS3AutoDeleteObjectsCustomResourceProvider|BucketNotificationsHandler)/;
    const offenders: string[] = [];
    for (const [id, r] of Object.entries(s.json.Resources)) {
      const documents: { doc: Cfn; owner: string }[] = [];
      if (r.Type === 'AWS::IAM::Policy') {
        for (const role of r.Properties.Roles as Cfn[])
          documents.push({ doc: r.Properties.PolicyDocument, owner: role.Ref });
      } else if (r.Type === 'AWS::IAM::Role') {
        for (const p of (r.Properties?.Policies as Cfn[]) ?? []) documents.push({ doc: p.PolicyDocument, owner: id });
      } else if (
        r.Type === 'AWS::S3::BucketPolicy' ||
        r.Type === 'AWS::SQS::QueuePolicy' ||
        r.Type === 'AWS::SNS::TopicPolicy'
      ) {
        documents.push({ doc: r.Properties?.PolicyDocument, owner: '' });
      }
      for (const { doc, owner } of documents) {
        for (const st of doc.Statement) {
          if (st.Effect !== 'Allow') continue;
          const wild = [st.Action].flat().filter((a: string) => a.includes('*'));
          if (wild.length === 0) continue;
          const principal = st.Principal?.AWS?.['Fn::GetAtt']?.[0] ?? owner;
          if (!cdkOwned.test(principal)) offenders.push(`${id} (${principal || 'no principal'}): ${wild.join(', ')}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });
};
