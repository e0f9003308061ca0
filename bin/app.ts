// The CDK app (cdk.json runs it with `npx tsx bin/app.ts`):
//   npx cdk synth -c stage=prod -c alarmEmail=ops@example.org
// Settings come from CDK context (README, "Context settings"); cdk-nag's AwsSolutions checks run
// on every synth and fail it on an unacknowledged error (`-c nag=false` turns them off).
import { App } from 'aws-cdk-lib';
import { defineApp } from '../lib/app';

defineApp(new App());
