/**
 * IPC handlers of the settings window: read the settings with their problems, save a change.
 */
import type { SettingsView } from '../../shared/api';
import { ok, type Result } from '../../shared/result';
import type { SettingsController } from '../settings/controller';
import type { IpcGate } from './handle';

export interface SettingsHandlerDeps {
  gate: IpcGate;
  controller: SettingsController;
  hasTray: () => boolean;
  regions: readonly string[];
  widgetRegion: () => string | undefined;
}

export function settingsView(deps: Omit<SettingsHandlerDeps, 'gate'>): SettingsView {
  return {
    settings: deps.controller.current(),
    problems: deps.controller.problems(),
    hasTray: deps.hasTray(),
    regions: [...deps.regions],
    widgetRegion: deps.widgetRegion() ?? null,
  };
}

/** Registers settings:get and settings:save. */
export function registerSettingsHandlers(deps: SettingsHandlerDeps): void {
  deps.gate.handle('settingsGet', () => ok(settingsView(deps)));
  deps.gate.handle('settingsSave', (patch): Result<SettingsView> => {
    const saved = deps.controller.save(patch);
    return saved.ok ? ok(settingsView(deps)) : saved;
  });
}
