/**
 * What the service writes to its log when providers fail: enough to act on, once per failure,
 * and no personal data.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../src/infra/logger';
import { recoveryConnectFixture } from '../tools/simulators/fixtures';
import { generatedAssignments } from './support/assignments';
import { startStack, type TestStack } from './support/stack';

const lines: Record<string, unknown>[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
const extra = generatedAssignments(100);
let stack: TestStack;

// A fresh service per test: a provider's circuit breaker remembers the failures of earlier tests.
beforeEach(async () => {
  stack = await startStack({
    logger: createLogger({ level: 'info', destination: capture }),
    simulator: { assignments: [...recoveryConnectFixture.assignments, ...extra] },
  });
  lines.length = 0;
});
afterEach(async () => {
  await stack.close();
});

const warnings = () => lines.filter((line) => line.level === 40);

describe('logging provider failures', () => {
  it('logs a failed batch of 100 entities once, while each entity gets its error', async () => {
    await stack.sim.fault({ method: 'GET', path: '/api/v150/assignments', status: 500, times: 0 });

    const answer = await stack.gql('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assignment { id } } }', {
      r: extra.map((assignment) => ({ __typename: 'Assignment', id: String(assignment.id) })),
    });

    expect(answer.errors).toHaveLength(100);
    expect(warnings()).toEqual([
      expect.objectContaining({ provider: 'RECOVERY_CONNECT', failure: 'http_status', msg: 'RecoveryConnect answered with an error (HTTP 500).' }),
    ]);
    // The operation's line names the code clients received, not an internal error.
    const operation = lines.find((line) => line.msg === 'graphql operation');
    expect(operation?.errorCodes).toEqual(Array.from({ length: 100 }, () => 'PROVIDER_ERROR'));
  });

  it('logs a provider failure that a mutation returns as data', async () => {
    await stack.sim.fault({ method: 'PUT', status: 503, times: 0 });

    const answer = await stack.gql('mutation { updateAssignment(id: "57074903", input: { orderType: 1 }) { __typename } }');

    expect(answer.data).toEqual({ updateAssignment: { __typename: 'ProviderError' } });
    expect(warnings()).toEqual([expect.objectContaining({ provider: 'RECOVERY_CONNECT', mutation: 'updateAssignment' })]);
  });

  it('never writes a VIN or a plate, even for operations that read them', async () => {
    await stack.gql('{ assignment(id: "57074903") { primaryCollateral { vehicle { vin licensePlate { number } } } } }');
    await stack.gql('query ($id: ID!) { assignment(id: $id) { id } }', { id: '57074905' });

    const written = JSON.stringify(lines);
    expect(lines.length).toBeGreaterThan(0);
    expect(written).not.toContain('WP0AA29898U760244');
    expect(written).not.toContain('DQK4516');
  });
});
