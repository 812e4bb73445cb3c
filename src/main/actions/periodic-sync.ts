/**
 * The periodic sync: every `carddavSyncMinutes` (a setting; 0 turns it off) the shell runs a
 * quiet sync, so CardDAV books follow their servers without the user pressing Sync. Re-armed
 * when the setting changes; a sync still running when the timer fires is skipped, not queued.
 */
export interface PeriodicSyncDeps {
  minutes: () => number;
  run: () => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface PeriodicSync {
  rearm(): void;
  stop(): void;
  /** A settings change (the Settings window, a hand edit): re-arms when the minutes changed, without a restart. */
  settingsApplied(after: { carddavSyncMinutes: number }, before: { carddavSyncMinutes: number }): void;
}

export function createPeriodicSync(deps: PeriodicSyncDeps): PeriodicSync {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  let handle: unknown = null;
  const stop = (): void => {
    if (handle !== null) clearTimer(handle);
    handle = null;
  };
  const rearm = (): void => {
    stop();
    const minutes = deps.minutes();
    if (!(minutes > 0)) return;
    handle = setTimer(() => {
      handle = null;
      deps.run();
      rearm();
    }, minutes * 60_000);
  };
  return {
    rearm,
    stop,
    settingsApplied: (after, before) => {
      if (after.carddavSyncMinutes !== before.carddavSyncMinutes) rearm();
    },
  };
}
