#!/usr/bin/env node
// `npm run package [-- electron-builder args]`: `electron-vite build`, then electron-builder
// (current OS by default). The steps live in scripts/lib/package-flow.ts (unit tested); this
// file wires them to the real machine.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = new URL('..', import.meta.url);
const load = (path) => tsImport(new URL(path, root).href, import.meta.url);

const { realMachine } = await load('scripts/lib/machine.ts');
const { runPackage } = await load('scripts/lib/package-flow.ts');

const projectRoot = fileURLToPath(root);
const code = runPackage({
  args: process.argv.slice(2),
  host: { platform: process.platform, arch: process.arch },
  ...realMachine(projectRoot),
  nodePath: process.execPath,
});
process.exit(code);
