// Security assertions that hold for every stage, over every resource of each type (not only the
// ones the stack names today, so that a bucket or queue added later is held to the same rules):
// no public access, TLS only, encryption at rest, no secret value in a function's environment.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type Cfn, ref, resourcesOfType, type Synthesized } from './synth';

const statementsOf = (json: Synthesized['json'], type: string, property = 'PolicyDocument') =>
  resourcesOfType(json, type).flatMap(([id, r]) =>
    ((r.Properties?.[property]?.Statement ?? []) as Cfn[]).map((statement) => ({
      id,
      statement,
      target: r.Properties,
    })),
  );

const isAnonymous = (principal: Cfn) =>
  principal === '*' || principal?.AWS === '*' || (Array.isArray(principal?.AWS) && principal.AWS.includes('*'));

const deniesPlainHttp = (statement: Cfn) =>
  statement.Effect === 'Deny' &&
  isAnonymous(statement.Principal) &&
  statement.Condition?.Bool?.['aws:SecureTransport'] === 'false';

const mentions = (value: unknown, id: string) => JSON.stringify(value).includes(`"${id}"`);

export const registerSecurityChecks = (get: () => Synthesized): void => {
  it('security: no public access to any bucket (full public access block, no ACLs, no website)', () => {
    const buckets = resourcesOfType(get().json, 'AWS::S3::Bucket');
    assert.ok(buckets.length >= 3);
    for (const [id, b] of buckets) {
      const p = b.Properties;
      assert.deepEqual(
        p.PublicAccessBlockConfiguration,
        { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        id,
      );
      assert.deepEqual(p.OwnershipControls, { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] }, id);
      assert.equal(p.AccessControl, undefined, id);
      assert.equal(p.WebsiteConfiguration, undefined, id);
    }
  });

  it('security: no resource policy allows an anonymous principal, and service principals are scoped to their source', () => {
    const { json } = get();
    const policies = [
      ...statementsOf(json, 'AWS::S3::BucketPolicy'),
      ...statementsOf(json, 'AWS::SQS::QueuePolicy'),
      ...statementsOf(json, 'AWS::SNS::TopicPolicy'),
      ...statementsOf(json, 'AWS::KMS::Key', 'KeyPolicy'),
    ];
    for (const { id, statement } of policies) {
      if (statement.Effect !== 'Allow') continue;
      assert.ok(!isAnonymous(statement.Principal), `${id} allows anyone: ${JSON.stringify(statement)}`);
    }
    // A service may act on a bucket, queue or topic only for this stack's resources or account. (Key
    // policies are left out: the alarm key lets cloudwatch.amazonaws.com use it without an
    // aws:SourceAccount condition; the topic policy, which has one, is what limits publishing.)
    const resourcePolicies = policies.filter(({ id }) => get().json.Resources[id].Type !== 'AWS::KMS::Key');
    for (const { id, statement } of resourcePolicies) {
      if (statement.Effect !== 'Allow' || !statement.Principal?.Service) continue;
      const condition = JSON.stringify(statement.Condition ?? {});
      assert.ok(
        /aws:Source(Arn|Account)/.test(condition),
        `${id}: ${JSON.stringify(statement)} has no source condition`,
      );
    }
  });

  it('security: no function URL, and only this API may invoke the query function', () => {
    const { json } = get();
    assert.deepEqual(resourcesOfType(json, 'AWS::Lambda::Url'), []);
    const api = resourcesOfType(json, 'AWS::ApiGatewayV2::Api')[0][0];
    const permissions = resourcesOfType(json, 'AWS::Lambda::Permission');
    assert.ok(permissions.length > 0);
    for (const [id, p] of permissions) {
      assert.equal(p.Properties.Principal, 'apigateway.amazonaws.com', id);
      assert.ok(mentions(p.Properties.SourceArn, api), `${id} is not scoped to the API`);
    }
    for (const [id, route] of resourcesOfType(json, 'AWS::ApiGatewayV2::Route'))
      assert.equal(route.Properties.AuthorizationType, 'AWS_IAM', id);
  });

  it('security: every bucket, queue and topic denies requests without TLS', () => {
    const { json } = get();
    const denied = (type: string, targetOf: (p: Cfn) => Cfn[]) =>
      new Set(
        statementsOf(json, type)
          .filter(({ statement }) => deniesPlainHttp(statement))
          .flatMap(({ target }) => targetOf(target).map((t) => JSON.stringify(t))),
      );
    const buckets = denied('AWS::S3::BucketPolicy', (p) => [p.Bucket]);
    for (const [id] of resourcesOfType(json, 'AWS::S3::Bucket')) assert.ok(buckets.has(JSON.stringify(ref(id))), id);
    const queues = denied('AWS::SQS::QueuePolicy', (p) => p.Queues);
    for (const [id] of resourcesOfType(json, 'AWS::SQS::Queue')) assert.ok(queues.has(JSON.stringify(ref(id))), id);
    const topics = denied('AWS::SNS::TopicPolicy', (p) => p.Topics);
    for (const [id] of resourcesOfType(json, 'AWS::SNS::Topic')) assert.ok(topics.has(JSON.stringify(ref(id))), id);
  });

  it('security: encryption at rest on every bucket, queue, table and topic; the secret is generated, never in the template', () => {
    const { json } = get();
    for (const [id, b] of resourcesOfType(json, 'AWS::S3::Bucket')) {
      const rule = b.Properties.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault;
      assert.ok(rule?.SSEAlgorithm === 'AES256' || rule?.SSEAlgorithm === 'aws:kms', id);
    }
    for (const [id, q] of resourcesOfType(json, 'AWS::SQS::Queue'))
      assert.ok(q.Properties.SqsManagedSseEnabled === true || q.Properties.KmsMasterKeyId, id);
    for (const [id, t] of resourcesOfType(json, 'AWS::DynamoDB::Table'))
      assert.equal(t.Properties.SSESpecification?.SSEEnabled, true, id);
    for (const [id, t] of resourcesOfType(json, 'AWS::SNS::Topic')) assert.ok(t.Properties.KmsMasterKeyId, id);
    for (const [id, s] of resourcesOfType(json, 'AWS::SecretsManager::Secret')) {
      assert.equal(s.Properties.SecretString, undefined, `${id} has its value in the template`);
      assert.ok(s.Properties.GenerateSecretString, id);
    }
  });

  it('security: no function environment holds a secret value (only the secret’s ARN), and no output names the secret', () => {
    const { json } = get();
    const secrets = resourcesOfType(json, 'AWS::SecretsManager::Secret').map(([id]) => id);
    assert.ok(secrets.length > 0);
    const functions = resourcesOfType(json, 'AWS::Lambda::Function');
    let arnVariables = 0;
    for (const [fn, f] of functions) {
      for (const [name, value] of Object.entries((f.Properties.Environment?.Variables ?? {}) as Record<string, Cfn>)) {
        const text = JSON.stringify(value);
        assert.ok(!/\{\{resolve:(secretsmanager|ssm-secure)/.test(text), `${fn} ${name} resolves a secret value`);
        for (const secret of secrets) {
          if (!mentions(value, secret)) continue;
          // A Ref to a secret is its ARN; anything else (GetAtt, a join) could carry its value.
          assert.deepEqual(value, ref(secret), `${fn} ${name} uses the secret other than by its ARN`);
          assert.match(name, /_ARN$/, `${fn} ${name} holds the secret's ARN under a name that does not say so`);
          arnVariables++;
        }
        if (typeof value === 'string') {
          assert.ok(!/AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}/.test(value), `${fn} ${name} holds an access key`);
          assert.ok(!/^[A-Za-z0-9+/=_-]{32,}$/.test(value), `${fn} ${name} holds a long random-looking literal`);
          assert.ok(
            !/(SECRET|PASSWORD|TOKEN|PRIVATE)/i.test(name),
            `${fn} ${name} holds a literal under a secret's name`,
          );
        }
      }
    }
    assert.equal(arnVariables, 1, 'exactly one variable refers to the secret: the query function’s CURSOR_SECRET_ARN');
    for (const [name, output] of Object.entries(json.Outputs))
      for (const secret of secrets) assert.ok(!mentions(output.Value, secret), `output ${name} names the secret`);
  });
};
