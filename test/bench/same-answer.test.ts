/**
 * The bench compares like with like: the project (production mode, auth on, pointed at the
 * bench's upstream stand-in), the textbook peer and the bare peer answer the bench's query with
 * the same data and refuse the same tokens; the stand-in answers the REST GET and counts the
 * reads it holds in flight. A correctness check of the harness (bench/runner/check.ts), not a
 * timing: timings live in `npm run bench`.
 */
import { randomBytes } from 'node:crypto';
import { signToken } from '../../src/server/auth/dev-token';
import { loadConfig } from '../../src/config/index';
import { createLogger } from '../../src/infra/logger';
import { startRuntime, type Runtime } from '../../src/server/runtime';
import { startEmbeddedProviders } from '../../tools/dev/embedded';
import { startBarePeer } from '../../tools/bench/peers/bare';
import type { RunningPeer } from '../../tools/bench/peers/config';
import { startTextbookPeer } from '../../tools/bench/peers/textbook';
import { BENCH_SCOPE, UPSTREAM_READ_PATH } from '../../tools/bench/query';
import { checkTargets } from '../../tools/bench/runner/check';
import type { TargetName } from '../../tools/bench/runner/options';
import { graphqlRequest, projectEnv, TARGET_LABELS, withAuthorization, type Target, type TargetRequest } from '../../tools/bench/runner/targets';
import { startStandIn, type RunningStandIn } from '../../tools/bench/upstream/stand-in';

function inProcess(name: TargetName, request: TargetRequest): Target {
  return {
    name,
    label: TARGET_LABELS[name],
    pid: process.pid,
    request,
    withAuthorization: (authorization) => withAuthorization(request, authorization),
    stop: () => Promise.resolve(),
  };
}

describe('the bench targets', () => {
  const jwtSecret = randomBytes(32).toString('base64url');
  let standIn: RunningStandIn;
  let project: Runtime;
  let peers: RunningPeer[] = [];

  beforeAll(async () => {
    standIn = await startStandIn();
    const config = { upstreamUrl: standIn.url, credentials: standIn.credentials, jwtSecret };
    project = await startRuntime(loadConfig(projectEnv({ ...config, port: 0, logLevel: 'silent' })), createLogger({ level: 'silent' }), startEmbeddedProviders);
    const peerConfig = { port: 0, host: '127.0.0.1', upstreamUrl: standIn.url, credentials: standIn.credentials, jwtSecret };
    peers = [await startTextbookPeer(peerConfig), await startBarePeer(peerConfig)];
  });

  afterAll(async () => {
    await Promise.all(peers.map((peer) => peer.close()));
    await project.close();
    await standIn.close();
  });

  it('answer the query with the same data and refuse bad, missing and unscoped tokens alike', async () => {
    const token = await signToken({ secret: jwtSecret, scopes: [BENCH_SCOPE], lifetimeSeconds: 600 });
    const [textbook, bare] = peers;
    const targets = [
      inProcess('upstream', { url: standIn.url + UPSTREAM_READ_PATH, method: 'GET', headers: { authorization: `Bearer ${standIn.token}` } }),
      inProcess('project', graphqlRequest(project.app.graphqlUrl, token)),
      inProcess('textbook', graphqlRequest(textbook!.url, token)),
      inProcess('bare', graphqlRequest(bare!.url, token)),
    ];

    const { problems, bodies } = await checkTargets(targets, {
      wrongSignature: await signToken({ secret: randomBytes(32).toString('base64url'), scopes: [BENCH_SCOPE], lifetimeSeconds: 600 }),
      withoutScope: await signToken({ secret: jwtSecret, scopes: ['cdc:read'], lifetimeSeconds: 600 }),
    });

    expect(problems).toEqual([]);
    expect([...bodies.keys()]).toEqual(['upstream', 'project', 'textbook', 'bare']);
    // The fixture read the project's way: placeholders null, the plate is the latest non-empty
    // entry of the vehicle's property history (later entries are empty).
    expect(JSON.parse(bodies.get('textbook')!).data.assignment).toEqual({
      id: '57074903',
      collectorId: '83268',
      orderType: 5,
      statusDate: '2026-03-10T18:27:04.000Z',
      primaryCollateral: {
        unpaidBalance: '0',
        contractDate: null,
        vehicle: { vin: 'WP0AA29898U760244', year: 2010, make: 'Nissan', model: 'Xterra', licensePlate: { number: 'DQK4516', state: 'OH' } },
      },
    });
  });

  it('finds a difference in the data and says where', async () => {
    const token = await signToken({ secret: jwtSecret, scopes: [BENCH_SCOPE], lifetimeSeconds: 600 });
    const request = graphqlRequest(project.app.graphqlUrl, token);
    // Same id, another selection: the check must see the data is not the same.
    const other = { ...request, body: JSON.stringify({ query: '{ assignment(id: "57074903") { id orderType } }' }) };
    const { problems } = await checkTargets([inProcess('project', request), inProcess('bare', other)], {
      wrongSignature: await signToken({ secret: randomBytes(32).toString('base64url'), scopes: [BENCH_SCOPE], lifetimeSeconds: 600 }),
      withoutScope: await signToken({ secret: jwtSecret, scopes: ['cdc:read'], lifetimeSeconds: 600 }),
    });
    expect(problems).toEqual([expect.stringMatching(/^bare: data differs from project's:\n {4}\.assignment\.collectorId: "83268" vs undefined/)]);
  });
});

describe('the upstream stand-in', () => {
  it('counts every read and the identical reads it holds in flight at once', async () => {
    const standIn = await startStandIn({ delayMs: 30 });
    try {
      const read = () => fetch(standIn.url + UPSTREAM_READ_PATH, { headers: { authorization: `Bearer ${standIn.token}` } });
      const answers = await Promise.all([read(), read(), read()]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      await fetch(`${standIn.url}/api/v150/assignments?ids=57074905`, { headers: { authorization: `Bearer ${standIn.token}` } });
      expect(standIn.stats()).toEqual({
        calls: { auth: 0, assignments: 4, other: 0, unauthorized: 0 },
        maxInFlight: 3,
        maxIdenticalInFlight: 3,
      });
      standIn.resetStats();
      expect(standIn.stats()).toEqual({ calls: { auth: 0, assignments: 0, other: 0, unauthorized: 0 }, maxInFlight: 0, maxIdenticalInFlight: 0 });
    } finally {
      await standIn.close();
    }
  });
});
