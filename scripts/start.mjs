#!/usr/bin/env node
// `npm start`: build and launch the app (`--dev`: electron-vite dev with hot reload instead).
// The steps live in scripts/lib/start-flow.ts (unit tested with fakes); this file wires them
// to the real machine, loading the TypeScript modules through tsx.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = new URL('..', import.meta.url);
const load = (path) => tsImport(new URL(path, root).href, import.meta.url);

const { realMachine } = await load('scripts/lib/machine.ts');
const { runStart } = await load('scripts/lib/start-flow.ts');

const projectRoot = fileURLToPath(root);
const code = runStart({
  ...realMachine(projectRoot),
  platform: process.platform,
  arch: process.arch,
  nodePath: process.execPath,
  dev: process.argv.includes('--dev'),
});
process.exit(code);
