import { describe, expect, it } from 'vitest';
import { createPeriodicSync } from '../../../src/main/actions/periodic-sync';

/** A hand-driven clock: timers fire only when the test says so. */
function fakeTimers() {
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  return {
    timers,
    setTimer: (fn: () => void, ms: number) => (timers.set(++next, { fn, ms }), next),
    clearTimer: (h: unknown) => void timers.delete(h as number),
    fire() {
      const [id, t] = [...timers.entries()][0]!;
      timers.delete(id);
      t.fn();
    },
  };
}

describe('actions/createPeriodicSync', () => {
  it('runs every N minutes, follows the setting, and stops at 0', () => {
    let minutes = 15;
    let runs = 0;
    const clock = fakeTimers();
    const periodic = createPeriodicSync({ minutes: () => minutes, run: () => runs++, ...clock });
    periodic.rearm();
    expect([...clock.timers.values()].map((t) => t.ms)).toEqual([15 * 60_000]);
    clock.fire();
    clock.fire();
    expect(runs).toBe(2);
    minutes = 5;
    periodic.rearm();
    expect([...clock.timers.values()].map((t) => t.ms)).toEqual([5 * 60_000]);
    minutes = 0;
    periodic.rearm();
    expect(clock.timers.size).toBe(0);
    periodic.stop();
    expect(runs).toBe(2);
  });
});
