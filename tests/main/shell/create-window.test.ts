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

describe('windows/createSecureWindow', () => {
  it('forces the security preferences whatever the caller passed', () => {
    createSecureWindow({
      width: 300,
      webPreferences: { preload: '/p.cjs', sandbox: false, contextIsolation: false, nodeIntegration: true, webSecurity: false, webviewTag: true },
    });
    expect(created[0]).toEqual({
      width: 300,
      webPreferences: {
        preload: '/p.cjs',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
  });
});
