/** RecoveryConnect's own setting beyond its URL and credentials: the zone of its zone-less timestamps. */
import { IANAZone } from 'luxon';
import { stringSetting } from './env';
import { RECOVERY_CONNECT_DEFAULT_TIME_ZONE } from '../providers/recovery-connect/raw';

/**
 * `RECOVERY_CONNECT_TIME_ZONE`: an IANA zone name (`UTC`, `America/Los_Angeles`), default UTC.
 * A name the zone database does not know is a problem at start, not a silent UTC.
 */
export function readRecoveryConnectTimeZone(env: NodeJS.ProcessEnv, problems: string[]): string {
  const zone = stringSetting(env, 'RECOVERY_CONNECT_TIME_ZONE');
  if (zone === null) return RECOVERY_CONNECT_DEFAULT_TIME_ZONE;
  if (IANAZone.isValidZone(zone)) return zone;
  problems.push(`RECOVERY_CONNECT_TIME_ZONE must be an IANA time zone name such as UTC or America/Chicago (got "${zone}").`);
  return RECOVERY_CONNECT_DEFAULT_TIME_ZONE;
}
