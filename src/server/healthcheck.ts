/**
 * `node dist/healthcheck.js`: the container's HEALTHCHECK (slim images have no curl). Exit 0 when
 * `GET /health/live` on this machine's PORT answers 200 within 3 s, else 1.
 */
const port = process.env.PORT !== undefined && process.env.PORT !== '' ? process.env.PORT : '4000';

fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(3000) }).then(
  (res) => {
    process.exitCode = res.ok ? 0 : 1;
  },
  () => {
    process.exitCode = 1;
  },
);
