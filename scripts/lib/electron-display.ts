/**
 * How `npm test` runs the Electron end-to-end suite. Electron needs a display; a Linux host
 * without one (CI, a container, ssh) gets a virtual X server from `xvfb-run`. Elsewhere, or
 * where there is no Electron binary (the suite then skips itself, saying why), it runs as is.
 */

export interface DisplayHost {
  platform: string;
  env: Record<string, string | undefined>;
  /** An Electron binary is installed (scripts/lib/electron-binary.ts found it). */
  electronFound: boolean;
  /** xvfb-run is on PATH. */
  hasXvfbRun: boolean;
}

export interface SuiteLauncher {
  /** Put before the Playwright command line: empty, or xvfb-run and its arguments. */
  prefix: string[];
  /** One line for the log when the suite cannot get a display, else null. */
  note: string | null;
}

export const XVFB_RUN = ['xvfb-run', '--auto-servernum', '--server-args=-screen 0 1280x1024x24'];

export function electronSuiteLauncher(host: DisplayHost): SuiteLauncher {
  const direct = { prefix: [], note: null };
  if (host.platform !== 'linux' || !host.electronFound) return direct;
  if (host.env.DISPLAY || host.env.WAYLAND_DISPLAY) return direct;
  if (host.hasXvfbRun) return { prefix: XVFB_RUN, note: null };
  return { prefix: [], note: 'No display and no xvfb-run: the Electron suite skips (install xvfb, e.g. apt-get install xvfb).' };
}
