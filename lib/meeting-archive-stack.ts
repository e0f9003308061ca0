// The meeting-archive stack (design section 1):
//   drop bucket --ObjectCreated--> SQS ingest queue (+ DLQ) --> ingest Lambda --> DynamoDB table + archive bucket
//   HTTP API (IAM auth, throttled) --> query Lambda --> table + archive bucket (+ cursor HMAC secret)
// plus the access-log bucket, CloudWatch alarms to an encrypted SNS topic, and the outputs the CLI reads.
import { join } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TABLE_LAYOUT } from '../lambdas/store/table-schema';
import { ArchiveFunction } from './constructs/archive-function';
import { createArchiveTable, indexArns } from './constructs/archive-table';
import { createSecureBucket } from './constructs/secure-bucket';
import type { ArchiveSettings } from './settings';

const PROJECT_ROOT = join(import.meta.dirname, '..');

/** The routes of the query API (all GET, all IAM-authorized). */
export const QUERY_ROUTES = [
  '/documents',
  '/documents/{id}',
  '/documents/{id}/versions',
  '/documents/{id}/versions/{version}',
  '/documents/{id}/text',
  '/participants',
] as const;

/** CloudWatch metric namespace of the functions' Powertools metrics. */
export const METRICS_NAMESPACE = 'MeetingArchive';

/** Ingest function timeout; the queue's visibility timeout is six times this. */
export const INGEST_TIMEOUT = Duration.seconds(60);
export const QUERY_TIMEOUT = Duration.seconds(10);
/** Deliveries of one message before it is moved to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;

/** The names of the stack outputs (the CLI reads these). */
export const OUTPUT_NAMES = [
  'DropBucketName',
  'ArchiveBucketName',
  'TableName',
  'ApiUrl',
  'IngestQueueUrl',
  'DeadLetterQueueUrl',
  'AlarmTopicArn',
  'Region',
] as const;

export const stackName = (stage: string): string => `MeetingArchive-${stage}`;

export interface MeetingArchiveStackProps extends StackProps {
  readonly settings: ArchiveSettings;
}

