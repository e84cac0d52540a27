/** Talks to a simulator's `/__sim` routes over HTTP, as a user of the simulator would. */

export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly time: string;
  readonly body?: unknown;
  /** The `x-request-id` the graph sent (the id of the request the call was made for). */
  readonly requestId?: string;
  /** The W3C `traceparent` the graph sent, with tracing on. */
  readonly traceparent?: string;
}

/** `POST /__sim/faults` (src/simulators/common/fault-spec.ts has what each field means). */
export interface FaultSpec {
  readonly method?: string;
  readonly path?: string;
  readonly status?: number;
  readonly times?: number;
  readonly retryAfterSeconds?: number;
  readonly body?: unknown;
  readonly phase?: 'before' | 'after';
  readonly delayMs?: number;
  readonly reset?: true;
  readonly corrupt?: 'truncated' | 'invalid' | 'html' | 'empty';
  readonly stallAfterBytes?: number;
  readonly expiredToken?: true;
}

export interface SimControl {
  requests(): Promise<SimRequest[]>;
  clearRequests(): Promise<void>;
  fault(spec: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  /** RecoveryConnect and CDC only: the debt-collection provider has no tokens. */
  revokeTokens(): Promise<void>;
  /** CDC and debt collection: the writes the simulator applied (not replays, not refusals). */
  writes(): Promise<Record<string, unknown>[]>;
}

export function simControl(baseUrl: string): SimControl {
  const call = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${await res.text()}`);
    return res;
  };
  return {
    async requests() {
      const res = await call('GET', '/__sim/requests');
      return ((await res.json()) as { requests: SimRequest[] }).requests;
    },
    async clearRequests() {
      await call('DELETE', '/__sim/requests');
    },
    async fault(spec) {
      await call('POST', '/__sim/faults', spec);
    },
    async clearFaults() {
      await call('DELETE', '/__sim/faults');
    },
    async revokeTokens() {
      await call('DELETE', '/__sim/tokens');
    },
    async writes() {
      const res = await call('GET', '/__sim/writes');
      return ((await res.json()) as { writes: Record<string, unknown>[] }).writes;
    },
  };
}

/** The provider requests of a log, as `METHOD /path`, auth included. */
export function routesOf(requests: readonly SimRequest[]): string[] {
  return requests.map((request) => `${request.method} ${request.path}`);
}
