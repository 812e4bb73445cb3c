/**
 * Opening a file to import or hash, without ever blocking or reading without bound. A path can
 * name anything: a FIFO blocks `open()` until a writer appears, a character device
 * (`/dev/zero`, `/dev/urandom`, maybe behind a symlink) never reaches end of file, a socket
 * cannot be opened at all. So the path is stat'ed first and only a regular file is opened;
 * the open uses O_NONBLOCK, so a file swapped for a FIFO between the stat and the open still
 * cannot block, and the open descriptor is checked to be the very file that was stat'ed.
 */
import { closeSync, constants, fstatSync, openSync, statSync, type Stats } from 'node:fs';
import { fail, ok, type Result } from '../../../shared/result';

/**
 * The largest file imported. A million-contact vCard export is about 300 MB; four times that
 * leaves room for photos, while a multi-gigabyte "address book" is a disk image or a log file,
 * and reading it would keep the import queue busy for minutes.
 */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024 * 1024;

/** What a non-regular file is, in words, for the one-line refusal. */
export function describeNonRegular(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const sizeText = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;

/** Refuses anything but a regular file of a sane size, by the stat alone. */
export function checkSourceStat(path: string, stat: Stats): Result<Stats> {
  if (!stat.isFile()) return fail('not-an-address-book', `${path}: not an address book (it is ${describeNonRegular(stat)}, not a file)`);
  if (stat.size > MAX_SOURCE_BYTES) {
    return fail('not-an-address-book', `${path}: too large to import (${sizeText(stat.size)}; the limit is ${sizeText(MAX_SOURCE_BYTES)})`);
  }
  return ok(stat);
}

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message.split('\n')[0]! : String(e));

/**
 * Opens a regular file read-only; the caller closes `fd`. Never blocks, never throws; a path
 * that does not exist fails with `not-found`.
 */
export function openSourceFile(path: string): Result<{ fd: number; stat: Stats }> {
  let before: Stats;
  try {
    before = statSync(path);
  } catch (e) {
    // `not-found` lets sync tell a vanished file (its contacts are kept) from an unreadable one.
    return fail(errno(e) === 'ENOENT' ? 'not-found' : 'import-failed', `${path}: cannot open (${errno(e)})`);
  }
  const checked = checkSourceStat(path, before);
  if (!checked.ok) return checked;
  let fd: number;
  try {
    // O_NONBLOCK does not exist on Windows, where opening a pipe by path does not block.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return fail('import-failed', `${path}: cannot open (${errno(e)})`);
  }
  const refuse = (result: Result<never>): Result<never> => {
    closeSync(fd);
    return result;
  };
  let stat: Stats;
  try {
    stat = fstatSync(fd);
  } catch (e) {
    return refuse(fail('import-failed', `${path}: cannot read (${errno(e)})`));
  }
  const again = checkSourceStat(path, stat);
  if (!again.ok) return refuse(again);
  if (stat.ino !== before.ino || stat.dev !== before.dev) {
    return refuse(fail('import-failed', `${path}: the file was replaced while it was being opened; try again`));
  }
  return ok({ fd, stat });
}
