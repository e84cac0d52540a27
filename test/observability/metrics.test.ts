/**
 * `GET /metrics` as Prometheus scrapes it: operations, provider calls by route template, retries,
 * breaker state, bulkhead use, DataLoader batch sizes and Node's process metrics, with label
 * values that stay bounded whatever clients send.
 */
import { MAX_OPERATION_NAMES } from '../../src/infra/observability/operation-metrics';
import { generatedAssignments } from '../support/assignments';
import { scrape } from '../support/prometheus';
import { recoveryConnectFixture } from '../../tools/simulators/fixtures';
import { startStack, type TestStack } from '../support/stack';

const P = 'recovery_graph_';

function metricsOf(stack: TestStack): string {
  if (stack.metricsUrl === null) throw new Error('metrics are not served');
  return stack.metricsUrl;
}

describe('/metrics', () => {
  const extra = generatedAssignments(100);
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({
      simulator: { assignments: [...recoveryConnectFixture.assignments, ...extra] },
      resilience: { retries: 1, breaker: { consecutiveFailures: 3, halfOpenAfterMs: 60_000 } },
    });
  });
  afterAll(async () => {
    await stack.close();
  });
  afterEach(async () => {
    await stack.sim.clearFaults();
  });

  it("is Prometheus text with Node's process metrics", async () => {
    const metrics = await scrape(metricsOf(stack));
    expect(metrics.status).toBe(200);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(metrics.find(name).length).toBeGreaterThan(0);
    }
  });

  it('counts operations by validated name, type and outcome, with their durations', async () => {
    await stack.gql('query Good { assignment(id: "57074903") { id } }');
    await stack.sim.fault({ method: 'GET', path: '/api/v130/assignments/*', status: 404, times: 0 });
    await stack.gql('query Partial { assignment(id: "57074903") { id collaterals { id } } }');
    await stack.gql('query Invalid { assignment(id: "57074903") { nope } }');
    await stack.gql('{ __typename }');
    await stack.gql('mutation Refused { updateAssignment(id: "57074903", input: {}) { __typename } }');

    const metrics = await scrape(metricsOf(stack));
    const count = (operation: string, type: string, outcome: string) => metrics.value(`${P}graphql_operations_total`, { operation, type, outcome });
    expect(count('Good', 'query', 'success')).toBe(1);
    expect(count('Partial', 'query', 'partial')).toBe(1);
    expect(count('anonymous', 'query', 'success')).toBe(1);
    expect(count('Refused', 'mutation', 'success') + count('Refused', 'mutation', 'error')).toBe(1);
    // Not validated: its name is not taken.
    expect(metrics.find(`${P}graphql_operations_total`, { operation: 'Invalid' })).toEqual([]);
    expect(count('unknown', 'unknown', 'rejected')).toBeGreaterThanOrEqual(1);
    expect(metrics.value(`${P}graphql_operation_duration_seconds_count`, { operation: 'Good', type: 'query' })).toBe(1);
    expect(metrics.value(`${P}graphql_operation_duration_seconds_sum`, { operation: 'Good', type: 'query' })).toBeGreaterThan(0);
    expect(metrics.value(`${P}http_requests_total`, { route: '/graphql', method: 'POST', status: '400' })).toBeGreaterThanOrEqual(1);
  });

  it('counts provider calls by route template, outcome and status, never by id', async () => {
    const before = await scrape(metricsOf(stack));
    await stack.gql('{ assignment(id: "57074905") { id collaterals { id } } }');
    const after = await scrape(metricsOf(stack));
    const calls = { provider: 'RECOVERY_CONNECT', method: 'GET', route: '/api/v130/assignments/{id}/collaterals', outcome: 'success', status: '200' };
    expect(after.value(`${P}provider_calls_total`, calls) - before.value(`${P}provider_calls_total`, calls)).toBe(1);
    const duration = { provider: 'RECOVERY_CONNECT', method: 'GET', route: '/api/v150/assignments' };
    expect(after.value(`${P}provider_call_duration_seconds_count`, duration)).toBeGreaterThan(before.value(`${P}provider_call_duration_seconds_count`, duration));
    expect(after.text).not.toContain('57074905');
    expect(after.text).not.toContain('57074903');
  });

  it('counts retries, and shows a breaker opening and staying open', async () => {
    const route = { provider: 'DEBT_COLLECTION', method: 'GET', route: '/debt-collection/cases' };
    const before = await scrape(metricsOf(stack));
    await stack.sims.debtCollection.fault({ method: 'GET', status: 503, times: 0 });
    // Two attempts each: the breaker opens on the third failure in a row.
    await stack.gql('{ debtCase(agencyCollectionCaseId: "agency-id-123") { agencyCollectionCaseId } }');
    await stack.gql('{ debtCase(agencyCollectionCaseId: "agency-id-123") { agencyCollectionCaseId } }');
    const after = await scrape(metricsOf(stack));

    expect(after.value(`${P}provider_retries_total`, route) - before.value(`${P}provider_retries_total`, route)).toBe(1);
    expect(after.value(`${P}provider_calls_total`, { ...route, outcome: 'http_error', status: '503' })).toBe(1);
    expect(after.value(`${P}provider_calls_total`, { ...route, outcome: 'circuit_open', status: '' })).toBe(1);
    expect(after.value(`${P}provider_breaker_opened_total`, { provider: 'DEBT_COLLECTION' })).toBe(1);
    expect(after.value(`${P}provider_breaker_state`, { provider: 'DEBT_COLLECTION', state: 'open' })).toBe(1);
    expect(after.value(`${P}provider_breaker_state`, { provider: 'DEBT_COLLECTION', state: 'closed' })).toBe(0);
    expect(after.value(`${P}provider_breaker_state`, { provider: 'CDC', state: 'closed' })).toBe(1);
  });

  it('shows DataLoader batch sizes: 100 entity references are one batch of 100', async () => {
    const loader = { loader: 'recovery_connect.assignment_by_id' };
    const before = await scrape(metricsOf(stack));
    await stack.gql('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assignment { id } } }', {
      r: extra.map((assignment) => ({ __typename: 'Assignment', id: String(assignment.id) })),
    });
    const after = await scrape(metricsOf(stack));
    expect(after.value(`${P}loader_batch_size_count`, loader) - before.value(`${P}loader_batch_size_count`, loader)).toBe(1);
    expect(after.value(`${P}loader_batch_size_sum`, loader) - before.value(`${P}loader_batch_size_sum`, loader)).toBe(100);
  });
});

