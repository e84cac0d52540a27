/** RecoveryConnect ids (assignments, collectors, clients) are positive integers. */
export function isProviderId(id: string): boolean {
  return /^[1-9]\d{0,15}$/.test(id);
}
