import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { SoftphoneApi } from '../../src/shared/api';
import { electronSkipReason, launchApp, type LaunchedApp } from './support/launch';

// An https address that never resolves: the iframe's src is what is checked, not the widget.
const WIDGET_URL = 'https://widget.softphone-e2e.invalid/integration/app.html';
const skipReason = electronSkipReason();

test.describe('electron/app', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.describe.configure({ mode: 'serial' });

  let launched: LaunchedApp;
  test.beforeAll(async () => {
    launched = await launchApp({ widgetUrl: WIDGET_URL });
  });
  test.afterAll(async () => {
    await launched?.close();
  });

  test('opens the main window with the hardened webPreferences', async () => {
    const prefs = await launched.app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      // Not in Electron's typings, but present since Electron 4 and what its own tests use.
      const last = (contents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null })?.getLastWebPreferences?.();
      return last ? { sandbox: last.sandbox, contextIsolation: last.contextIsolation, nodeIntegration: last.nodeIntegration, nodeIntegrationInSubFrames: last.nodeIntegrationInSubFrames, webSecurity: last.webSecurity } : null;
    });
    if (prefs) {
      expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true });
    }
    // What those preferences mean inside the page, checked whether or not the method exists.
    const page = await launched.page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return { require: typeof g.require, process: typeof g.process, bridge: typeof g.softphone };
    });
    expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object' });
  });

  test('keeps its database in the temporary user-data folder', async () => {
    const userData = await launched.app.evaluate(({ app }) => app.getPath('userData'));
    expect(userData).toBe(launched.userData);
    await expect.poll(() => existsSync(join(launched.userData, 'contacts.sqlite3'))).toBe(true);
  });

  test('loads the configured widget URL into the iframe', async () => {
    const src = await launched.page.locator('iframe').first().getAttribute('src');
    const url = new URL(src ?? 'about:blank');
    expect(`${url.origin}${url.pathname}`).toBe(WIDGET_URL);
  });

  test('shows contacts imported through the main process to the page', async () => {
    const card = join(launched.userData, '..', `e2e-${Date.now()}.vcf`);
    writeFileSync(card, 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:e2e-ada\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nTEL;TYPE=CELL:+44 20 7946 0018\r\nEND:VCARD\r\n');
    // As actualbudget's e2e replaces shell.openExternal: the native dialogs answer by themselves.
    await launched.app.evaluate(({ dialog }, file) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as unknown as typeof dialog.showOpenDialog;
      dialog.showMessageBox = (async () => ({ response: 0, checkboxChecked: false })) as unknown as typeof dialog.showMessageBox;
    }, card);
    await launched.app.evaluate(({ Menu }) => {
      const item = Menu.getApplicationMenu()?.getMenuItemById('import-contacts');
      if (!item) throw new Error('no Import Contacts menu item');
      (item.click as () => void)();
    });
    await expect
      .poll(() =>
        launched.page.evaluate(async () => {
          const api = (globalThis as unknown as { softphone: SoftphoneApi }).softphone;
          const result = await api.contacts.search({ searchString: 'Lovelace' });
          return result.ok ? result.value.data.map((c) => c.name) : [result.error.message];
        }),
      )
      .toContain('Ada Lovelace');
  });
});
