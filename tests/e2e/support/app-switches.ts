/**
 * The Chromium switches the app gives itself before `ready` (src/main/security/
 * third-party-storage.ts), as command-line arguments, so the e2e browser runs with the app's
 * own switches and a change to them that would cost the widget frame its storage fails.
 *
 * Chromium keeps the LAST value of a repeated switch: Playwright's own `--disable-features`
 * list comes first and is replaced by this one. That list turns ThirdPartyStoragePartitioning
 * off (playwright#32230); replacing it gives the browser partitioned third-party storage, as
 * Chromium and Electron have by default.
 */
import { keepThirdPartyStorage } from '../../../src/main/security/third-party-storage';

/** `already`: switches the command line holds before the app adds its own. */
export function appChromiumSwitches(already: Record<string, string> = {}): string[] {
  const switches = new Map(Object.entries(already));
  keepThirdPartyStorage({ getSwitchValue: (name) => switches.get(name) ?? '', appendSwitch: (name, value = '') => void switches.set(name, value) }, false);
  return [...switches].map(([name, value]) => (value ? `--${name}=${value}` : `--${name}`));
}
