import { describe, expect, it } from 'vitest';
import { MISSING_ELECTRON_SENTENCE, type ElectronBinary } from '../../scripts/lib/electron-binary';
import type { SandboxFacts } from '../../scripts/lib/sandbox';
import { downloadFailedSentence, runStart, type Captured, type StartDeps } from '../../scripts/lib/start-flow';

const found: ElectronBinary = { found: true, executable: '/p/node_modules/electron/dist/electron', version: '45.5.0', distDir: '/p/d' };
const missing: ElectronBinary = { found: false, version: '45.5.0', reason: MISSING_ELECTRON_SENTENCE };
const desktop: SandboxFacts = { platform: 'linux', uid: 1000, apparmorRestrictUserns: '0', unprivilegedUsernsClone: null, setuidHelper: false };
const offline: Captured = {
  status: 1,
  stderr: 'RequestError: getaddrinfo EAI_AGAIN github.com\n    at ClientRequest.<anonymous> (/p/node_modules/got/…)\n',
};

interface Over {
  /** What locateElectron returns on each call (the last one repeats). */
  electron?: ElectronBinary[];
  /** The installer downloads: afterwards the binary is there. */
  install?: Captured;
  status?: Record<string, number>;
  facts?: SandboxFacts;
  dev?: boolean;
}

function harness(over: Over = {}) {
  const steps: string[] = [];
  const envs: Array<Record<string, string> | undefined> = [];
  const errors: string[] = [];
  const logs: string[] = [];
  let installed = false;
  const located = over.electron ?? [found];
  let calls = 0;
  const deps: StartDeps = {
    projectRoot: '/p',
    locateElectron: () => (installed && over.install?.status === 0 ? found : (located[Math.min(calls++, located.length - 1)] ?? found)),
    run: (_command, args, env) => {
      const step = args.slice(1).join(' ');
      steps.push(step);
      envs.push(env);
      return over.status?.[step] ?? 0;
    },
    capture: (_command, args) => {
      steps.push(`install ${args[0]}`);
      installed = true;
      return over.install ?? offline;
    },
    sandboxFacts: () => over.facts ?? desktop,
    log: (line) => logs.push(line),
    error: (line) => errors.push(line),
    platform: 'linux',
    arch: 'x64',
    nodePath: '/usr/bin/node',
    dev: over.dev ?? false,
  };
  return { deps, steps, envs, errors, logs };
}

describe('start-flow/runStart', () => {
  it('builds, then launches the built app without building twice, on the binary it located', () => {
    const h = harness();
    expect(runStart(h.deps)).toBe(0);
    expect(h.steps).toEqual(['build', 'preview --skipBuild']);
    expect(h.envs[1]).toEqual({ ELECTRON_EXEC_PATH: found.found ? found.executable : '' });
    expect(h.errors).toEqual([]);
  });

  it("builds first, then runs the electron package's own installer when the binary is absent, then launches", () => {
    const h = harness({ electron: [missing], install: { status: 0, stderr: '' } });
    expect(runStart(h.deps)).toBe(0);
    expect(h.steps).toEqual(['build', 'install /p/node_modules/electron/install.js', 'preview --skipBuild']);
    expect(h.logs.join('\n')).toMatch(/Downloading Electron 45\.5\.0/);
  });

  it('after a failed download says so in one sentence naming both ways out, and exits 1 without launching', () => {
    const h = harness({ electron: [missing] });
    expect(runStart(h.deps)).toBe(1);
    expect(h.steps).toEqual(['build', 'install /p/node_modules/electron/install.js']);
    expect(h.errors).toEqual([downloadFailedSentence('45.5.0', 'linux', 'x64', 'getaddrinfo EAI_AGAIN github.com')]);
    const [sentence] = h.errors;
    expect(sentence).toMatch(/network access/);
    expect(sentence).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
    expect(sentence?.match(/\.(\s|$)/g)).toHaveLength(1); // one sentence, ending the line
  });

  it('leaves the cause out of the sentence when the installer named none', () => {
    const h = harness({ electron: [missing], install: { status: 1, stderr: '' } });
    expect(runStart(h.deps)).toBe(1);
    expect(h.errors).toEqual([downloadFailedSentence('45.5.0', 'linux', 'x64', null)]);
    expect(h.errors[0]).toMatch(/^Could not download Electron 45\.5\.0 for linux-x64: /);
  });

  it('asks for `npm install` when the electron package itself is missing, trying no download', () => {
    const h = harness({ electron: [{ found: false, version: null, reason: 'The electron package is not installed: run `npm install`.' }] });
    expect(runStart(h.deps)).toBe(1);
    expect(h.steps).toEqual(['build']);
    expect(h.errors).toEqual(['The electron package is not installed: run `npm install`.']);
  });

  it('does not go on after a failed build and passes its exit code on', () => {
    const h = harness({ electron: [missing], status: { build: 2 } });
    expect(runStart(h.deps)).toBe(2);
    expect(h.steps).toEqual(['build']);
    expect(h.errors[0]).toMatch(/build failed/);
  });

  it('adds --no-sandbox only where the host needs it, and says why', () => {
    const h = harness({ facts: { ...desktop, apparmorRestrictUserns: '1\n' } });
    expect(runStart(h.deps)).toBe(0);
    expect(h.steps).toEqual(['build', 'preview --skipBuild --noSandbox']);
    expect(h.logs).toContain('Starting Electron with --no-sandbox: this kernel forbids unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1).');
  });

  it('runs electron-vite dev instead of build and preview in dev mode, after the same Electron check', () => {
    const h = harness({ dev: true, electron: [missing], install: { status: 0, stderr: '' } });
    expect(runStart(h.deps)).toBe(0);
    expect(h.steps).toEqual(['install /p/node_modules/electron/install.js', 'dev']);
  });

  it("returns the app's own exit code", () => {
    expect(runStart(harness({ status: { 'preview --skipBuild': 3 } }).deps)).toBe(3);
  });
});
