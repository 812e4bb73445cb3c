/**
 * Only regular files are read: a FIFO (which blocks `open()` until a writer comes), a device
 * behind a symlink (`/dev/zero` never ends) and a socket are refused by name before any read,
 * by import and by sync's hashing alike; a file over the size limit is refused too. Each case
 * would hang the test (and fail it by timeout) if the importer opened or read the path.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, symlinkSync, unlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../../../../../src/main/contacts/db/open';
import { importFile } from '../../../../../src/main/contacts/import/importer';
import { MAX_SOURCE_BYTES } from '../../../../../src/main/contacts/import/source-file';
import { syncSources } from '../../../../../src/main/contacts/import/sync';
import { createContactStore, type ContactStore } from '../../../../../src/main/contacts/store';
import { must } from '../../helpers';
import { dumpDatabase } from '../db-dump';

const posix = process.platform !== 'win32';
let dir: string;
let db: Database;
let store: ContactStore;
const servers: Server[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'special-'));
  db = openDatabase(join(dir, 'contacts.db'));
  store = createContactStore({ db });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTEL:+442079460000\r\nEND:VCARD\r\n';
const fifo = (path: string): string => {
  execFileSync('mkfifo', [path]);
  return path;
};
const socket = async (path: string): Promise<string> => {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((r) => server.listen(path, r));
  return path;
};
const device = (path: string): string => {
  symlinkSync('/dev/zero', path);
  return path;
};

describe.runIf(posix)('import refuses what is not a regular file, by name, without reading', () => {
  it.each([
    ['a FIFO', (p: string) => Promise.resolve(fifo(p)), 'a named pipe (FIFO)'],
    ['/dev/zero behind a symlink', (p: string) => Promise.resolve(device(p)), 'a device'],
    ['a unix socket', socket, 'a socket'],
    ['a folder', (p: string) => Promise.resolve((execFileSync('mkdir', [p]), p)), 'a folder'],
  ])('%s', async (_what, make, kind) => {
    await make(join(dir, 'book.vcf'));
    const before = dumpDatabase(db);
    const result = importFile(store, join(dir, 'book.vcf'));
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-an-address-book', message: `${join(dir, 'book.vcf')}: not an address book (it is ${kind}, not a file)` },
    });
    expect(dumpDatabase(db)).toBe(before);
  });

  it('refuses a file over the size limit before reading it (a sparse file: no disk used)', () => {
    const path = join(dir, 'huge.vcf');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, MAX_SOURCE_BYTES + 1);
    closeSync(fd);
    const result = importFile(store, path);
    expect(result).toEqual({ ok: false, error: { code: 'not-an-address-book', message: `${path}: too large to import (2,049 MB; the limit is 2,048 MB)` } });
  });
});

describe.runIf(posix)('sync refuses a source that became something else, and keeps its contacts', () => {
  it.each([
    ['a FIFO', (p: string) => Promise.resolve(fifo(p)), 'a named pipe (FIFO)'],
    ['a symlink to /dev/zero', (p: string) => Promise.resolve(device(p)), 'a device'],
    ['a unix socket', socket, 'a socket'],
  ])('%s', async (_what, make, kind) => {
    const path = join(dir, 'book.vcf');
    writeFileSync(path, card);
    must(importFile(store, path));
    unlinkSync(path);
    await make(path);
    const report = must(syncSources(store));
    expect(report).toEqual({ reports: [], missing: [], failed: [{ path, message: `${path}: not an address book (it is ${kind}, not a file)` }] });
    expect(store.countContacts()).toBe(1);
  });
});
