/**
 * The hardened webPreferences every window of ours uses (Electron security checklist items
 * 2–4, 6, 8–11): set explicitly rather than trusting defaults, and asserted in tests.
 */
import type { WebPreferences } from 'electron';

/** `preload` is our sandboxed bridge; `additionalArguments` tell it which origin is ours. */
export function hardenedWebPreferences(preload: string, appOrigin: string): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Middle-click would open links in new windows without passing setWindowOpenHandler's policy.
    disableBlinkFeatures: 'Auxclick',
    spellcheck: true,
    additionalArguments: [`--softphone-app-origin=${appOrigin}`],
  };
}
