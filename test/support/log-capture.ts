/** A logger whose JSON lines a test reads back, parsed, in order. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/infra/logger';

export interface LogCapture {
  readonly logger: Logger;
  /** Every line written so far. */
  lines(): Record<string, unknown>[];
  /** Everything written so far, as written (to look for text anywhere in it). */
  text(): string;
  /** The lines whose `msg` matches. */
  withMessage(msg: string | RegExp): Record<string, unknown>[];
  clear(): void;
}

export function captureLog(level = 'info'): LogCapture {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  const lines = () =>
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    logger: createLogger({ level, destination }),
    lines,
    text: () => text,
    withMessage: (msg) => lines().filter((line) => (typeof msg === 'string' ? line.msg === msg : typeof line.msg === 'string' && msg.test(line.msg))),
    clear() {
      text = '';
    },
  };
}
