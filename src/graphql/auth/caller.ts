/**
 * Who is calling, as the context carries it: decided once per request from the bearer token
 * (src/auth/authenticate.ts) and read by every access check (src/auth/enforce.ts).
 */

export type Caller =
  /** No token was sent. */
  | { readonly kind: 'anonymous' }
  /** A valid token: its `sub` (null when absent) and its scopes. */
  | { readonly kind: 'token'; readonly subject: string | null; readonly scopes: ReadonlySet<string> }
  /** AUTH_DISABLED=true: every check passes. Only ever set from an explicit setting. */
  | { readonly kind: 'unrestricted' };

export const ANONYMOUS: Caller = { kind: 'anonymous' };
export const UNRESTRICTED: Caller = { kind: 'unrestricted' };
