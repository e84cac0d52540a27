/**
 * GraphiQL works offline: Debian's chromium, headless, with no network but loopback (every other
 * address goes to a proxy on a closed port), opens `/graphiql` of `npm start`'s dev mode, finds
 * the README's first query and the dev token already there, runs the query and sees its data in
 * the result pane. Every request the page makes stays on the service's origin.
 *
 * The screenshot is kept at test-artifacts/graphiql.png (CI keeps it as an artifact).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { loadConfig } from '../../src/config/index';
import { GRAPHIQL_DEFAULT_QUERY } from '../../src/server/http/graphiql';
import { createLogger } from '../../src/infra/logger';
import { startRuntime, type Runtime } from '../../src/server/runtime';
import { startEmbeddedProviders } from '../../tools/dev/embedded';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');
const SCREENSHOT = join(ROOT, 'test-artifacts', 'graphiql.png');

/** Debian's chromium with nothing but loopback: any other host goes to 127.0.0.1:9, where nothing listens. */
const OFFLINE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--proxy-server=127.0.0.1:9',
];

jest.setTimeout(90_000);

let runtime: Runtime | undefined;
let profile: string | undefined;
let browser: BrowserContext | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH. This test does not download a browser.`);
  }
  // `npm start` with nothing configured: every provider on its simulator, a dev token.
  runtime = await startRuntime(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), createLogger({ level: 'silent' }), startEmbeddedProviders);
  profile = mkdtempSync(join(tmpdir(), 'graphiql-profile-'));
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: OFFLINE_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await runtime?.close();
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
});

function started(): { runtime: Runtime; browser: BrowserContext } {
  if (!runtime || !browser) throw new Error('not started');
  return { runtime, browser };
}

/** The first ```graphql block of the README. */
function readmeFirstQuery(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const match = /```graphql\n([\s\S]*?)```/.exec(readme);
  if (!match?.[1]) throw new Error('README has no graphql block');
  return match[1];
}

describe('GraphiQL at /graphiql', () => {
  it("opens with the README's first query", () => {
    expect(GRAPHIQL_DEFAULT_QUERY).toBe(readmeFirstQuery());
  });

  it('runs that query offline, with the dev token already in its headers, and shows the data', async () => {
    const { runtime, browser } = started();
    const origin = new URL(runtime.app.graphqlUrl).origin;
    const requested: string[] = [];
    const failed: string[] = [];
    const problems: string[] = [];
    const page = await browser.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${origin}/graphiql`);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    expect(await page.locator('.graphiql-query-editor .CodeMirror-code').innerText()).toContain('assignment(id: "57074903")');
    // The headers editor is open and holds the dev token.
    expect(await page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror-code').innerText()).toContain(`Bearer ${runtime.auth.devToken ?? 'none'}`);

    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window .CodeMirror-code');
    await result.filter({ hasText: 'WP0AA29898U760244' }).waitFor();
    const text = await result.innerText();
    expect(text).toContain('"id": "57074903"');
    expect(text).toContain('"licensePlate"');
    expect(text).not.toContain('"errors"');

    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Nothing but this origin was asked for, nothing failed, and the page reported no error
    // (a Content-Security-Policy refusal would be one).
    expect(requested.length).toBeGreaterThan(5);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(failed).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('really has no network but loopback', async () => {
    const { browser } = started();
    const page = await browser.newPage();
    await expect(page.goto('http://example.com/')).rejects.toThrow(/ERR_PROXY_CONNECTION_FAILED|ERR_TUNNEL_CONNECTION_FAILED/);
    await page.close();
  });
});
