// Wires the meeting-archive stack into a CDK app: settings from context, the stack named after the
// stage, and cdk-nag's AwsSolutions checks as a validation plugin. bin/app.ts and the
// infrastructure tests both call this, so the tests check exactly what `cdk synth` builds.
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MeetingArchiveStack, stackName } from './meeting-archive-stack';
import { settingsFromContext } from './settings';

export const defineApp = (app: App): MeetingArchiveStack => {
  const settings = settingsFromContext(app.node);
  const stack = new MeetingArchiveStack(app, stackName(settings.stage), {
    settings,
    description: `meeting-archive (${settings.stage}): S3 drop bucket, ingest queue and Lambda, DynamoDB records, IAM-authorized query API`,
    tags: { project: 'meeting-archive', stage: settings.stage },
  });
  // `-c nag=false` skips the checks (they fail the synth on any unacknowledged error).
  if (String(app.node.tryGetContext('nag') ?? 'true') !== 'false') {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  }
  return stack;
};
