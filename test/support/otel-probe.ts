/**
 * Run as a process (`node --import tsx test/support/otel-probe.ts`) with the environment under
 * test: starts the service as `npm start` does on its simulators, serves one query carrying a
 * router's traceparent, and prints one JSON line: the OpenTelemetry packages the process loaded
 * and the traceparent the provider received.
 */
import { loadConfig } from '../../src/config/index';
import { createLogger } from '../../src/infra/logger';
import { startRuntime } from '../../src/server/runtime';
import { startEmbeddedProviders } from '../../tools/dev/embedded';

export const PROBE_TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

async function probe(): Promise<void> {
  const runtime = await startRuntime(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), createLogger({ level: 'silent' }), startEmbeddedProviders);
  try {
    const res = await fetch(runtime.app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${runtime.auth.devToken ?? ''}`, traceparent: PROBE_TRACEPARENT },
      body: JSON.stringify({ query: '{ assignment(id: "57074903") { id } }' }),
    });
    const answer = await res.text();
    const simulator = runtime.embedded?.recoveryConnect.url ?? '';
    const requests = (await (await fetch(`${simulator}/__sim/requests`)).json()) as { requests: { path: string; traceparent?: string }[] };
    const loaded = Object.keys(require.cache)
      .filter((path) => path.includes('node_modules/@opentelemetry/'))
      .map((path) => path.replace(/.*node_modules\/(@opentelemetry\/[^/]+).*/, '$1'));
    const sent = requests.requests.find((request) => request.path === '/api/v150/assignments')?.traceparent ?? null;
    process.stdout.write(`${JSON.stringify({ answer, loaded: [...new Set(loaded)].sort(), sent })}\n`);
  } finally {
    await runtime.close();
  }
}

// Exits as src/main.ts does after a shutdown, whatever timers a failing exporter still holds.
if (require.main === module) {
  probe().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
