#!/usr/bin/env node
// `npm run package [-- electron-builder args]`: the Electron build of better-sqlite3 for each
// target, `electron-vite build`, then electron-builder (current OS by default). The steps live
// in scripts/lib/package-flow.ts (unit tested); this file wires them to the real machine.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = new URL('..', import.meta.url);
const load = (path) => tsImport(new URL(path, root).href, import.meta.url);

const { installedElectronVersion } = await load('scripts/lib/electron-binary.ts');
const { realMachine } = await load('scripts/lib/machine.ts');
const { runPackage } = await load('scripts/lib/package-flow.ts');

const projectRoot = fileURLToPath(root);
const electronVersion = installedElectronVersion(projectRoot);
if (!electronVersion) {
  console.error('The electron package is not installed: run `npm install`.');
  process.exit(1);
}
const code = runPackage({
  projectRoot,
  args: process.argv.slice(2),
  host: { platform: process.platform, arch: process.arch },
  ...realMachine(projectRoot),
  electronVersion,
  nodePath: process.execPath,
});
process.exit(code);
