/**
 * Storage for the widget frame. Our page (app://softphone) frames the widget cross-site, and
 * the widget reads localStorage as it starts: where the browser denies a third-party frame
 * its storage, that read throws SecurityError and the widget never starts (widget-protocol.md,
 * "Observed in the real widget").
 *
 * Electron 45 (Chromium 156) allows it: Electron has no "block third-party cookies" setting,
 * and third-party storage is partitioned by top-level site, so the widget's localStorage lives
 * under app://softphone, apart from the same widget opened anywhere else. What takes it away
 * in a browser is Chromium's third-party cookie deprecation, the `TrackingProtection3pcd`
 * feature, which Debian's build of the same Chromium 156 turns on by default; a later
 * Chromium (hence Electron) may do the same. So it is switched off before `ready`, whatever
 * an upgrade brings (an unknown feature name is ignored by Chromium, never an error).
 *
 * Only what must: storage partitioning stays on (the frame gets partitioned storage, never the
 * widget's first-party storage), and no site gets more than a frame normally has. Features are
 * merged into any `--disable-features` already given (the last switch value would win), and
 * `--disable-features` beats `--enable-features` for a feature named in both.
 */

/** Features that would deny a cross-site frame its storage. */
export const STORAGE_BLOCKING_FEATURES = ['TrackingProtection3pcd'] as const;

/** The slice of `app.commandLine` this needs. */
export interface CommandLineLike {
  getSwitchValue(name: string): string;
  appendSwitch(name: string, value?: string): void;
}

/** `existing` (a comma-separated feature list) with the storage-blocking features added once. */
export function disabledFeatures(existing: string): string {
  const features = existing.split(',').map((f) => f.trim()).filter(Boolean);
  for (const feature of STORAGE_BLOCKING_FEATURES) if (!features.includes(feature)) features.push(feature);
  return features.join(',');
}

/** Keeps third-party (partitioned) storage available; Chromium reads features before `ready`. */
export function keepThirdPartyStorage(commandLine: CommandLineLike, isReady: boolean): void {
  if (isReady) throw new Error('keepThirdPartyStorage must run before the app is ready');
  commandLine.appendSwitch('disable-features', disabledFeatures(commandLine.getSwitchValue('disable-features')));
}
