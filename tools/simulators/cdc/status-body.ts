import { MAX_OBSERVATION_LENGTH, type RawStatusRequest } from '../../../src/providers/cdc/raw';
import { isRecord } from '../common/guards';
import { isMissing, type FieldFailure } from './fields';

/**
 * Reads a `POST /assignment/status/` body ({@link RawStatusRequest}). `number_status` must be a
 * JSON integer ("5" and 5.5 are refused); whether it is a permitted status is not checked here.
 * `observation` may be left out; if sent it must be a string (null too is refused) of at most
 * {@link MAX_OBSERVATION_LENGTH} characters, counted by code point. A body that is not a JSON
 * object has no fields, so `number_status` is missing. Other fields are ignored.
 */
export function readStatusRequest(input: unknown, failures: FieldFailure[]): RawStatusRequest | undefined {
  const body = isRecord(input) ? input : {};
  const before = failures.length;

  const numberStatus = body['number_status'];
  if (isMissing(numberStatus)) failures.push({ kind: 'missing', field: 'number_status' });
  else if (typeof numberStatus !== 'number' || !Number.isSafeInteger(numberStatus)) {
    failures.push({ kind: 'invalid', field: 'number_status' });
  }

  const observation = body['observation'];
  const observationOk =
    observation === undefined ||
    (typeof observation === 'string' && Array.from(observation).length <= MAX_OBSERVATION_LENGTH);
  if (!observationOk) failures.push({ kind: 'invalid', field: 'observation' });

  if (failures.length > before || typeof numberStatus !== 'number') return undefined;
  return typeof observation === 'string'
    ? { number_status: numberStatus, observation }
    : { number_status: numberStatus };
}
