/**
 * Every way a client may send the JSON body of `POST /graphql` reads the same: the plain case
 * (UTF-8 JSON with a Content-Length) is read by src/http/json-body.ts itself, the rest (chunked,
 * compressed, another charset) by Express's body parser; a client cannot tell which.
 */
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

const QUERY = JSON.stringify({ query: '{ assignment(id: "57074903") { id } }' });
const ANSWER = { data: { assignment: { id: '57074903' } } };

interface Answer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

/** POSTs the body as given, piece by piece, with exactly these headers (and the token). */
function post(headers: Record<string, string>, chunks: readonly Buffer[]): Promise<Answer> {
  const url = new URL(stack.graphqlUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${stack.token}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] });
        });
      },
    );
    req.on('error', reject);
    // Each piece in its own write, a moment apart, so the server reads them as separate chunks.
    void (async () => {
      for (const chunk of chunks) {
        req.write(chunk);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      req.end();
    })();
  });
}

const plain = Buffer.from(QUERY);
const length = (body: Buffer) => String(body.length);

describe('a JSON body', () => {
  it('with a Content-Length, in one piece or in several', async () => {
    expect(await post({ 'content-type': 'application/json', 'content-length': length(plain) }, [plain])).toEqual({ status: 200, body: ANSWER });
    const parts = [plain.subarray(0, 7), plain.subarray(7, 20), plain.subarray(20)];
    expect(await post({ 'content-type': 'application/json', 'content-length': length(plain) }, parts)).toEqual({ status: 200, body: ANSWER });
  });

  it('with charset=utf-8, and with non-ASCII text split inside a character: the provider gets that text', async () => {
    await stack.sims.recoveryConnect.clearRequests();
    const account = 'ÅCC-déjà-✓';
    const body = Buffer.from(JSON.stringify({ query: `{ assignments(filter: { accountNumber: "${account}" }) { pageInfo { total } } }` }));
    // Cut inside the three bytes of ✓: decoding each piece on its own would change the text.
    const cut = body.indexOf(Buffer.from('✓')) + 1;

    const answer = await post({ 'content-type': 'application/json; charset=utf-8', 'content-length': length(body) }, [body.subarray(0, cut), body.subarray(cut)]);

    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const reads = (await stack.sims.recoveryConnect.requests()).filter((request) => request.path === '/api/v150/assignments');
    expect(reads.map((request) => request.query.acct_no)).toEqual([account]);
  });

  it('chunked, without a Content-Length', async () => {
    expect(await post({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, [plain.subarray(0, 10), plain.subarray(10)])).toEqual({
      status: 200,
      body: ANSWER,
    });
  });

  it('compressed with gzip', async () => {
    const body = gzipSync(plain);

    expect(await post({ 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': length(body) }, [body])).toEqual({ status: 200, body: ANSWER });
  });

  it('in a charset other than UTF-8 is refused with 415', async () => {
    const answer = await post({ 'content-type': 'application/json; charset=latin1', 'content-length': length(plain) }, [plain]);

    expect(answer.status).toBe(415);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('that is empty is a client error, whichever way it came', async () => {
    const withLength = await post({ 'content-type': 'application/json', 'content-length': '0' }, []);
    const chunked = await post({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, []);

    expect(withLength.status).toBe(400);
    expect(chunked.status).toBe(400);
    expect(withLength.body).toEqual(chunked.body);
  });

  it('that is a JSON number, or broken, is the same 400 with a Content-Length as chunked', async () => {
    for (const text of ['42', '{"query": ']) {
      const body = Buffer.from(text);
      const withLength = await post({ 'content-type': 'application/json', 'content-length': length(body) }, [body]);
      const chunked = await post({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, [body]);

      expect(withLength).toEqual(chunked);
      expect(withLength.status).toBe(400);
      expect(withLength.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    }
  });
});
