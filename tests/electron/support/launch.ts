import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { locateElectronBinary } from '../../../scripts/lib/electron-binary';
import { hostSandboxFacts, noSandboxReason } from '../../../scripts/lib/sandbox';

/** The project root: Electron is started on it, so package.json's main (out/main/index.js) runs. */
export const projectRoot = resolve(__dirname, '../../..');

/**
 * Why these tests cannot run here, or null. The binary is found by its files
 * (scripts/lib/electron-binary.ts): `require('electron')` would start a download.
 */
export function electronSkipReason(env: NodeJS.ProcessEnv = process.env): string | null {
  const binary = locateElectronBinary(projectRoot, env);
  if (!binary.found) return `Electron end-to-end tests need the Electron binary: ${binary.reason}`;
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return 'Electron needs a display: run under xvfb-run (no DISPLAY or WAYLAND_DISPLAY is set)';
  }
  return null;
}

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  userData: string;
  close(): Promise<void>;
}

/** Starts the built app with a fresh user-data folder holding `settings`. */
export async function launchApp(settings: Record<string, unknown> = {}): Promise<LaunchedApp> {
  const binary = locateElectronBinary(projectRoot);
  if (!binary.found) throw new Error(binary.reason);
  if (!existsSync(join(projectRoot, 'out', 'main', 'index.js'))) {
    throw new Error('The app is not built: run `npm run build` before the Electron end-to-end tests.');
  }
  const userData = mkdtempSync(join(tmpdir(), 'softphone-e2e-'));
  writeFileSync(join(userData, 'settings.json'), JSON.stringify(settings, null, 2));
  const app = await electron.launch({
    executablePath: binary.executable,
    // Where Chromium's OS sandbox cannot start (root, or a kernel forbidding user namespaces),
    // as for `npm start`; the renderer's `sandbox: true` stays.
    args: [...(noSandboxReason(hostSandboxFacts(binary.distDir)) ? ['--no-sandbox'] : []), projectRoot],
    cwd: projectRoot,
    env: { ...process.env, SOFTPHONE_USER_DATA: userData, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const page = await app.firstWindow();
  return {
    app,
    page,
    userData,
    close: async () => {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
