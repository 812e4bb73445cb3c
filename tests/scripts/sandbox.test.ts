import { describe, expect, it } from 'vitest';
import { noSandboxReason, type SandboxFacts } from '../../scripts/lib/sandbox';

const base: SandboxFacts = { platform: 'linux', uid: 1000, apparmorRestrictUserns: null, unprivilegedUsernsClone: null, setuidHelper: false };

describe('sandbox/noSandboxReason', () => {
  it.each<[string, Partial<SandboxFacts>, RegExp | null]>([
    ['a Linux desktop allowing user namespaces (settings absent)', {}, null],
    ['a Linux desktop allowing them explicitly', { apparmorRestrictUserns: '0\n', unprivilegedUsernsClone: '1\n' }, null],
    ['Ubuntu 23.10+ (AppArmor restricts them)', { apparmorRestrictUserns: '1\n' }, /apparmor_restrict_unprivileged_userns = 1/],
    ['a kernel with unprivileged_userns_clone = 0', { unprivilegedUsernsClone: '0\n' }, /unprivileged_userns_clone = 0/],
    ['a restricted kernel where chrome-sandbox is setuid root', { apparmorRestrictUserns: '1', setuidHelper: true }, null],
    ['root (containers, CI)', { uid: 0 }, /root/],
    ['root even with a setuid helper', { uid: 0, setuidHelper: true }, /root/],
    ['macOS', { platform: 'darwin', uid: 0, apparmorRestrictUserns: '1' }, null],
    ['Windows', { platform: 'win32', uid: null, unprivilegedUsernsClone: '0' }, null],
  ])('%s', (_name, facts, expected) => {
    const reason = noSandboxReason({ ...base, ...facts });
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});
