import { describe, expect, it } from 'vitest';

import { createSecureWindow, type BrowserWindowClass } from '../../../src/main/windows/create-window';
import { SECURE_WEB_PREFERENCES } from '../../../src/main/windows/web-preferences';

const created: unknown[] = [];
const BrowserWindow = class {
  constructor(options: unknown) {
    created.push(options);
  }
} as unknown as BrowserWindowClass;

describe('windows/createSecureWindow', () => {
  it('forces the security preferences whatever the caller passed', () => {
    createSecureWindow(BrowserWindow, {
      width: 300,
      webPreferences: { preload: '/p.cjs', sandbox: false, contextIsolation: false, nodeIntegration: true, webSecurity: false, webviewTag: true },
    });
    expect(created[0]).toEqual({ width: 300, webPreferences: { preload: '/p.cjs', ...SECURE_WEB_PREFERENCES } });
  });

  it('forces exactly the shared secure preferences (its literal copy, kept for electronegativity, has not drifted)', () => {
    createSecureWindow(BrowserWindow, {});
    expect((created.at(-1) as { webPreferences: unknown }).webPreferences).toEqual(SECURE_WEB_PREFERENCES);
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
  });
});
