import { defineConfig } from '@playwright/test';

/**
 * Electron end-to-end tests: Playwright's `_electron` launches the built app (`npm run build`
 * first; `out/main/index.js` through package.json's main). Kept apart from playwright.config.ts,
 * which drives the renderer in system Chromium, because these need the Electron binary and
 * skip (with the reason) where it is not installed. Run: npx playwright test -c playwright.electron.config.ts
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright-electron',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
