/**
 * What every peer needs, from the same environment variables the project reads: where the
 * upstream is, its login, the JWT secret, and the port to listen on.
 */

export interface PeerConfig {
  readonly port: number;
  readonly host: string;
  /** RecoveryConnect's base URL (the stand-in's). */
  readonly upstreamUrl: string;
  readonly credentials: { readonly username: string; readonly password: string };
  /** HS256 secret of inbound tokens. */
  readonly jwtSecret: string;
}

/** A running peer. */
export interface RunningPeer {
  /** `http://host:port/` (both peers answer GraphQL at `/`; the runner posts to the URL it is given). */
  readonly url: string;
  close(): Promise<void>;
}

export function peerConfigFromEnv(env: NodeJS.ProcessEnv): PeerConfig {
  const need = (name: string): string => {
    const value = env[name];
    if (value === undefined || value === '') throw new Error(`${name} is required`);
    return value;
  };
  return {
    port: Number(env.PORT ?? 0),
    host: env.HOST ?? '127.0.0.1',
    upstreamUrl: need('RECOVERY_CONNECT_URL'),
    credentials: { username: need('RECOVERY_CONNECT_USERNAME'), password: need('RECOVERY_CONNECT_PASSWORD') },
    jwtSecret: need('AUTH_JWT_SECRET'),
  };
}
