/**
 * Assignment codes. The fixture's and the seed's are UUIDs, but the public documentation never
 * fixes their format, so we refuse only what can not be a code: empty, longer than 64, or with
 * characters other than letters, digits, `-` and `_`. Such a code never reaches the provider.
 */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** True when `code` can be an assignment code. */
export function isCdcCode(code: string): boolean {
  return CODE.test(code);
}
