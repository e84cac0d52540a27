/** Logging what the provider sent but the graph could not show, so it is left out, not hidden. */
import type { Logger } from '../../logger';
import type { SkippedRecord } from './model';

/** One warning per record. A SkippedRecord holds no personal data (see its type). */
export function warnSkipped(logger: Logger, skipped: readonly SkippedRecord[]): void {
  for (const record of skipped) {
    logger.warn(
      { provider: 'CDC', record: record.kind, assignmentCode: record.assignmentCode, reason: record.reason },
      'Banco CDC sent a record the graph cannot show; it was left out',
    );
  }
}
