// An S3 bucket with the protections every bucket of this stack has: public access blocked,
// TLS-only bucket policy, S3-managed encryption, bucket-owner-enforced ownership (no ACLs).
// `prod` keeps the bucket and its objects when the stack is deleted; `dev` empties and deletes it.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { Stage } from '../settings';

export interface SecureBucketProps {
  readonly stage: Stage;
  /** Keep every version of every object (drop and archive buckets). */
  readonly versioned: boolean;
  /** Noncurrent versions expire after this many days (versioned buckets only). */
  readonly noncurrentVersionDays?: number;
  /** Current objects expire after this many days (the log bucket). */
  readonly expirationDays?: number;
  /** Where the server access logs of this bucket go (none for the log bucket itself). */
  readonly accessLogs?: { readonly bucket: s3.IBucket; readonly prefix: string };
}

export const createSecureBucket = (scope: Construct, id: string, props: SecureBucketProps): s3.Bucket => {
  const prod = props.stage === 'prod';
  const lifecycleRules: s3.LifecycleRule[] = [
    { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
  ];
  if (props.versioned && props.noncurrentVersionDays !== undefined) {
    lifecycleRules.push({
      id: 'expire-noncurrent-versions',
      noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays),
      expiredObjectDeleteMarker: true,
    });
  }
  if (props.expirationDays !== undefined) {
    lifecycleRules.push({ id: 'expire-objects', expiration: Duration.days(props.expirationDays) });
  }
  return new s3.Bucket(scope, id, {
    versioned: props.versioned,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    serverAccessLogsBucket: props.accessLogs?.bucket,
    serverAccessLogsPrefix: props.accessLogs?.prefix,
    lifecycleRules,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: !prod,
  });
};
