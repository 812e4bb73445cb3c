import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether a development launch of Electron needs `--no-sandbox`. Chromium's Linux sandbox
 * needs unprivileged user namespaces, or else the setuid `chrome-sandbox` helper, which an npm
 * install never sets up (it would need root to chown and chmod 4755 it). Some kernels forbid
 * those namespaces (Ubuntu 23.10+ through AppArmor, Debian's older sysctl), and Chromium refuses
 * to run as root with its sandbox at all; there Electron aborts at start unless told
 * `--no-sandbox`. Packaged builds are not concerned: their installers set the helper up. The
 * renderers' own `sandbox: true` (app.enableSandbox) is unaffected either way.
 */

/** What the host says; null where a file is absent (the setting does not exist there). */
export interface SandboxFacts {
  platform: string;
  /** process.getuid(); null where there is none (Windows). */
  uid: number | null;
  /** /proc/sys/kernel/apparmor_restrict_unprivileged_userns: "1" forbids them. */
  apparmorRestrictUserns: string | null;
  /** /proc/sys/kernel/unprivileged_userns_clone: "0" forbids them. */
  unprivilegedUsernsClone: string | null;
  /** chrome-sandbox beside the executable is owned by root and setuid. */
  setuidHelper: boolean;
}

/** Why this host needs `--no-sandbox` for a development launch, or null when it does not. */
export function noSandboxReason(facts: SandboxFacts): string | null {
  if (facts.platform !== 'linux') return null;
  if (facts.uid === 0) return 'Chromium does not run as root with its sandbox';
  if (facts.setuidHelper) return null;
  if (facts.apparmorRestrictUserns?.trim() === '1') {
    return 'this kernel forbids unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1)';
  }
  if (facts.unprivilegedUsernsClone?.trim() === '0') {
    return 'this kernel forbids unprivileged user namespaces (kernel.unprivileged_userns_clone = 0)';
  }
  return null;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The facts of this machine for the Electron in `distDir`. */
export function hostSandboxFacts(distDir: string): SandboxFacts {
  let setuidHelper = false;
  try {
    const helper = statSync(join(distDir, 'chrome-sandbox'));
    setuidHelper = helper.uid === 0 && (helper.mode & 0o4000) !== 0;
  } catch {
    // No helper (not Linux, or an unusual dist): the namespaces decide.
  }
  return {
    platform: process.platform,
    uid: process.getuid?.() ?? null,
    apparmorRestrictUserns: readOrNull('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    unprivilegedUsernsClone: readOrNull('/proc/sys/kernel/unprivileged_userns_clone'),
    setuidHelper,
  };
}
