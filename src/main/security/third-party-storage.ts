/**
 * Storage for the widget frame. Our page (app://softphone) frames the widget cross-site, and
 * the widget reads localStorage as it starts: where the browser denies a third-party frame
 * its storage, that read throws SecurityError and the widget never starts (widget-protocol.md,
 * "Observed in the real widget").
 *
 * What keeps it is storage partitioning (`ThirdPartyStoragePartitioning`, on by default since
 * Chromium 115, so in Electron 45): a cross-site frame gets its own storage under the top
 * site, even where third-party cookies are blocked. Measured in Chromium 156 (Debian's build,
 * tests/e2e/start.spec.ts): with partitioning off, the frame's localStorage throws whether or
 * not `TrackingProtection3pcd` (the third-party cookie deprecation) is on; with it on, the
 * frame has storage even with that feature forced on. Playwright's default switches turn
 * partitioning off (playwright#32230), which is where a blocked widget was seen.
 *
 * So the app keeps partitioning on: it removes the feature from a `--disable-features` it
 * was started with (Playwright's Electron loader passes one). That is also "only what it
 * must": the frame gets partitioned storage, never the widget's first-party storage. It also
 * switches the cookie deprecation off, in case a later Electron ships it on where it would
 * reach storage too (an unknown feature name is ignored by Chromium, never an error). Features
 * are merged into the `--disable-features` already given, since the last switch value wins.
 */

/** Features that could deny a cross-site frame its storage. */
export const STORAGE_BLOCKING_FEATURES = ['TrackingProtection3pcd'] as const;
/** Features the frame's storage depends on: never left disabled. */
export const STORAGE_KEEPING_FEATURES = ['ThirdPartyStoragePartitioning'] as const;

/** The slice of `app.commandLine` this needs. */
export interface CommandLineLike {
  getSwitchValue(name: string): string;
  appendSwitch(name: string, value?: string): void;
}

/** `existing` (a comma-separated feature list) with the storage-blocking features added once and the keeping ones removed. */
export function disabledFeatures(existing: string): string {
  const keep: readonly string[] = STORAGE_KEEPING_FEATURES;
  const features = existing.split(',').map((f) => f.trim()).filter((f) => f && !keep.includes(f));
  for (const feature of STORAGE_BLOCKING_FEATURES) if (!features.includes(feature)) features.push(feature);
  return features.join(',');
}

/** Keeps third-party (partitioned) storage available; Chromium reads features before `ready`. */
export function keepThirdPartyStorage(commandLine: CommandLineLike, isReady: boolean): void {
  if (isReady) throw new Error('keepThirdPartyStorage must run before the app is ready');
  commandLine.appendSwitch('disable-features', disabledFeatures(commandLine.getSwitchValue('disable-features')));
}
