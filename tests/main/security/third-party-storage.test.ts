import { describe, expect, it } from 'vitest';
import { disabledFeatures, keepThirdPartyStorage } from '../../../src/main/security/third-party-storage';

/** A command line that behaves as Chromium's: a repeated switch replaces the value. */
function commandLine(initial: Record<string, string> = {}) {
  const switches = new Map(Object.entries(initial));
  return {
    switches,
    getSwitchValue: (name: string) => switches.get(name) ?? '',
    appendSwitch: (name: string, value = '') => void switches.set(name, value),
  };
}

describe('security/third-party-storage', () => {
  it('switches off the third-party cookie deprecation that would deny the widget frame its storage', () => {
    const cl = commandLine();
    keepThirdPartyStorage(cl, false);
    expect(cl.switches.get('disable-features')?.split(',')).toContain('TrackingProtection3pcd');
  });

  it('keeps the features already disabled, and adds its own once', () => {
    const cl = commandLine({ 'disable-features': 'HardwareMediaKeyHandling, TrackingProtection3pcd' });
    keepThirdPartyStorage(cl, false);
    expect(cl.switches.get('disable-features')).toBe('HardwareMediaKeyHandling,TrackingProtection3pcd');
    expect(disabledFeatures('A')).toBe('A,TrackingProtection3pcd');
  });

  it('keeps storage partitioning on, even where the app was started with it disabled (Playwright\'s Electron loader does)', () => {
    const cl = commandLine({ 'disable-features': 'MediaRouter,ThirdPartyStoragePartitioning' });
    keepThirdPartyStorage(cl, false);
    expect(cl.switches.get('disable-features')).toBe('MediaRouter,TrackingProtection3pcd');
  });

  it('leaves storage partitioning alone: the frame gets partitioned storage only', () => {
    const cl = commandLine();
    keepThirdPartyStorage(cl, false);
    expect(cl.switches.get('disable-features')).not.toMatch(/Partitioning/);
    expect(cl.switches.has('enable-features')).toBe(false);
  });

  it('refuses to run after ready, when Chromium has read its features', () => {
    expect(() => keepThirdPartyStorage(commandLine(), true)).toThrow(/before the app is ready/);
  });
});
