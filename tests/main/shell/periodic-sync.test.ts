import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPeriodicSync } from '../../../src/main/actions/periodic-sync';
import { createSettingsController } from '../../../src/main/settings/controller';

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

describe('carddavSyncMinutes from the Settings window', () => {
  it('a saved change re-arms the periodic sync at once; a bad value is refused and changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'periodic-settings-'));
    try {
      const clock = fakeTimers();
      let periodic: ReturnType<typeof createPeriodicSync> | null = null;
      const controller = createSettingsController({ dir, onApply: (after, before) => periodic?.settingsApplied(after, before), report: () => undefined });
      periodic = createPeriodicSync({ minutes: () => controller.current().carddavSyncMinutes, run: () => undefined, ...clock });
      periodic.rearm();
      expect([...clock.timers.values()].map((t) => t.ms)).toEqual([15 * 60_000]);

      expect(controller.save({ carddavSyncMinutes: 2.5 })).toMatchObject({ ok: false, error: { message: 'carddavSyncMinutes: must be a whole number of minutes' } });
      expect(controller.save({ carddavSyncMinutes: -1 })).toMatchObject({ ok: false });
      expect([...clock.timers.values()].map((t) => t.ms)).toEqual([15 * 60_000]);

      expect(controller.save({ carddavSyncMinutes: 45 })).toMatchObject({ ok: true });
      expect([...clock.timers.values()].map((t) => t.ms)).toEqual([45 * 60_000]);
      expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ carddavSyncMinutes: 45 });
      // Another setting's change leaves the timer alone.
      const armed = [...clock.timers.keys()];
      controller.save({ callPop: true });
      expect([...clock.timers.keys()]).toEqual(armed);
      controller.save({ carddavSyncMinutes: 0 });
      expect(clock.timers.size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
