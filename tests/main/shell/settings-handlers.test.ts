import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIpcGate } from '../../../src/main/ipc/handle';
import { registerSettingsHandlers } from '../../../src/main/ipc/settings-handlers';
import { createSettingsController } from '../../../src/main/settings/controller';
import { IPC } from '../../../src/shared/ipc';
import { MAIN_WINDOW_ID, SETTINGS_WINDOW_ID, fakeIpcMain, fromTopFrame, windowOf } from './ipc-fakes';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-ipc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup() {
  const fake = fakeIpcMain();
  const onApply = vi.fn();
  const controller = createSettingsController({ dir, onApply, report: vi.fn() });
  registerSettingsHandlers({
    gate: createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', windowOf, log: vi.fn() }),
    controller,
    hasTray: () => false,
    regions: ['DE', 'US'],
    widgetRegion: () => 'GB',
  });
  return { ...fake, onApply };
}
const settingsWindow = fromTopFrame(SETTINGS_WINDOW_ID);

describe('ipc/registerSettingsHandlers', () => {
  it('settings:get answers the settings with the window\'s choices', async () => {
    const { invoke } = setup();
    expect(await invoke(IPC.settingsGet, settingsWindow)).toMatchObject({
      ok: true,
      value: { settings: { region: '' }, problems: [], hasTray: false, regions: ['DE', 'US'], widgetRegion: 'GB' },
    });
  });

  it('settings:save stores a valid change and applies it', async () => {
    const { invoke, onApply } = setup();
    expect(await invoke(IPC.settingsSave, settingsWindow, { region: 'DE' })).toMatchObject({ ok: true, value: { settings: { region: 'DE' } } });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).region).toBe('DE');
    expect(onApply).toHaveBeenCalledTimes(1);
  });

  it.each([[{ region: 'Germany' }], [{ unknownKey: 1 }], ['DE']])('settings:save refuses %j and stores nothing', async (patch) => {
    const { invoke, onApply } = setup();
    expect(await invoke(IPC.settingsSave, settingsWindow, patch)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(onApply).not.toHaveBeenCalled();
  });

  it('the widget host page cannot change settings', async () => {
    const { invoke, onApply } = setup();
    expect(await invoke(IPC.settingsSave, fromTopFrame(MAIN_WINDOW_ID), { region: 'DE' })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(onApply).not.toHaveBeenCalled();
  });
});
