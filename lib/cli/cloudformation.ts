// A deployed stack's endpoints, from its CloudFormation outputs (names fixed by the CDK stack:
// DropBucketName, ArchiveBucketName, TableName, ApiUrl, Region).
// ARCHIVE_CLOUDFORMATION_ENDPOINT points the client elsewhere; it exists for the CLI's tests,
// which answer DescribeStacks from a local HTTP server.
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { CliError, describeAwsError } from './errors';

export const REQUIRED_OUTPUTS = ['DropBucketName', 'ArchiveBucketName', 'TableName', 'ApiUrl'] as const;

export type StackOutputs = Record<(typeof REQUIRED_OUTPUTS)[number], string> & { Region: string };

export const readStackOutputs = async (opts: {
  stackName: string;
  region?: string;
  profile?: string;
  credentials: AwsCredentialIdentityProvider;
}): Promise<StackOutputs> => {
  const client = new CloudFormationClient({
    region: opts.region,
    profile: opts.profile,
    credentials: opts.credentials,
    endpoint: process.env.ARCHIVE_CLOUDFORMATION_ENDPOINT || undefined,
    maxAttempts: 3,
  });
  let region: string;
  try {
    region = await client.config.region();
  } catch {
    throw new CliError('no AWS region: pass --region, set AWS_REGION, or give the profile a region');
  }
  try {
    const out = await client.send(new DescribeStacksCommand({ StackName: opts.stackName }));
    const stack = out.Stacks?.[0];
    if (!stack) throw new CliError(`no stack named ${opts.stackName} in ${region}`);
    const outputs: Record<string, string> = {};
    for (const o of stack.Outputs ?? []) if (o.OutputKey && o.OutputValue) outputs[o.OutputKey] = o.OutputValue;
    const missing = REQUIRED_OUTPUTS.filter((k) => !outputs[k]);
    if (missing.length > 0)
      throw new CliError(
        `stack ${opts.stackName} in ${region} is not a meeting-archive stack (no output ${missing.join(', ')}; status ${stack.StackStatus})`,
      );
    return { ...(outputs as StackOutputs), Region: outputs.Region ?? region };
  } catch (e) {
    if (e instanceof CliError) throw e;
    const message = (e as Error).message ?? '';
    if ((e as { name?: string }).name === 'ValidationError' && /does not exist/.test(message))
      throw new CliError(`no stack named ${opts.stackName} in ${region}`);
    throw new CliError(`cannot read the outputs of stack ${opts.stackName} in ${region}: ${describeAwsError(e)}`);
  } finally {
    client.destroy();
  }
};