describe('the bulkhead gauges', () => {
  it('show the calls running and waiting while a provider is slow, and none after', async () => {
    const stack = await startStack({ resilience: { bulkhead: { limit: 1, queue: 10 } } });
    try {
      await stack.sims.cdc.fault({ method: 'GET', path: '/assignment/', delayMs: 400, times: 0 });
      const codes = ['5b0e8c1a-2f4d-4a51-9c1e-000000000001', '5b0e8c1a-2f4d-4a51-9c1e-000000000002', '5b0e8c1a-2f4d-4a51-9c1e-000000000003'];
      const reads = codes.map((code) => stack.gql(`{ cdcAssignment(code: "${code}") { code } }`));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const during = await scrape(metricsOf(stack));
      await Promise.all(reads);
      const after = await scrape(metricsOf(stack));

      expect(during.value(`${P}provider_bulkhead_active`, { provider: 'CDC' })).toBe(1);
      expect(during.value(`${P}provider_bulkhead_queued`, { provider: 'CDC' })).toBe(2);
      expect(after.value(`${P}provider_bulkhead_active`, { provider: 'CDC' })).toBe(0);
      expect(after.value(`${P}provider_bulkhead_queued`, { provider: 'CDC' })).toBe(0);
    } finally {
      await stack.close();
    }
  });
});

