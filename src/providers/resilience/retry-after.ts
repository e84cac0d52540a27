/** Reading a provider's `Retry-After` header. */
import type { IncomingHttpHeaders } from 'node:http';

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterSeconds(headers: IncomingHttpHeaders, now: number = Date.now()): number | null {
  const raw = headers['retry-after'];
  const value = typeof raw === 'string' ? raw : raw?.[0];
  if (value === undefined || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
