/**
 * The scopes this subgraph knows, as data: the SDL's `@requiresScopes` names them, tokens carry
 * them in the standard `scope` claim (space-separated), and the dev token holds all of them.
 */

/** Every scope, with what it allows. */
export const SCOPES = {
  'assignments:read': 'read RecoveryConnect assignments and their vehicles',
  'assignments:write': 'update RecoveryConnect assignments (updateAssignment)',
  'cdc:read': 'read Banco CDC assignments',
  'cdc:write': 'change a Banco CDC assignment status (setCdcStatus)',
  'collections:read': 'read debt-collection cases and debtors',
  'collections:write': 'update and close debt-collection cases',
} as const;

export type Scope = keyof typeof SCOPES;

export const ALL_SCOPES = Object.keys(SCOPES) as readonly Scope[];

/** The scopes of a `scope` claim; anything but a string grants none. */
export function scopesOfClaim(claim: unknown): ReadonlySet<string> {
  if (typeof claim !== 'string') return new Set();
  return new Set(claim.split(' ').filter((scope) => scope !== ''));
}