describe('label values', () => {
  it('stay bounded: validated names get series up to 100, the rest are other, made-up ones none', async () => {
    const stack = await startStack();
    try {
      for (let i = 0; i < 150; i += 1) await stack.gql(`query Op${String(i)} { __typename }`);
      for (let i = 0; i < 50; i += 1) await stack.gql(`query Bogus${String(i)} { nope${String(i)} }`);
      const metrics = await scrape(metricsOf(stack));
      const operations = new Set(metrics.find(`${P}graphql_operations_total`).map((sample) => sample.labels.operation));
      // Metrics are the process's: the names admitted by the tests above count towards the 100.
      const named = [...operations].filter((name): name is string => name !== undefined && !['anonymous', 'other', 'unknown'].includes(name));
      expect(named).toHaveLength(MAX_OPERATION_NAMES);
      expect(named.filter((name) => name.startsWith('Op')).length).toBeGreaterThan(90);
      expect([...operations].some((name) => name?.startsWith('Bogus'))).toBe(false);
      expect(metrics.value(`${P}graphql_operations_total`, { operation: 'other', type: 'query', outcome: 'success' })).toBe(150 - named.filter((name) => name.startsWith('Op')).length);
    } finally {
      await stack.close();
    }
  });
});

describe('a burst of made-up requests', () => {
  it('adds no series once each kind of request has been seen: names, ids, documents and paths are not labels', async () => {
    const stack = await startStack();
    const origin = new URL(stack.graphqlUrl).origin;
    /** 150 requests of five kinds, every one with text never sent before. */
    const burst = async (round: number) => {
      for (let i = 0; i < 30; i += 1) {
        const n = `${String(round)}x${String(i)}`;
        await stack.gql(`query Made${n} { __typename }`);
        await stack.gql(`query Bad${n} { nope${n} }`);
        await stack.gql(`query Id${n} { assignment(id: "9${String(round)}${String(i)}7") { id collaterals { id } } }`);
        await stack.gqlAs(stack.token, '{ __typename }', undefined, { 'x-request-id': `burst-${n}` });
        await (await fetch(`${origin}/made/up/${n}?q=${n}`)).arrayBuffer();
      }
    };
    try {
      // Fill the operation names first: after that, every later name is `other`.
      for (let i = 0; i < 100; i += 1) await stack.gql(`query Fill${String(i)} { __typename }`);
      await burst(1);
      // A scrape is counted once answered: the second one sees the first.
      await scrape(metricsOf(stack));
      const first = await scrape(metricsOf(stack));
      await burst(2);
      await burst(3);
      const after = await scrape(metricsOf(stack));
      const ours = (samples: typeof first.samples) => samples.filter((sample) => sample.name.startsWith(P)).length;
      expect(ours(after.samples)).toBe(ours(first.samples));
      for (const made of ['Made2', 'Bad2', 'assignments/9', 'burst-', 'made/up']) expect(after.text).not.toContain(made);
      expect(ours(after.samples)).toBeLessThan(2_000);
    } finally {
      await stack.close();
    }
  });
});

describe('METRICS_PORT', () => {
  it('serves /metrics on its own port, and not on the public one', async () => {
    const stack = await startStack({ observability: { metrics: { onPublicPort: false, port: 0 } } });
    try {
      const metricsUrl = metricsOf(stack);
      expect(new URL(metricsUrl).port).not.toBe(new URL(stack.graphqlUrl).port);
      expect((await scrape(metricsUrl)).status).toBe(200);
      expect((await fetch(new URL('/metrics', stack.graphqlUrl))).status).toBe(404);
      expect((await fetch(new URL('/graphql', metricsUrl))).status).toBe(404);
    } finally {
      await stack.close();
    }
  });

  it('is not needed outside production; in production without it there is no /metrics', async () => {
    const stack = await startStack({ exposure: { isProduction: true, introspection: false, landingPage: false }, observability: { metrics: { onPublicPort: false, port: null } } });
    try {
      expect(stack.metricsUrl).toBeNull();
      expect((await fetch(new URL('/metrics', stack.graphqlUrl))).status).toBe(404);
    } finally {
      await stack.close();
    }
  });
});
