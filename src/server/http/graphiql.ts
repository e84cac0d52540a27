/**
 * GraphiQL at `GET /graphiql`, outside production: an explorer that works without the internet.
 * Every file it needs is served from the installed npm packages (GraphiQL 4's prebuilt browser
 * bundle, whose CSS carries its fonts inline, and React 18's UMD builds): no CDN, no web worker,
 * no font from elsewhere, and a Content-Security-Policy that lets the page reach this origin only.
 *
 * With a dev token (the embedded-simulator mode of `npm start`), the page opens with it already
 * in the request headers, for a browser on this machine: a request from another host gets the
 * page without it (the token is a credential, and the service listens on every interface).
 *
 * GraphiQL, React and ReactDOM are development dependencies: a production install does not have
 * them, and then there is no `/graphiql` (production never serves it anyway).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Router, type Request, type Response } from 'express';

/** The README's first query, the one the page opens with. */
export const GRAPHIQL_DEFAULT_QUERY = `{
  assignment(id: "57074903") {
    id collectorId orderType statusDate
    primaryCollateral {
      unpaidBalance contractDate
      vehicle { vin year make model licensePlate { number state } keyCode }
    }
  }
}
`;

export interface GraphiqlOptions {
  /** Where the page sends operations (same origin). */
  readonly endpoint: string;
  /** Put in the page's headers (Authorization) for a browser on this machine; null: none. */
  readonly devToken: string | null;
}

/** The files of the page, by the name they are served under, from the installed packages. */
type Assets = Readonly<Record<'react.js' | 'react-dom.js' | 'graphiql.js' | 'graphiql.css', string>>;

/** A package's installed folder, or null when it is not installed. */
function packageDir(name: string): string | null {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

/** The page's files, or null when a package (a development dependency) is missing. */
export function graphiqlAssets(): Assets | null {
  const react = packageDir('react');
  const reactDom = packageDir('react-dom');
  const graphiql = packageDir('graphiql');
  if (react === null || reactDom === null || graphiql === null) return null;
  const assets: Assets = {
    'react.js': join(react, 'umd', 'react.production.min.js'),
    'react-dom.js': join(reactDom, 'umd', 'react-dom.production.min.js'),
    'graphiql.js': join(graphiql, 'graphiql.min.js'),
    'graphiql.css': join(graphiql, 'graphiql.min.css'),
  };
  return Object.values(assets).every((file) => existsSync(file)) ? assets : null;
}

/** Only this origin; inline styles (React sets them) and data: fonts and images (GraphiQL's CSS). */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Starts GraphiQL with the page's settings (read from the JSON in the page, not from inline code). */
const START_SCRIPT = `'use strict';
(function () {
  var settings = JSON.parse(document.getElementById('graphiql-settings').textContent);
  var params = new URLSearchParams(window.location.search);
  var fetcher = GraphiQL.createFetcher({ url: settings.endpoint });
  var props = {
    fetcher: fetcher,
    defaultQuery: settings.defaultQuery,
    defaultHeaders: settings.headers,
    headers: settings.headers,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: settings.headers ? 'headers' : false,
  };
  if (params.get('query')) props.query = params.get('query');
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
`;

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function page(settings: { endpoint: string; defaultQuery: string; headers: string | undefined }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>recovery-graph · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="graphiql-settings" type="application/json">${scriptJson(settings)}</script>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script src="/graphiql/assets/start.js"></script>
</body>
</html>
`;
}

/** A request from this machine (loopback), which may be given the dev token. */
function fromThisMachine(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** The routes of GraphiQL, or null when its packages are not installed. */
export function graphiqlRoutes(options: GraphiqlOptions): Router | null {
  const assets = graphiqlAssets();
  if (assets === null) return null;
  const router = Router();
  const withToken = options.devToken === null ? undefined : JSON.stringify({ Authorization: `Bearer ${options.devToken}` }, null, 2);

  router.get('/graphiql', (req: Request, res: Response) => {
    res
      .set('content-security-policy', CONTENT_SECURITY_POLICY)
      .set('cache-control', 'no-store')
      .type('html')
      .send(page({ endpoint: options.endpoint, defaultQuery: GRAPHIQL_DEFAULT_QUERY, headers: fromThisMachine(req) ? withToken : undefined }));
  });
  router.get('/graphiql/assets/start.js', (_req, res) => {
    res.type('js').set('cache-control', 'no-cache').send(START_SCRIPT);
  });
  for (const [name, file] of Object.entries(assets)) {
    router.get(`/graphiql/assets/${name}`, (_req, res) => {
      res.sendFile(file, { maxAge: '1h' });
    });
  }
  return router;
}
