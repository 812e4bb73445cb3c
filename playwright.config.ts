import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { appChromiumSwitches } from './tests/e2e/support/app-switches';

// Debian's Chromium where it is installed (no browser download on CI machines), otherwise
// Playwright's own. The flags keep a headless run quiet and offline, and set the browser up
// the way Electron is for our window: third-party storage allowed (partitioned under the top
// site). Debian's Chromium blocks it by default (TrackingProtection3pcd), and the real widget,
// framed cross-site, then dies at start; src/main/security/third-party-storage.ts keeps the app
// on the allowing side, and its switches are the ones used here.
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  use: {
    headless: true,
    // The app's main window size (src/main/windows/main-window.ts).
    viewport: { width: 400, height: 720 },
    actionTimeout: 10_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...appChromiumSwitches(),
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
