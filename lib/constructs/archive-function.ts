// A Node.js Lambda function of this project: Node 22 on arm64, its own log group with a retention, and its own
// role that starts with no permission at all (no AWSLambdaBasicExecutionRole: the role may write to its own log
// group and nothing else until the stack grants it more, statement by statement).
//
// The code is our own esbuild build (lib/bundling.ts), not NodejsFunction's: minified ESM for node22 with source
// maps and the createRequire banner, the AWS SDK bundled, and code splitting. The handler is `index.mjs`; what
// only some documents need (pdf.js, mammoth, linkedom + Readability, marked + yaml, franc-min) sits in lazily
// imported chunks under `chunks/`, so a cold start parses under a quarter of the code (NodejsFunction builds with
// --outfile and cannot split). The build runs locally at synth through Code.fromAsset's `local` bundling (no
// Docker: the image is never used), once per entry and process; synths that skip bundling (the
// `aws:cdk:bundling-stacks` context, as most infrastructure tests do) do not build at all.
import { dirname, resolve } from 'node:path';
import { AssetHashType, DockerImage, type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundleHandlerInto, ENTRY_FILE } from '../bundling';
import type { Stage } from '../settings';

export { ESM_REQUIRE_BANNER } from '../bundling';

export interface ArchiveFunctionProps {
  readonly stage: Stage;
  /** Path of the handler file (exports `handler`). */
  readonly entry: string;
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize: number;
  readonly environment: Record<string, string>;
  readonly logRetentionDays: number;
  readonly reservedConcurrentExecutions?: number;
}

export class ArchiveFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ArchiveFunctionProps) {
    super(scope, id);
    const removalPolicy = props.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);
    const entry = resolve(props.entry);
    this.function = new lambda.Function(this, 'Function', {
      // The asset is the build output (hashed as such); the entry's folder is only the nominal source.
      code: lambda.Code.fromAsset(dirname(entry), {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          image: DockerImage.fromRegistry('dummy'), // never pulled: local bundling always succeeds
          local: {
            tryBundle(outputDir) {
              bundleHandlerInto(entry, outputDir);
              return true;
            },
          },
        },
      }),
      handler: `${ENTRY_FILE.replace(/\.mjs$/, '')}.handler`,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize,
      role: this.role,
      logGroup: this.logGroup,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is pinned on purpose (project decision, bundles target node22): an LTS runtime that Lambda supports until 2027; moving to nodejs24.x is a deliberate, tested upgrade, not an automatic one.',
    });
  }
}
