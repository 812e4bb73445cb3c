import { describe, expect, it } from 'vitest';
import { MISSING_ELECTRON_SENTENCE, type ElectronBinary } from '../../scripts/lib/electron-binary';
import { runStart, type StartDeps } from '../../scripts/lib/start-flow';

const found: ElectronBinary = { found: true, executable: '/p/node_modules/electron/dist/electron', version: '45.5.0', distDir: '/p/d' };

function harness(over: { electron?: ElectronBinary; status?: Record<string, number> } = {}) {
  const ran: string[] = [];
  const errors: string[] = [];
  const deps: StartDeps = {
    projectRoot: '/p',
    locateElectron: () => over.electron ?? found,
    run: (_command, args) => {
      const step = args.slice(1).join(' ');
      ran.push(step);
      return over.status?.[step] ?? 0;
    },
    log: () => {},
    error: (line) => errors.push(line),
    platform: 'linux',
    arch: 'x64',
    nodePath: '/usr/bin/node',
  };
  return { deps, ran, errors };
}

describe('start-flow/runStart', () => {
  it('builds, then launches the built app without building twice', () => {
    const h = harness();
    expect(runStart(h.deps)).toBe(0);
    expect(h.ran).toEqual(['build', 'preview --skipBuild']);
  });

  it('stops with the one-sentence reason and exit 1 when the Electron binary is missing', () => {
    const h = harness({ electron: { found: false, version: '45.5.0', reason: MISSING_ELECTRON_SENTENCE } });
    expect(runStart(h.deps)).toBe(1);
    expect(h.errors).toEqual([MISSING_ELECTRON_SENTENCE]);
    expect(h.ran).toEqual([]);
  });

  it('does not launch after a failed build and passes its exit code on', () => {
    const h = harness({ status: { build: 2 } });
    expect(runStart(h.deps)).toBe(2);
    expect(h.ran).toEqual(['build']);
    expect(h.errors[0]).toMatch(/build failed/);
  });

  it('runs electron-vite dev instead of build and preview in dev mode, after the same checks', () => {
    const h = harness();
    h.deps.dev = true;
    expect(runStart(h.deps)).toBe(0);
    expect(h.ran).toEqual(['dev']);
  });

  it("returns the app's own exit code", () => {
    expect(runStart(harness({ status: { 'preview --skipBuild': 3 } }).deps)).toBe(3);
  });
});
