import { describe, expect, it, vi } from 'vitest';
import { cliArguments, routeEntry } from '../../../src/main/cli/route';

describe('cli/cliArguments (the installed app answers `contacts-softphone contacts VERB ...`)', () => {
  it.each([
    [['/opt/Contacts Softphone/contacts-softphone', 'contacts', 'import', 'a.vcf'], false, ['import', 'a.vcf']],
    [['/usr/bin/electron', '.', 'contacts', 'sources'], true, ['sources']],
    [['C:\\Program Files\\Contacts Softphone\\Contacts Softphone.exe', 'contacts'], false, []],
    [['/opt/x/contacts-softphone'], false, null],
    [['/opt/x/contacts-softphone', 'tel:+15551234567'], false, null],
    [['/opt/x/contacts-softphone', '--no-sandbox'], false, null],
    [['/usr/bin/electron', '.'], true, null],
    // A file opened with the app, even one named "contacts" elsewhere in the line, is no CLI run.
    [['/opt/x/contacts-softphone', '/home/a/contacts'], false, null],
  ] as const)('%j (development start: %s) → %j', (argv, defaultApp, expected) => {
    expect(cliArguments(argv, defaultApp)).toEqual(expected);
  });
});

describe('cli/routeEntry', () => {
  it('runs the CLI and exits with its code, without starting the app (no window, no ready)', async () => {
    const runCli = vi.fn(async () => 3);
    const startApp = vi.fn();
    const exit = vi.fn();
    expect(routeEntry({ argv: ['/opt/x/app', 'contacts', 'search', 'ada'], defaultApp: false, runCli, startApp, exit })).toBe('cli');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(3));
    expect(runCli).toHaveBeenCalledWith(['search', 'ada']);
    expect(startApp).not.toHaveBeenCalled();
  });

  it('starts the app otherwise, and runs no CLI', () => {
    const runCli = vi.fn(async () => 0);
    const startApp = vi.fn();
    expect(routeEntry({ argv: ['/opt/x/app', 'tel:+1555'], defaultApp: false, runCli, startApp, exit: vi.fn() })).toBe('app');
    expect(startApp).toHaveBeenCalledTimes(1);
    expect(runCli).not.toHaveBeenCalled();
  });
});
