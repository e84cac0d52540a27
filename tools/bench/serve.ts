/**
 * Entry of the bench's own child processes: `node serve.js upstream|textbook|bare`. The runner
 * compiles this file (runner/compile.ts) so peers and the stand-in run on plain node, as the
 * project's build does, without a TypeScript loader in their memory or their start.
 *
 * upstream: PORT, HOST, BENCH_UPSTREAM_DELAY_MS. Peers: the project's own variables (PORT, HOST,
 * RECOVERY_CONNECT_URL, RECOVERY_CONNECT_USERNAME, RECOVERY_CONNECT_PASSWORD, AUTH_JWT_SECRET).
 */
import { startBarePeer } from './peers/bare';
import { peerConfigFromEnv } from './peers/config';
import { startTextbookPeer } from './peers/textbook';
import { startStandIn } from './upstream/stand-in';

async function main(role: string | undefined): Promise<{ close(): Promise<void> }> {
  const env = process.env;
  switch (role) {
    case 'upstream':
      return startStandIn({
        port: Number(env.PORT ?? 0),
        host: env.HOST ?? '127.0.0.1',
        delayMs: Number(env.BENCH_UPSTREAM_DELAY_MS ?? 0),
      });
    case 'textbook':
      return startTextbookPeer(peerConfigFromEnv(env));
    case 'bare':
      return startBarePeer(peerConfigFromEnv(env));
    default:
      throw new Error(`usage: serve.js upstream|textbook|bare (got ${String(role)})`);
  }
}

main(process.argv[2]).then(
  (running) => {
    const stop = () => {
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
