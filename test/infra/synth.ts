// Shared helpers of the infrastructure tests: synthesize the app as `cdk synth` would (cdk.json's
// context plus the test's own), into a temporary cloud assembly that `cleanup()` removes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { defineApp } from '../../lib/app';
import type { MeetingArchiveStack } from '../../lib/meeting-archive-stack';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

const cdkJsonContext = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context ?? {};

export interface Synthesized {
  readonly app: App;
  readonly stack: MeetingArchiveStack;
  readonly template: Template;
  /** The raw template (for walking every resource). */
  readonly json: { Resources: Record<string, CfnResourceJson>; Outputs: Record<string, { Value: unknown }> };
  readonly outdir: string;
  cleanup(): void;
}

/** Template JSON has no static type: tests read it freely and assert on what they find. */
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation template JSON is untyped
export type Cfn = any;

export interface CfnResourceJson {
  Type: string;
  Properties?: Cfn;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
  Metadata?: Cfn;
}

export interface SynthOptions {
  /** Register cdk-nag's AwsSolutions checks, as bin/app.ts does (default off). */
  readonly nag?: boolean;
  /**
   * Bundle the Lambda handlers with esbuild (default off: the template is the same but for the
   * asset hashes, and the templates stay testable while the handlers are being written). The
   * `cdk synth` test (cli-synth.test.ts) and bundle.test.ts bundle for real and check the bundles.
   */
  readonly bundle?: boolean;
}

/** Synthesizes the app with these context values (strings, as `-c key=value` gives them). */
export const synth = (context: Record<string, string> = {}, options: SynthOptions = {}): Synthesized => {
  const outdir = mkdtempSync(join(tmpdir(), 'archive-infra-'));
  const app = new App({
    outdir,
    context: {
      ...cdkJsonContext(),
      nag: options.nag ? 'true' : 'false',
      // The CLI's `--exclusively`-style switch: an empty list means "bundle no stack".
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...context,
    },
  });
  let stack: MeetingArchiveStack;
  let template: Template;
  try {
    stack = defineApp(app);
    template = Template.fromStack(stack);
  } catch (e) {
    rmSync(outdir, { recursive: true, force: true });
    throw e;
  }
  return {
    app,
    stack,
    template,
    json: template.toJSON() as Synthesized['json'],
    outdir,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
};

/** The logical id of a construct's CloudFormation resource. */
export const logicalId = (stack: Stack, element: CfnElement): string => stack.resolve(stack.getLogicalId(element));

export const getAtt = (id: string, attribute = 'Arn') => ({ 'Fn::GetAtt': [id, attribute] });
export const ref = (id: string) => ({ Ref: id });
export const objectsOf = (bucketId: string) => ({ 'Fn::Join': ['', [getAtt(bucketId), '/*']] });

type Statement = { Effect: string; Action: string | string[]; Resource?: unknown };
const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Every Allow statement that applies to a role: its inline policies and the AWS::IAM::Policy resources attached to it. */
export const statementsOfRole = (json: Synthesized['json'], roleId: string): Statement[] => {
  const role = json.Resources[roleId];
  if (role?.Type !== 'AWS::IAM::Role') throw new Error(`no role ${roleId}`);
  const inline = asArray<{ PolicyDocument: { Statement: Statement[] } }>(role.Properties?.Policies).flatMap(
    (p) => p.PolicyDocument.Statement,
  );
  const attached = Object.values(json.Resources)
    .filter(
      (r) =>
        r.Type === 'AWS::IAM::Policy' &&
        asArray(r.Properties?.Roles as unknown[]).some((x) => JSON.stringify(x) === JSON.stringify(ref(roleId))),
    )
    .flatMap((r): Statement[] => r.Properties.PolicyDocument.Statement);
  return [...inline, ...attached].filter((s) => s.Effect === 'Allow');
};

/** action -> the resources it is allowed on (JSON strings, sorted), over all of a role's statements. */
export const permissionsOfRole = (json: Synthesized['json'], roleId: string): Record<string, string[]> => {
  const map: Record<string, Set<string>> = {};
  for (const statement of statementsOfRole(json, roleId)) {
    for (const action of asArray(statement.Action)) {
      map[action] ??= new Set();
      for (const resource of asArray(statement.Resource)) map[action].add(JSON.stringify(resource));
    }
  }
  return Object.fromEntries(
    Object.entries(map)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([action, resources]) => [action, [...resources].sort()]),
  );
};

export const resourcesOfType = (json: Synthesized['json'], type: string): [string, CfnResourceJson][] =>
  Object.entries(json.Resources).filter(([, r]) => r.Type === type);
