/**
 * The `contacts-softphone-cli` launchers the installers put beside the app (and, for deb and
 * rpm, in /usr/bin): electron-builder.yml ships them, and the shell launcher runs the binary
 * beside it with the `contacts` subcommand and the arguments untouched, found through any
 * symlink, in the Linux and macOS layouts. A stand-in binary that prints its arguments plays
 * the app, so this runs without Electron. The RunAsNode fuse stays off (builder-config.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_SUBCOMMAND, cliArguments } from '../../src/main/cli/route';

const root = resolve(__dirname, '../..');
const require = createRequire(__filename);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface Copy {
  from: string;
  to: string;
}
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  productName: string;
  linux: { executableName: string; extraFiles: Copy[] };
  deb: { fpm: string[] };
  rpm: { fpm: string[] };
  win: { extraFiles: Copy[] };
  mac: { extraResources: Copy[] };
};
const SHELL = 'resources/cli/contacts-softphone-cli';
const CMD = 'resources/cli/contacts-softphone-cli.cmd';

const dir = mkdtempSync(join(tmpdir(), 'cli-launcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const posix = process.platform !== 'win32';

/** A stand-in for the app binary at `path`: prints each argument on its own line. */
function fakeApp(path: string): void {
  mkdirSync(resolve(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n', { mode: 0o755 });
}
function launcherIn(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'contacts-softphone-cli');
  copyFileSync(join(root, SHELL), path);
  return path;
}
const run = (path: string, args: string[]) => spawnSync(path, args, { encoding: 'utf8' });

describe('electron-builder.yml/the command line launchers', () => {
  it('puts the shell launcher beside the Linux binary and, for deb and rpm, in /usr/bin beside its link', () => {
    expect(config.linux.extraFiles).toContainEqual({ from: SHELL, to: 'contacts-softphone-cli' });
    expect(config.deb.fpm).toContain(`${SHELL}=/usr/bin/contacts-softphone-cli`);
    expect(config.rpm.fpm).toContain(`${SHELL}=/usr/bin/contacts-softphone-cli`);
    // fpm keeps the mode: the file itself must be executable (git stores the bit).
    if (posix) accessSync(join(root, SHELL), constants.X_OK);
    expect(readFileSync(join(root, SHELL), 'utf8')).toContain(`"$here/${config.linux.executableName}"`);
  });

  it('puts a .cmd beside the Windows exe that runs "<productName>.exe contacts" with every argument', () => {
    expect(config.win.extraFiles).toContainEqual({ from: CMD, to: 'contacts-softphone-cli.cmd' });
    const cmd = readFileSync(join(root, CMD), 'utf8');
    expect(cmd).toContain(`"%~dp0${config.productName}.exe" ${CLI_SUBCOMMAND} %*\r\n`);
    expect(cmd).toMatch(/^@echo off\r\n/);
    expect(cmd).toContain('exit /b %ERRORLEVEL%');
  });

  it('ships the shell launcher in the macOS app bundle, looking for the binary in ../MacOS', () => {
    expect(config.mac.extraResources).toContainEqual({ from: SHELL, to: 'contacts-softphone-cli' });
    expect(readFileSync(join(root, SHELL), 'utf8')).toContain(`"$here/../MacOS/${config.productName}"`);
  });
});

describe.skipIf(!posix)('resources/cli/contacts-softphone-cli (run with a stand-in app)', () => {
  const args = ['--json', 'import', 'my friends.vcf', '--region', 'DE', '', '*'];

  it('runs the binary beside it as `contacts VERB ...`, arguments untouched, which the app routes to the CLI', () => {
    const opt = join(dir, 'opt', 'Contacts Softphone');
    fakeApp(join(opt, config.linux.executableName));
    const r = run(launcherIn(opt), args);
    expect(r.status).toBe(0);
    const received = r.stdout.split('\n').slice(0, -1);
    expect(received).toEqual([CLI_SUBCOMMAND, ...args]);
    // What the app's entry then does with its argv (packaged: no app path argument).
    expect(cliArguments([join(opt, config.linux.executableName), ...received], false)).toEqual(args);
  });

  it('works from /usr/bin beside the package link, and through a symlink from any folder', () => {
    const opt = join(dir, 'root', 'opt', 'Contacts Softphone');
    const bin = join(dir, 'root', 'usr', 'bin');
    fakeApp(join(opt, config.linux.executableName));
    const usrBin = launcherIn(bin);
    symlinkSync(join(opt, config.linux.executableName), join(bin, config.linux.executableName));
    expect(run(usrBin, ['sources']).stdout).toBe(`${CLI_SUBCOMMAND}\nsources\n`);
    const home = join(dir, 'home', 'bin');
    mkdirSync(home, { recursive: true });
    symlinkSync(launcherIn(opt), join(home, 'contacts-softphone-cli'));
    expect(run(join(home, 'contacts-softphone-cli'), ['list']).stdout).toBe(`${CLI_SUBCOMMAND}\nlist\n`);
  });

  it('finds the binary of a macOS bundle from Contents/Resources, through an `ln -s` on the PATH', () => {
    const contents = join(dir, 'Applications', `${config.productName}.app`, 'Contents');
    fakeApp(join(contents, 'MacOS', config.productName));
    const link = join(dir, 'usr-local-bin', 'contacts-softphone-cli');
    mkdirSync(resolve(link, '..'), { recursive: true });
    symlinkSync(launcherIn(join(contents, 'Resources')), link);
    expect(run(link, ['search', 'ada lovelace']).stdout).toBe(`${CLI_SUBCOMMAND}\nsearch\nada lovelace\n`);
  });

  it("passes the app's exit code through, and says in one line when no app is beside it", () => {
    const opt = join(dir, 'exit', 'app');
    mkdirSync(opt, { recursive: true });
    writeFileSync(join(opt, config.linux.executableName), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    expect(run(launcherIn(opt), ['list']).status).toBe(3);
    const lonely = launcherIn(join(dir, 'lonely'));
    const r = run(lonely, ['list']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`contacts-softphone-cli: the Contacts Softphone app was not found beside ${join(dir, 'lonely')}\n`);
    expect(statSync(lonely).mode & 0o111).not.toBe(0);
  });
});
