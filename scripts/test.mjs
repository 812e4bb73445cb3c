#!/usr/bin/env node
// `npm test`: lint, typecheck, the vitest suite, then the Playwright suites (the Electron one
// under xvfb-run on a Linux host without a display), and a summary line per runner plus a
// total, so a person (and CI) can read the outcome on the last lines.
// `npm run test:quick` (`--quick`): lint, typecheck and vitest without the slow suites, fuzzing
// at FUZZ_RUNS=50 unless set; no build, no Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
// The slowest suites (10 s to over a minute each on a 2-core machine): real electron-builder
// runs, a killed 150,000-card import, the CLI and the CardDAV CLI run as child processes.
// `npm test` runs them; the quick loop leaves them out.
const SLOW_SUITES = [
  'tests/packaging/**',
  'tests/main/contacts/import/crash-safety.test.ts',
  'tests/main/cli/main.test.ts',
  'tests/main/contacts/carddav/cli.test.ts',
];
const reports = join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const run = (label, command, args, env = {}) => {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
};
const npx = (bin) => join(root, 'node_modules', '.bin', bin);

const failures = [];
if (!run('lint', npx('eslint'), ['.'])) failures.push('lint');
if (!run('typecheck', 'npm', ['run', '--silent', 'typecheck'])) failures.push('typecheck');

const vitestJson = join(reports, 'vitest.json');
const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`];
if (quick) vitestArgs.push(...SLOW_SUITES.flatMap((glob) => ['--exclude', glob]));
if (!run('vitest', npx('vitest'), vitestArgs, quick ? { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '50' } : {})) {
  failures.push('vitest');
}

const playwrightJson = join(reports, 'playwright.json');
const electronJson = join(reports, 'electron.json');
const hasPlaywright = !quick && existsSync(join(root, 'playwright.config.ts'));
if (hasPlaywright) {
  // The e2e suite drives the built renderer, so build first.
  if (!run('build', 'npm', ['run', '--silent', 'build'])) failures.push('build');
  else {
    if (!run('playwright', npx('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson })) {
      failures.push('playwright');
    }
    // The real app under Electron: these skip, each with its reason, where no Electron binary is installed.
    const launcher = await electronLauncher();
    if (launcher.note) console.log(launcher.note);
    const [command, ...prefix] = [...launcher.prefix, npx('playwright')];
    const args = [...prefix, 'test', '-c', 'playwright.electron.config.ts', '--reporter=list,json'];
    if (!run('electron', command, args, { PLAYWRIGHT_JSON_OUTPUT_NAME: electronJson })) failures.push('electron');
  }
}

/** xvfb-run where Linux has an Electron binary but no display (scripts/lib/electron-display.ts). */
async function electronLauncher() {
  const load = (path) => tsImport(new URL(path, new URL('..', import.meta.url)).href, import.meta.url);
  const { locateElectronBinary } = await load('scripts/lib/electron-binary.ts');
  const { electronSuiteLauncher } = await load('scripts/lib/electron-display.ts');
  const hasXvfbRun = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
  return electronSuiteLauncher({ platform: process.platform, env: process.env, electronFound: locateElectronBinary(root).found, hasXvfbRun });
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};
/** The reasons Playwright tests gave for skipping themselves (their `skip` annotations), once each. */
function skipReasons(report) {
  const reasons = new Set();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        for (const a of t.annotations ?? []) if (a.type === 'skip' && a.description) reasons.add(a.description);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return [...reasons];
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const vitest = readJson(vitestJson);
if (vitest) {
  const counts = {
    passed: vitest.numPassedTests ?? 0,
    failed: vitest.numFailedTests ?? 0,
    skipped: (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0),
  };
  lines.push(`vitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  for (const k of Object.keys(totals)) totals[k] += counts[k];
}
for (const [label, file] of [['playwright', playwrightJson], ['electron', electronJson]]) {
  const report = hasPlaywright ? readJson(file) : null;
  if (!report?.stats) continue;
  const s = report.stats;
  const counts = { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
  lines.push(`${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  for (const k of Object.keys(totals)) totals[k] += counts[k];
  for (const reason of skipReasons(report)) console.log(`${label} skipped: ${reason}`);
}

console.log('');
if (failures.length) console.log(`failed steps: ${failures.join(', ')}`);
for (const line of lines) console.log(line);
if (failures.length && totals.failed === 0) totals.failed = failures.length; // a failed lint/typecheck/build counts
console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
