/**
 * The hardened webPreferences every window of ours uses (Electron security checklist items
 * 2–4, 6, 8–11): set explicitly rather than trusting defaults, and asserted in tests.
 */
import type { WebPreferences } from 'electron';

/** The security-critical preferences, the same for every window we create (ours and the sign-in popup). */
export const SECURE_WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  // Middle-click would open links in new windows without passing setWindowOpenHandler's policy.
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences;

/** `preload` is our sandboxed bridge; `additionalArguments` tell it which origin is ours. */
export function hardenedWebPreferences(preload: string, appOrigin: string): WebPreferences {
  return {
    preload,
    ...SECURE_WEB_PREFERENCES,
    navigateOnDragDrop: false,
    spellcheck: true,
    additionalArguments: [`--softphone-app-origin=${appOrigin}`],
  };
}
