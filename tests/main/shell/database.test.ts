import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabaseAtStartup } from '../../../src/main/app/database';
import { closeDatabase } from '../../../src/main/contacts/db/open';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function setup(choice = 0) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-db-'));
  dirs.push(dir);
  const deps = {
    dbPath: path.join(dir, 'contacts.sqlite3'),
    dialog: { showMessageBoxSync: vi.fn((_options: unknown) => choice), showErrorBox: vi.fn() },
    clipboard: { writeText: vi.fn() },
    log: vi.fn(),
  };
  return deps;
}

describe('app/openDatabaseAtStartup', () => {
  it('creates and opens a new address book', () => {
    const deps = setup();
    const db = openDatabaseAtStartup(deps as never);
    expect(db).not.toBeNull();
    closeDatabase(db!);
    expect(deps.dialog.showMessageBoxSync).not.toHaveBeenCalled();
  });

  it('refuses a database from a newer app with "copy error and quit", leaving it untouched', () => {
    const deps = setup(0);
    const raw = new Sqlite(deps.dbPath);
    raw.pragma('user_version = 9999');
    raw.close();
    const before = fs.readFileSync(deps.dbPath);
    expect(openDatabaseAtStartup(deps as never)).toBeNull();
    const options = deps.dialog.showMessageBoxSync.mock.calls[0]![0] as { buttons: string[] };
    expect(options.buttons).toEqual(['Copy error and quit', 'Quit']);
    expect(options.buttons.join(' ')).not.toMatch(/delete/i);
    expect(deps.clipboard.writeText).toHaveBeenCalledWith(expect.stringContaining('9999'));
    expect(fs.readFileSync(deps.dbPath).equals(before)).toBe(true);
  });

  it('reports any other failure and returns null', () => {
    const deps = setup();
    fs.writeFileSync(deps.dbPath, 'this is not a database, just text that is long enough to look like a header...');
    expect(openDatabaseAtStartup(deps as never)).toBeNull();
    expect(deps.dialog.showErrorBox).toHaveBeenCalled();
  });
});
