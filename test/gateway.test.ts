/**
 * The subgraph inside a real supergraph: our service and an example CRM subgraph composed with
 * @apollo/composition and served by a real @apollo/gateway, all on loopback.
 */
import { subgraphSdl } from '../tools/supergraph/print';
import { recoveryConnectFixture } from '../tools/simulators/fixtures';
import { generatedAssignments } from './support/assignments';
import { CRM_SDL, riskScoreOf, startCrmSubgraph, type CrmSubgraph } from './support/crm-subgraph';
import { startGateway, type RunningGateway } from './support/gateway';
import { startStack, type TestStack } from './support/stack';

const SEED_ID = '57074903';
const UNKNOWN_ID = '99999999';
const extra = generatedAssignments(100);
const hundredIds = extra.map((assignment) => String(assignment.id));

let stack: TestStack;
let crm: CrmSubgraph;
let gateway: RunningGateway;

beforeAll(async () => {
  stack = await startStack({ simulator: { assignments: [...recoveryConnectFixture.assignments, ...extra] } });
  crm = await startCrmSubgraph([SEED_ID, UNKNOWN_ID, ...hundredIds]);
  gateway = await startGateway(
    [
      { name: 'recovery-graph', routingUrl: stack.graphqlUrl, sdl: subgraphSdl() },
      { name: 'crm', routingUrl: crm.url, sdl: CRM_SDL },
    ],
    // The client's token, which the gateway passes on to this subgraph.
    { token: stack.token },
  );
});
afterAll(async () => {
  await gateway.close();
  await crm.close();
  await stack.close();
});
beforeEach(async () => {
  await stack.sim.clearRequests();
  crm.entityCalls.length = 0;
});

/** The RecoveryConnect list calls the simulator saw (entity batches use the list route). */
async function listCalls(): Promise<number> {
  return (await stack.sim.requests()).filter(
    (request) => request.method === 'GET' && request.path === '/api/v150/assignments',
  ).length;
}

describe('a real gateway over this subgraph and a CRM subgraph', () => {
  it('joins data of both subgraphs in one query, vehicles included', async () => {
    const answer = await gateway.query(`{
      riskiestAssignments(limit: 1) {
        id riskScore orderType
        primaryCollateral { vehicle { id vin make marketValue } }
      }
    }`);

    expect(answer.errors).toBeUndefined();
    const [assignment] = (answer.data?.riskiestAssignments ?? []) as {
      id: string;
      riskScore: number;
      orderType: number;
      primaryCollateral: { vehicle: { id: string; vin: string; make: string; marketValue: string } };
    }[];
    expect(assignment?.id).toBe(SEED_ID);
    expect(assignment?.riskScore).toBe(riskScoreOf(SEED_ID));
    expect(assignment?.orderType).toBe(5);
    const vehicle = assignment?.primaryCollateral.vehicle;
    expect(vehicle?.vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
    expect(vehicle?.marketValue).toBe(`${1000 + riskScoreOf(vehicle?.id ?? '')}.00`);
    expect(crm.entityCalls).toEqual([{ typename: 'Vehicle', count: 1 }]);
  });

  it("joins a debt case from this subgraph with the debtor's name from the CRM", async () => {
    const answer = await gateway.query(`{
      debtCase(agencyCollectionCaseId: "agency-id-124") {
        isClosed
        debtor { debtorId name block { limitType endDate } }
      }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.debtCase).toEqual({
      isClosed: false,
      debtor: { debtorId: '2334546', name: 'Debtor 46', block: { limitType: 'LIMITED', endDate: '2027-06-30' } },
    });
    expect(crm.entityCalls).toEqual([{ typename: 'Debtor', count: 1 }]);
  });

  it('resolves 100 assignment entities the gateway needs with one RecoveryConnect list call', async () => {
    const answer = await gateway.query('{ riskiestAssignments(limit: 102) { id riskScore companyOrderNumber } }');

    expect(answer.errors).toBeUndefined();
    const rows = answer.data?.riskiestAssignments as { id: string; companyOrderNumber: string | null }[];
    expect(rows).toHaveLength(102);
    expect(rows.slice(2).map((row) => row.companyOrderNumber)).toEqual(extra.map((a) => String(a.company_orderno)));
    // 101 distinct known ids and one unknown: one batch, under the provider's 250 a call.
    expect(await listCalls()).toBe(1);
  });

  it("passes the client's token on: without one, this subgraph refuses its part and leaks nothing", async () => {
    const answer = await gateway.query('{ riskiestAssignments(limit: 1) { id riskScore orderType } }', {}, { token: null });

    // @apollo/gateway does not enforce @requiresScopes (a router does): the subgraph itself refuses.
    expect(answer.errors?.map((error) => error.extensions?.code)).toContain('UNAUTHENTICATED');
    expect(answer.data?.riskiestAssignments).toEqual([{ id: SEED_ID, riskScore: riskScoreOf(SEED_ID), orderType: null }]);
    expect(await listCalls()).toBe(0);
  });

  it('answers a missing entity with null fields and keeps the rest of the answer', async () => {
    const answer = await gateway.query('{ riskiestAssignments(limit: 2) { id riskScore orderType companyOrderNumber } }');

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.riskiestAssignments).toEqual([
      { id: SEED_ID, riskScore: riskScoreOf(SEED_ID), orderType: 5, companyOrderNumber: expect.any(String) as unknown },
      { id: UNKNOWN_ID, riskScore: riskScoreOf(UNKNOWN_ID), orderType: null, companyOrderNumber: null },
    ]);
  });
});
