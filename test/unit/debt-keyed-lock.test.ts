import { createKeyedLock } from '../../src/infra/memory/keyed-lock';

/** A task that records when it starts and ends, and finishes when told. */
function task(events: string[], name: string) {
  let finish = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    finish,
    run: async () => {
      events.push(`${name} start`);
      await done;
      events.push(`${name} end`);
      return name;
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createKeyedLock', () => {
  it('runs tasks of one key one after the other, in order', async () => {
    const lock = createKeyedLock();
    const events: string[] = [];
    const a = task(events, 'a');
    const b = task(events, 'b');

    const first = lock.run('debtor-1', a.run);
    const second = lock.run('debtor-1', b.run);
    await tick();
    expect(events).toEqual(['a start']);

    a.finish();
    b.finish();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('runs tasks of different keys side by side', async () => {
    const lock = createKeyedLock();
    const events: string[] = [];
    const a = task(events, 'a');
    const b = task(events, 'b');

    const both = Promise.all([lock.run('debtor-1', a.run), lock.run('debtor-2', b.run)]);
    await tick();
    expect(events).toEqual(['a start', 'b start']);
    a.finish();
    b.finish();
    await both;
  });

  it('releases the key when a task fails', async () => {
    const lock = createKeyedLock();

    await expect(lock.run('debtor-1', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.run('debtor-1', () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
