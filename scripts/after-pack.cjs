// electron-builder afterPack hook: flips Electron's fuses in the packed binary, as hardened apps
// do (Mattermost's scripts/afterpack.js; electron/electron docs/tutorial/fuses.md). Fuses are
// compiled-in switches, so they hold even if an attacker controls the environment or the
// command line. Runs before electron-builder signs, so the signature covers the flipped binary.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/**
 * The fuse wire we ship. Exported so tests/packaging/builder-config.test.ts can check it.
 * @type {import('@electron/fuses').FuseV1Config}
 */
const fuseConfig = {
  version: FuseVersion.V1,
  // An ad-hoc signed arm64 mac binary stops launching once its bytes change; re-sign it ad hoc
  // (real signing happens afterwards).
  resetAdHocDarwinSignature: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS could preload arbitrary code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger port into main.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only app.asar may be loaded, so a dropped-in app/ folder cannot replace our code...
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // ...and app.asar must match the hash electron-builder embeds (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Cookies (the widget's RingCentral session) are encrypted at rest with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
};

/**
 * @param {import('app-builder-lib').AfterPackContext} context
 */
async function afterPack(context) {
  // electron-builder's helper finds the executable for every platform (productFilename.app,
  // .exe, or linux.executableName) and runs @electron/fuses' flipFuses on it.
  await context.packager.addElectronFuses(context, fuseConfig);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
