/**
 * The requests of issue 11, as the attacker sent them. The fuzzer sends each to the service in
 * its child process; the checks are the fuzzer's (no 5xx, no INTERNAL_SERVER_ERROR, no fatal
 * log, the process alive), and test/fuzz/fuzz.test.ts also checks their answers one by one.
 */
import type { SimControl } from '../support/sim-control';
import type { FuzzOperation } from './operations';

type Sims = { readonly recoveryConnect: SimControl; readonly cdc: SimControl; readonly debtCollection: SimControl };

export interface Regression {
  readonly name: string;
  readonly operation: FuzzOperation;
  /** The status and error codes the answer must have. */
  readonly expected: { readonly status: number; readonly codes: readonly string[] };
  before?(sims: Sims): Promise<void>;
  after?(sims: Sims): Promise<void>;
}

const ALL = { kind: 'scopes', scopes: ['assignments:read', 'assignments:write', 'cdc:read', 'cdc:write', 'collections:read', 'collections:write'] } as const;
const NONE = { kind: 'none' } as const;
const TYPENAMES = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';

const debtorIdLists = Object.fromEntries(Array.from({ length: 15 }, (_, alias) => [`d${alias}`, Array.from({ length: 500 }, (_, index) => `debtor-${alias}-${index}`)]));

export const ISSUE_REQUESTS: readonly Regression[] = [
  {
    name: 'no token, [ResultError, Nope]: the request that ended the process',
    operation: { target: 'Query._entities', isMutation: false, caller: NONE, query: TYPENAMES, variables: { r: [{ __typename: 'ResultError' }, { __typename: 'Nope' }] } },
    expected: { status: 200, codes: ['BAD_USER_INPUT', 'BAD_USER_INPUT'] },
  },
  {
    name: '[Debtor without debtorId, Nope]',
    operation: { target: 'Query._entities', isMutation: false, caller: NONE, query: TYPENAMES, variables: { r: [{ __typename: 'Debtor' }, { __typename: 'Nope' }] } },
    expected: { status: 200, codes: ['BAD_USER_INPUT', 'BAD_USER_INPUT'] },
  },
  {
    name: '[CdcAssignment without code, Nope]',
    operation: { target: 'Query._entities', isMutation: false, caller: ALL, query: TYPENAMES, variables: { r: [{ __typename: 'CdcAssignment' }, { __typename: 'Nope' }] } },
    expected: { status: 200, codes: ['BAD_USER_INPUT', 'BAD_USER_INPUT'] },
  },
  {
    name: 'Vehicle with the caller’s fields: null, nothing echoed',
    operation: { target: 'Query._entities', isMutation: false, caller: ALL, query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Vehicle { id vin } } }', variables: { r: [{ __typename: 'Vehicle', id: '1', vin: 'ATTACKER-VIN' }] } },
    expected: { status: 200, codes: [] },
  },
  {
    name: 'one _entities with 3,000 CdcAssignment codes',
    operation: {
      target: 'Query._entities',
      isMutation: false,
      caller: ALL,
      query: TYPENAMES,
      variables: { r: Array.from({ length: 3000 }, (_, index) => ({ __typename: 'CdcAssignment', code: `code-${index}` })) },
    },
    expected: { status: 400, codes: ['COST_ESTIMATED_TOO_EXPENSIVE'] },
  },
  {
    name: 'debtCases with 15 aliases × 500 debtor ids',
    operation: {
      target: 'Query.debtCases',
      isMutation: false,
      caller: ALL,
      query: `query (${Object.keys(debtorIdLists).map((name) => `$${name}: [ID!]`).join(', ')}) { ${Object.keys(debtorIdLists).map((name) => `${name}: debtCases(debtorIds: $${name}) { agencyCollectionCaseId }`).join(' ')} }`,
      variables: debtorIdLists,
    },
    expected: { status: 400, codes: ['COST_ESTIMATED_TOO_EXPENSIVE'] },
  },
  {
    name: 'perPage: 250 with collaterals',
    operation: { target: 'Query.assignments', isMutation: false, caller: ALL, query: '{ assignments(perPage: 250) { items { id collaterals { id vehicle { vin } } } } }' },
    expected: { status: 400, codes: ['COST_ESTIMATED_TOO_EXPENSIVE'] },
  },
  {
    name: 'subscription { x }',
    operation: { target: 'raw', isMutation: false, caller: NONE, query: 'subscription { x }' },
    expected: { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] },
  },
  {
    name: 'assignments(filter: { accountNumber: "" })',
    operation: { target: 'Query.assignments', isMutation: false, caller: ALL, query: '{ assignments(filter: { accountNumber: "" }) { items { id } } }' },
    expected: { status: 200, codes: ['BAD_USER_INPUT'] },
  },
  {
    name: 'accountNumber with control characters',
    operation: { target: 'Query.assignments', isMutation: false, caller: ALL, query: 'query ($a: String) { assignments(filter: { accountNumber: $a }) { items { id } } }', variables: { a: 'ACC\u0000\u001b[2J' } },
    expected: { status: 200, codes: ['BAD_USER_INPUT'] },
  },
  {
    name: '[Assignment "57074903", Nope] while RecoveryConnect answers 503',
    operation: { target: 'Query._entities', isMutation: false, caller: ALL, query: TYPENAMES, variables: { r: [{ __typename: 'Assignment', id: '57074903' }, { __typename: 'Nope' }] } },
    expected: { status: 200, codes: ['PROVIDER_ERROR', 'BAD_USER_INPUT'] },
    async before(sims) {
      await sims.recoveryConnect.fault({ method: 'GET', path: '/api/v150/assignments', status: 503, times: 0 });
    },
    async after(sims) {
      await sims.recoveryConnect.clearFaults();
    },
  },
];
