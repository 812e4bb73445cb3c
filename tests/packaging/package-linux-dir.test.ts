import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedElectronVersion, locateElectronBinary } from '../../scripts/lib/electron-binary';
import { findCachedElectronZip } from '../../scripts/lib/electron-cache';

/**
 * `npm run package -- --linux dir` end to end, run only where it can work offline: Electron
 * for linux/<arch> must be at hand (the local binary, or its zip in the download cache).
 * Elsewhere the test is skipped and its name says why.
 */
const root = resolve(__dirname, '../..');
const arch = process.arch;
const version = installedElectronVersion(root) ?? 'unknown';

function blocker(): string | null {
  if (process.platform !== 'linux') return 'the unpacked Linux app is built on Linux hosts only';
  const local = locateElectronBinary(root);
  const zip = findCachedElectronZip({ version, platform: 'linux', arch });
  if (!local.found && !zip) {
    return `electron-builder would have to download electron-v${version}-linux-${arch}.zip (no Electron binary in node_modules/electron/dist and none in the Electron cache)`;
  }
  return null;
}

const reason = blocker();
const title = reason ? `builds the unpacked Linux app offline — skipped: ${reason}` : 'builds the unpacked Linux app offline';

describe('package/npm run package -- --linux dir', () => {
  it.skipIf(reason !== null)(
    title,
    async () => {
      const run = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--linux', 'dir'], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      const unpacked = join(root, 'release', pkg.version, arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`);
      const executable = join(unpacked, 'contacts-softphone');
      expect(existsSync(executable)).toBe(true);
      expect(existsSync(join(unpacked, 'resources', 'app.asar'))).toBe(true);
      const prebuild = join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', `linux-${arch}.node`);
      expect(existsSync(prebuild)).toBe(true);
      const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');
      const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) }; // the wire's bytes
      const wire = await getCurrentFuseWire(executable);
      expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    },
    15 * 60_000,
  );
});
