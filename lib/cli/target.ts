// Which archive a command talks to: the local stack (found through its data folder, design
// section 7) by default, or a deployed stack with --stack NAME [--region R] [--profile P].
// A Target holds names and endpoints only; clients are made on demand, so `query` never loads
// the DynamoDB client and `extract` needs no target at all.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { isRunning, type LocalEndpoints, readEndpoints, resolveDataDir } from '../local/endpoints';
import { ApiClient } from './api-client';
import { CliError, describeAwsError, oneLine, usageError } from './errors';
import { createSigner } from './sigv4';

export type TargetOptions = { dataDir?: string; stack?: string; region?: string; profile?: string };

export type Target = {
  kind: 'local' | 'stack';
  /** "the local stack (data folder /x/.archive)" or "stack meeting-archive (eu-west-1)" */
  label: string;
  apiUrl: string;
  dropBucket: string;
  archiveBucket: string;
  tableName: string;
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Emulator endpoints (local stack only). */
  s3Endpoint?: string;
  dynamoEndpoint?: string;
  local?: LocalEndpoints;
  /** The local stack's data folder. */
  dataDir?: string;
};

export const resolveLocalTarget = async (dataDirFlag?: string): Promise<Target> => {
  const dataDir = resolveDataDir(dataDirFlag);
  const notRunning = () =>
    new CliError(
      `no local stack is running for data folder ${dataDir} — start it with \`npm start\`, or pass --stack NAME`,
    );
  let endpoints: LocalEndpoints | null;
  try {
    endpoints = readEndpoints(dataDir);
  } catch (e) {
    throw new CliError(`${dataDir}/endpoints.json is unreadable (${oneLine((e as Error).message).slice(0, 200)})`);
  }
  if (!endpoints || !isRunning(endpoints)) throw notRunning();
  // Fixed emulator credentials; loaded on demand (the module also starts emulators, heavy to import).
  const { LOCAL_CREDENTIALS } = await import('../local/emulators');
  return {
    kind: 'local',
    label: `the local stack (data folder ${dataDir})`,
    apiUrl: endpoints.api,
    dropBucket: endpoints.bucket,
    archiveBucket: endpoints.archiveBucket,
    tableName: endpoints.table,
    region: endpoints.region,
    credentials: LOCAL_CREDENTIALS,
    s3Endpoint: endpoints.s3,
    dynamoEndpoint: endpoints.dynamodb,
    local: endpoints,
    dataDir,
  };
};

export const resolveStackTarget = async (o: TargetOptions & { stack: string }): Promise<Target> => {
  const [{ fromNodeProviderChain }, { readStackOutputs }] = await Promise.all([
    import('@aws-sdk/credential-providers'),
    import('./cloudformation'),
  ]);
  const provider = fromNodeProviderChain({ profile: o.profile });
  // Resolve once up front: a missing profile or no credentials is one clear message, not an SDK trace.
  let credentials: AwsCredentialIdentity;
  try {
    credentials = await provider();
  } catch (e) {
    const why = describeAwsError(e);
    throw new CliError(
      o.profile
        ? `${why.replace('no AWS credentials found', `no AWS credentials for profile ${o.profile}`)}; check ~/.aws/config`
        : `${why}; configure them (aws configure), or pass --profile`,
    );
  }
  const outputs = await readStackOutputs({
    stackName: o.stack,
    region: o.region,
    profile: o.profile,
    credentials: async () => credentials,
  });
  return {
    kind: 'stack',
    label: `stack ${o.stack} (${outputs.Region})`,
    apiUrl: outputs.ApiUrl,
    dropBucket: outputs.DropBucketName,
    archiveBucket: outputs.ArchiveBucketName,
    tableName: outputs.TableName,
    region: outputs.Region,
    // The provider, not the resolved value: temporary credentials refresh during long commands.
    credentials: provider,
  };
};

export const resolveTarget = async (o: TargetOptions): Promise<Target> => {
  if (o.stack !== undefined) {
    if (!o.stack.trim()) throw usageError('--stack needs a stack name');
    if (o.dataDir !== undefined) throw usageError('--data-dir is for the local stack; it cannot be used with --stack');
    return resolveStackTarget({ ...o, stack: o.stack });
  }
  if (o.region !== undefined || o.profile !== undefined)
    throw usageError('--region and --profile are for a deployed stack; pass --stack NAME as well');
  return resolveLocalTarget(o.dataDir);
};

export const apiClientFor = (t: Target): ApiClient =>
  new ApiClient(
    t.apiUrl,
    t.kind === 'stack' ? createSigner({ credentials: t.credentials, region: t.region }) : undefined,
    t.kind === 'local' ? 'the local stack' : `the query API of ${t.label}`,
  );
