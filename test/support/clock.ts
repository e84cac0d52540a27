/** A clock the test moves by hand, for simulators' `now` option (token expiry, rate windows, timestamps). */
export interface FakeClock {
  now: () => Date;
  set(iso: string): void;
}

export function fakeClock(start: string): FakeClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(iso) {
      current = new Date(iso);
    },
  };
}