export class MeetingArchiveStack extends Stack {
  readonly dropBucket: s3.Bucket;
  readonly archiveBucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly table: dynamodb.Table;
  readonly ingestQueue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly ingest: ArchiveFunction;
  readonly query: ArchiveFunction;
  readonly api: apigwv2.HttpApi;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: MeetingArchiveStackProps) {
    super(scope, id, props);
    // The buckets are ACL-free (BucketOwnerEnforced), so S3 must deliver access logs through a bucket
    // policy, not the LogDeliveryWrite ACL. cdk.json sets this flag; the stack sets it too so that it
    // synthesizes the same in an app without that cdk.json.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const { settings } = props;
    const { stage } = settings;
    const prod = stage === 'prod';

    // Storage ----------------------------------------------------------------------------------
    this.logBucket = createSecureBucket(this, 'LogBucket', {
      stage,
      versioned: false,
      expirationDays: settings.accessLogExpirationDays,
    });
    this.dropBucket = createSecureBucket(this, 'DropBucket', {
      stage,
      versioned: true,
      noncurrentVersionDays: settings.noncurrentVersionDays,
      accessLogs: { bucket: this.logBucket, prefix: 'drop/' },
    });
    this.archiveBucket = createSecureBucket(this, 'ArchiveBucket', {
      stage,
      versioned: true,
      noncurrentVersionDays: settings.noncurrentVersionDays,
      accessLogs: { bucket: this.logBucket, prefix: 'archive/' },
    });
    // The construct id names the item layout: a stack updated from another layout gets a new, empty table
    // (CloudFormation keeps the old one in prod, RETAIN) instead of an in-place change the new code cannot read,
    // and `archive reconcile --stack NAME` fills it from the drop bucket.
    this.table = createArchiveTable(this, `TableV${TABLE_LAYOUT}`, stage);

    // Ingest: drop bucket -> queue -> function ---------------------------------------------------
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.ingestQueue = new sqs.Queue(this, 'IngestQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(INGEST_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    const filters: s3.NotificationKeyFilter[] =
      settings.prefix || settings.suffix ? [{ prefix: settings.prefix, suffix: settings.suffix }] : [];
    this.dropBucket.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new s3n.SqsDestination(this.ingestQueue),
      ...filters,
    );
    this.acknowledgeBucketNotificationsHandler();

    const commonEnvironment = {
      TABLE_NAME: this.table.tableName,
      ARCHIVE_BUCKET: this.archiveBucket.bucketName,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      LOG_LEVEL: settings.logLevel,
    };
    this.ingest = new ArchiveFunction(this, 'Ingest', {
      stage,
      entry: join(PROJECT_ROOT, 'lambdas', 'ingest', 'handler.ts'),
      description: 'meeting-archive ingest: S3 ObjectCreated events from SQS to versioned records',
      timeout: INGEST_TIMEOUT,
      memorySize: 1024,
      logRetentionDays: settings.logRetentionDays,
      reservedConcurrentExecutions: settings.ingestConcurrency,
      environment: {
        ...commonEnvironment,
        MAX_DOCUMENT_BYTES: String(settings.maxDocumentBytes),
        POWERTOOLS_SERVICE_NAME: 'ingest',
      },
    });
    this.ingest.function.addEventSource(
      new SqsEventSource(this.ingestQueue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        // With reserved concurrency, cap the SQS pollers at the same number so that messages wait
        // in the queue instead of being throttled (a throttled receive still counts towards the DLQ).
        maxConcurrency: settings.ingestConcurrency,
      }),
    );
    const tableResources = [this.table.tableArn, ...indexArns(this.table)];
    this.ingest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadUploadedObjects',
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.dropBucket.arnForObjects('*')],
      }),
    );
    this.ingest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        // Without ListBucket, S3 answers 403 instead of 404 for an object deleted before it was
        // ingested, and a permanent "gone" would look like a transient fault to be retried.
        sid: 'TellMissingObjectsApart',
        actions: ['s3:ListBucket'],
        resources: [this.dropBucket.bucketArn],
      }),
    );
    this.ingest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteArchive',
        actions: ['s3:PutObject'],
        resources: [this.archiveBucket.arnForObjects('*')],
      }),
    );
    this.ingest.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadWriteRecords',
        actions: [
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:Query',
          'dynamodb:BatchGetItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
        ],
        resources: tableResources,
      }),
    );
    this.acknowledgeObjectWildcards(this.ingest, [
      [this.dropBucket, 'reads the object named by each S3 event; keys are chosen by whoever uploads'],
      [this.archiveBucket, 'writes text and record JSON under keys derived from document ids and versions'],
    ]);

    // Query: HTTP API -> function ----------------------------------------------------------------
    const cursorSecret = new secretsmanager.Secret(this, 'CursorSecret', {
      description: 'meeting-archive: HMAC key that signs the query API pagination cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'HMAC key for opaque pagination cursors only (no credential to a system): rotating it would only invalidate cursors in flight, so it is rotated by hand (put a new random value) instead of running a rotation Lambda.',
    });
    this.query = new ArchiveFunction(this, 'Query', {
      stage,
      entry: join(PROJECT_ROOT, 'lambdas', 'query', 'handler.ts'),
      description: 'meeting-archive query: the HTTP API over the archive table',
      timeout: QUERY_TIMEOUT,
      memorySize: 512,
      logRetentionDays: settings.logRetentionDays,
      environment: {
        ...commonEnvironment,
        CURSOR_SECRET_ARN: cursorSecret.secretArn,
        POWERTOOLS_SERVICE_NAME: 'query',
      },
    });
    this.query.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadRecords',
        actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
        resources: tableResources,
      }),
    );
    this.query.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadArchive',
        actions: ['s3:GetObject'],
        resources: [this.archiveBucket.arnForObjects('*')],
      }),
    );
    this.query.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        // As for ingest: a missing text must read as 404 (NoSuchKey), not as a 403 that becomes a 500.
        sid: 'TellMissingArchiveObjectsApart',
        actions: ['s3:ListBucket'],
        resources: [this.archiveBucket.bucketArn],
      }),
    );
    this.query.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadCursorKey',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [cursorSecret.secretArn],
      }),
    );
    this.acknowledgeObjectWildcards(this.query, [
      [this.archiveBucket, 'reads the text and record JSON of any stored document version on request'],
    ]);

    this.api = new apigwv2.HttpApi(this, 'Api', {
      apiName: stackName(stage),
      description: 'meeting-archive query API (IAM/SigV4 authorization on every route)',
      defaultAuthorizer: new HttpIamAuthorizer(),
      createDefaultStage: false,
    });
    const accessLogGroup = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: settings.logRetentionDays as logs.RetentionDays,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    new apigwv2.HttpStage(this, 'ApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: settings.apiRateLimit, burstLimit: settings.apiBurstLimit },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogGroup),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            caller: '$context.identity.userArn',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            error: '$context.error.message',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const integration = new HttpLambdaIntegration('QueryIntegration', this.query.function, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    for (const path of QUERY_ROUTES) {
      this.api.addRoutes({ path, methods: [apigwv2.HttpMethod.GET], integration });
    }

    // Alarms ------------------------------------------------------------------------------------
    // CloudWatch can only publish to an encrypted topic whose key lets it: the AWS-managed SNS
    // key's policy cannot be changed, hence a customer-managed key.
    const alarmKey = new kms.Key(this, 'AlarmTopicKey', {
      description: 'meeting-archive: encrypts the alarm topic',
      enableKeyRotation: true,
      pendingWindow: Duration.days(7),
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    alarmKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublishEncrypted',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: `meeting-archive ${stage} alarms`,
      masterKey: alarmKey,
      enforceSSL: true,
    });
    this.alarmTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    if (settings.alarmEmail) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(settings.alarmEmail));
    }
    const alarm = (id: string, description: string, metric: cloudwatch.IMetric, threshold: number): void => {
      const a = new cloudwatch.Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(new SnsAction(this.alarmTopic));
      a.addOkAction(new SnsAction(this.alarmTopic));
    };
    const minute = Duration.minutes(1);
    const fiveMinutes = Duration.minutes(5);
    alarm(
      'DeadLetterQueueAlarm',
      'Messages in the ingest dead-letter queue: uploads that failed ingestion 5 times (inspect, then redrive).',
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: minute, statistic: 'Maximum' }),
      0,
    );
    alarm(
      'IngestQueueAgeAlarm',
      `The oldest message of the ingest queue is older than ${settings.queueAgeAlarmSeconds} s: ingestion is stuck or too slow.`,
      this.ingestQueue.metricApproximateAgeOfOldestMessage({ period: minute, statistic: 'Maximum' }),
      settings.queueAgeAlarmSeconds,
    );
    alarm(
      'IngestErrorsAlarm',
      'The ingest function failed (error or timeout) at least once.',
      this.ingest.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
      0,
    );
    alarm(
      'IngestThrottlesAlarm',
      'The ingest function was throttled at least once.',
      this.ingest.function.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
      0,
    );
    alarm(
      'QueryErrorsAlarm',
      'The query function failed (error or timeout) at least once.',
      this.query.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
      0,
    );

    // Outputs (stable names: the CLI reads them) ---------------------------------------------------
    const outputs: Record<(typeof OUTPUT_NAMES)[number], [string, string]> = {
      DropBucketName: [this.dropBucket.bucketName, 'Upload documents here'],
      ArchiveBucketName: [this.archiveBucket.bucketName, 'Normalized text and record JSON per version'],
      TableName: [this.table.tableName, 'Records, versions and index items'],
      ApiUrl: [this.api.apiEndpoint, 'Query API base URL (SigV4, service execute-api)'],
      IngestQueueUrl: [this.ingestQueue.queueUrl, 'Queue of S3 ObjectCreated events'],
      DeadLetterQueueUrl: [this.deadLetterQueue.queueUrl, 'Events that failed ingestion 5 times'],
      AlarmTopicArn: [this.alarmTopic.topicArn, 'SNS topic of the alarms'],
      Region: [this.region, 'Region of the stack'],
    };
    for (const name of OUTPUT_NAMES) {
      const [value, description] = outputs[name];
      new CfnOutput(this, name, { value, description });
    }
  }

  /** A function works on objects whose keys are data, not known at deploy time: `bucket-arn/*`. */
  private acknowledgeObjectWildcards(fn: ArchiveFunction, buckets: [s3.Bucket, string][]): void {
    for (const [bucket, why] of buckets) {
      const logicalId = this.resolve(this.getLogicalId(bucket.node.defaultChild as s3.CfnBucket));
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/*]`,
        reason: `The ${fn.node.id.toLowerCase()} function ${why}, so it needs the objects of this one bucket (${bucket.node.id}); the statement names its actions (no wildcard action) and no other bucket.`,
      });
    }
  }

  /** CDK's own singleton that configures the drop bucket's notifications (a custom resource). */
  private acknowledgeBucketNotificationsHandler(): void {
    const handler = this.node.children.find((c) => c.node.id.startsWith('BucketNotificationsHandler'));
    if (!handler) throw new Error('the bucket notifications handler of aws-cdk-lib was not found');
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "aws-cdk-lib's BucketNotificationsHandler (a custom resource that runs only during deployments to set the drop bucket's notification configuration) writes its logs through the AWS-managed AWSLambdaBasicExecutionRole, which grants CloudWatch Logs writes only; a replacement role would need the same log permissions on a wildcard log-group ARN.",
    });
  }
}
