import { describe, expect, it } from 'vitest';
import { electronSuiteLauncher, XVFB_RUN, type DisplayHost } from '../../scripts/lib/electron-display';

const ci: DisplayHost = { platform: 'linux', env: {}, electronFound: true, hasXvfbRun: true };

describe('electron-display/electronSuiteLauncher', () => {
  it.each<[string, Partial<DisplayHost>, string[]]>([
    ['Linux without a display, with xvfb-run', {}, XVFB_RUN],
    ['Linux with an X display', { env: { DISPLAY: ':0' } }, []],
    ['Linux with a Wayland display', { env: { WAYLAND_DISPLAY: 'wayland-0' } }, []],
    ['Linux without an Electron binary (the suite skips itself)', { electronFound: false }, []],
    ['macOS', { platform: 'darwin' }, []],
    ['Windows', { platform: 'win32' }, []],
  ])('%s', (_name, over, prefix) => {
    expect(electronSuiteLauncher({ ...ci, ...over })).toEqual({ prefix, note: null });
  });

  it('says in one line how to get a display where there is none and no xvfb-run', () => {
    const launcher = electronSuiteLauncher({ ...ci, hasXvfbRun: false });
    expect(launcher.prefix).toEqual([]);
    expect(launcher.note).toMatch(/xvfb/);
  });
});
