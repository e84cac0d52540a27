import { setTimeout as sleep } from 'node:timers/promises';
import { createDeadline, currentDeadline, runWithDeadline } from '../../src/infra/deadline';

describe('request deadline', () => {
  it('is found by code the request starts, across awaits and timers, and not outside', async () => {
    expect(currentDeadline()).toBeUndefined();
    const seen = await runWithDeadline(5_000, async () => {
      const outer = currentDeadline();
      await sleep(5);
      const afterTimer = await new Promise((resolve) => {
        setImmediate(() => {
          resolve(currentDeadline());
        });
      });
      return { outer, same: afterTimer === outer && currentDeadline() === outer };
    });
    expect(seen.outer).toBeDefined();
    expect(seen.same).toBe(true);
    expect(currentDeadline()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const [a, b] = await Promise.all([
      runWithDeadline(1_000, async () => {
        await sleep(5);
        return currentDeadline();
      }),
      runWithDeadline(2_000, async () => {
        await sleep(1);
        return currentDeadline();
      }),
    ]);
    expect(a).toBeDefined();
    expect(a).not.toBe(b);
  });

  it('counts down and aborts its signal when it passes', async () => {
    let now = 1_000;
    const deadline = createDeadline(50, () => now);
    expect(deadline.remainingMs()).toBe(50);
    now += 30;
    expect(deadline.remainingMs()).toBe(20);
    now += 100;
    expect(deadline.remainingMs()).toBe(0);
    await sleep(80);
    expect(deadline.signal.aborted).toBe(true);
  });
});
