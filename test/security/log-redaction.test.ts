/**
 * The log never holds a secret or personal data in clear: real operations (reads, writes,
 * provider failures, refused tokens, an unexpected error) run through the whole stack with the
 * service's logger writing into memory at its most verbose level, and no credential, token,
 * VIN, plate or debtor id appears in any line.
 */
import { Writable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { createLogger, maskVins, REDACTED_PATHS } from '../../src/infra/logger';
import { maskErrors } from '../../src/graphql/plugins/mask-errors';
import { cdcFixture, debtCollectionFixture, recoveryConnectFixture } from '../../tools/simulators/fixtures';
import type { SimControl } from '../support/sim-control';
import { startStack, type TestStack } from '../support/stack';

/** The three provider simulators' control routes. */
const simulatorsOf = (of: TestStack): SimControl[] => [of.sims.recoveryConnect, of.sims.cdc, of.sims.debtCollection];

/** JSON lines written to a logger created with `capturingLogger`. */
const lines: Record<string, unknown>[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
const capturingLogger = () => createLogger({ level: 'trace', destination: capture });

const VIN = 'WP0AA29898U760244';
const PLATE = 'DQK4516';
const DEBTOR_ID = '2334546';
const CDC_CODE = cdcFixture.assignments[0]?.code ?? 'missing';
const BAD_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.bm90LWEtcmVhbC1zaWduYXR1cmU';

/** Every string in the lines, keys and values: numbers (times, pids) cannot hold the data. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsOf(inner)]);
  return [];
}

/** The secrets and personal data that appear in clear somewhere in the lines. */
function leaked(secrets: Readonly<Record<string, string>>): string[] {
  const written = stringsOf(lines);
  return Object.entries(secrets)
    .filter(([, secret]) => written.some((text) => text.includes(secret)))
    .map(([name]) => name);
}

beforeEach(() => {
  lines.length = 0;
});

describe('the whole service, at trace level', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ logger: capturingLogger() });
  });
  afterAll(async () => {
    await stack.close();
  });
  afterEach(async () => {
    await Promise.all(simulatorsOf(stack).map((sim) => sim.clearFaults()));
  });

  const secrets = () => ({
    vin: VIN,
    plate: PLATE,
    debtorId: DEBTOR_ID,
    'RecoveryConnect password': recoveryConnectFixture.credentials.password,
    'CDC client secret': cdcFixture.credentials.client_secret,
    'debt-collection API key': debtCollectionFixture.apiKey,
    'bearer token': stack.token,
    'refused token': BAD_TOKEN,
  });

  it('reads, writes, failures and refused tokens leave no secret or personal data in the log', async () => {
    // Reads whose answers and variables hold VINs, plates and debtor ids.
    await stack.gql('{ assignment(id: "57074903") { primaryCollateral { vehicle { vin licensePlate { number } } } } }');
    await stack.gql('query ($vin: String, $ids: [ID!]) { debtCases(debtorIds: $ids) { debtor { debtorId } } assignments(filter: { accountNumber: $vin }) { items { id } } }', {
      vin: VIN,
      ids: [DEBTOR_ID],
    });
    await stack.gql('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Debtor { debtorId } } }', {
      r: [{ __typename: 'Debtor', debtorId: DEBTOR_ID }],
    });
    // A write, then provider failures of every provider, for queries and mutations.
    await stack.gql('mutation ($input: UpdateCollectionCaseInput!) { updateCollectionCase(input: $input) { __typename } }', {
      input: { agencyCollectionCaseId: 'agency-id-124', debtorBlock: { limitType: 'DISABLED' } },
    });
    await stack.sims.recoveryConnect.fault({ method: 'GET', status: 500, times: 0 });
    await stack.sims.debtCollection.fault({ method: 'GET', status: 500, times: 0, body: { debtorId: DEBTOR_ID, vin: VIN } });
    await stack.sims.cdc.fault({ method: 'GET', status: 503, times: 0 });
    await stack.gql('query ($id: ID!) { assignment(id: $id) { primaryCollateral { vehicle { vin } } } }', { id: '57074905' });
    await stack.gql('query ($ids: [ID!]) { debtCases(debtorIds: $ids) { agencyCollectionCaseId } }', { ids: [DEBTOR_ID] });
    await stack.gql('query ($code: ID!) { cdcAssignment(code: $code) { status } }', { code: CDC_CODE });
    await stack.sims.recoveryConnect.fault({ method: 'PUT', status: 503, times: 0 });
    await stack.gql('mutation ($note: String) { updateAssignment(id: "57074903", input: { statusNote: $note }) { __typename } }', {
      note: `VIN ${VIN}, plate ${PLATE}`,
    });
    // Refused requests: a forged token, and a malformed body carrying data.
    await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BAD_TOKEN}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.token}` },
      body: `{"query": "{ __typename }", "variables": {"vin": "${VIN}"`,
    });

    expect(lines.filter((line) => line.level === 40).length).toBeGreaterThanOrEqual(4);
    expect(leaked(secrets())).toEqual([]);
  });
});

describe('the logger', () => {
  const values = { token: 'tok-1', apiKey: 'key-1', password: 'pw-1', vin: VIN, licensePlate: PLATE, debtorId: DEBTOR_ID };

  it.each([
    ['at the top level', values],
    ['one level down', { call: values }],
    ['three levels down', { a: { b: { c: values } } }],
    ['in a list', { items: [values] }],
  ])('censors credentials and personal data %s', (_where, object) => {
    capturingLogger().info(object, 'event');

    expect(leaked({ ...values })).toEqual([]);
    expect(JSON.stringify(lines)).toContain('[redacted]');
  });

  it('censors authorization, API-key and cookie headers, and GraphQL variables whole', () => {
    capturingLogger().info(
      {
        req: { headers: { authorization: 'Bearer tok-2', 'x-api-key': 'key-2', cookie: 'sid=s-2' } },
        request: { operationName: 'Op', variables: { anything: 'var-2', nested: { v: VIN } } },
        variables: { plate: PLATE },
      },
      'request',
    );

    expect(leaked({ token: 'tok-2', apiKey: 'key-2', cookie: 's-2', variable: 'var-2', vin: VIN, plate: PLATE })).toEqual([]);
    expect(lines[0]).toMatchObject({ request: { operationName: 'Op', variables: '[redacted]' } });
  });

  it('censors an error’s data properties and masks a VIN in its message and stack, causes included', () => {
    const cause = new Error(`lookup of ${VIN} failed`);
    const error = Object.assign(new Error(`vehicle ${VIN} not found`, { cause }), { vin: VIN, debtorId: DEBTOR_ID });

    capturingLogger().error({ err: error }, 'failed');

    expect(leaked({ vin: VIN, debtorId: DEBTOR_ID })).toEqual([]);
    expect(lines[0]).toMatchObject({ err: { message: expect.stringContaining('vehicle [redacted-vin] not found') } });
  });

  it('masks VIN-shaped text only: 17 characters of the VIN alphabet, letters and digits mixed', () => {
    expect(maskVins(`a ${VIN} b`)).toBe('a [redacted-vin] b');
    expect(maskVins('ABCDEFGHJKLMNPRST')).toBe('ABCDEFGHJKLMNPRST');
    expect(maskVins('12345678901234567')).toBe('12345678901234567');
    expect(maskVins('WP0AA29898U7602441')).toBe('WP0AA29898U7602441');
    expect(maskVins('123e4567-e89b-42d3-a456-556642440000')).toBe('123e4567-e89b-42d3-a456-556642440000');
  });

  it('covers every key down to three levels', () => {
    for (const key of ['vin', 'licensePlate', 'plate', 'license_no', 'identification_number', 'debtorId', 'debtorIds', 'apiKey', 'password', 'token', 'secret', 'variables']) {
      expect(REDACTED_PATHS).toEqual(expect.arrayContaining([key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]));
    }
  });
});

describe('an unexpected error', () => {
  it('reaches the client as "Internal server error" with a correlation id that the log line carries', () => {
    const format = maskErrors({ logger: capturingLogger() });
    const original = new Error(`connect ECONNREFUSED http://10.1.2.3:8443/api/v150/assignments?vin=${VIN}`);
    const wrapped = new GraphQLError(original.message, { originalError: original, path: ['assignment'] });

    const formatted = format({ message: original.message, path: ['assignment'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, wrapped);

    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['assignment'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: expect.any(String) },
    });
    expect(lines).toEqual([expect.objectContaining({ level: 50, correlationId: formatted.extensions?.correlationId, msg: 'unexpected error' })]);
    expect(leaked({ vin: VIN })).toEqual([]);
  });
});
