import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => [] as unknown[]);
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      created.push(options);
    }
  },
}));

import { createSecureWindow } from '../../../src/main/windows/create-window';
import { SECURE_WEB_PREFERENCES } from '../../../src/main/windows/web-preferences';

describe('windows/createSecureWindow', () => {
  it('forces the security preferences whatever the caller passed', () => {
    createSecureWindow({
      width: 300,
      webPreferences: { preload: '/p.cjs', sandbox: false, contextIsolation: false, nodeIntegration: true, webSecurity: false, webviewTag: true },
    });
    expect(created[0]).toEqual({ width: 300, webPreferences: { preload: '/p.cjs', ...SECURE_WEB_PREFERENCES } });
  });

  it('forces exactly the shared secure preferences (its literal copy, kept for electronegativity, has not drifted)', () => {
    createSecureWindow({});
    expect((created.at(-1) as { webPreferences: unknown }).webPreferences).toEqual(SECURE_WEB_PREFERENCES);
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
  });
});
