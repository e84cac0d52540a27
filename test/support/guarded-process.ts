/**
 * A process with the guards installed, for test/unit/process-guards.test.ts: `reject` leaves a
 * promise rejection unhandled inside a request, `throw` throws from a timer; it then says whether
 * it is still alive.
 */
import { createLogger } from '../../src/infra/logger';
import { installProcessGuards } from '../../src/server/process-guards';
import { runInRequestContext } from '../../src/infra/request-context';

installProcessGuards(createLogger({ level: 'info' }));

runInRequestContext({ requestId: 'req-42' }, () => {
  setTimeout(() => {
    if (process.argv[2] === 'throw') throw new Error('thrown from a timer');
    void Promise.reject(new Error('nobody handles this'));
  }, 10);
});

setTimeout(() => {
  process.stdout.write('still alive\n');
}, 200);
