/**
 * The region a file is imported with is stored with its source and used by every later sync;
 * `--region XX import FILE` on an existing source changes it; without any region (no option,
 * none stored, no setting, a locale naming no country) numbers keep no invented country code.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/main/cli/main';

let dir: string;
let dbPath: string;
let book: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-region-'));
  dbPath = join(dir, 'contacts.db');
  book = join(dir, 'office.vcf');
  writeBook('030 12345678');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

let edits = 0;
function writeBook(number: string): void {
  writeFileSync(book, `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:office\r\nFN:Office\r\nTEL:${number}\r\nEND:VCARD\r\n`);
  // A distinct mtime, so the sync sees the edit even within the same millisecond.
  edits += 1;
  utimesSync(book, new Date(2026, 0, 1, 0, 0, edits), new Date(2026, 0, 1, 0, 0, edits));
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--db', dbPath, ...args], {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    // A locale naming no country, and the app settings in the test folder.
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', SOFTPHONE_USER_DATA: join(dir, 'userdata'), ...env },
  });
  return { code, out, err };
}

const stored = async (): Promise<Array<[string, string | null]>> => {
  const list = JSON.parse((await cli(['--json', 'list'])).out) as Array<{ phoneNumbers: Array<{ phoneNumber: string }> }>;
  const sources = JSON.parse((await cli(['--json', 'sources'])).out) as Array<{ region: string | null }>;
  return list.map((c) => [c.phoneNumbers[0]!.phoneNumber, sources[0]!.region]);
};

describe('cli/region per source', () => {
  it('keeps the region a file was imported with for every later sync', async () => {
    expect((await cli(['--region', 'DE', 'import', book])).code).toBe(0);
    expect(await stored()).toEqual([['+493012345678', 'DE']]);
    writeBook('089 1234567');
    const sync = await cli(['--json', 'sync']);
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.out).reports[0]).toMatchObject({ region: 'DE', updated: 1 });
    expect(await stored()).toEqual([['+49891234567', 'DE']]);
  });

  it('changes the stored region when the file is imported again with another one', async () => {
    await cli(['--region', 'DE', 'import', book]);
    writeBook('08-555 123 45'); // a Swedish number, and a valid DE one: 08555 is a German area code
    await cli(['sync']);
    expect(await stored()).toEqual([['+49855512345', 'DE']]);
    expect((await cli(['--region', 'se', 'import', book])).code).toBe(0);
    expect(await stored()).toEqual([['+46855512345', 'SE']]);
    writeBook('08-555 123 46');
    await cli(['sync']);
    expect(await stored()).toEqual([['+46855512346', 'SE']]);
  });

  it('with no region anywhere, adds no country code and says why', async () => {
    const r = await cli(['import', book]);
    expect(r.out).toContain('1 number kept as written: no country code and no region (e.g. 030 12345678)');
    expect(await stored()).toEqual([['030 12345678', null]]);
  });

  it('takes the region from the settings in any case, then from the locale', async () => {
    mkdirSync(join(dir, 'userdata'));
    writeFileSync(join(dir, 'userdata', 'settings.json'), JSON.stringify({ region: 'de' }));
    expect((await cli(['import', book])).err).toBe('');
    expect(await stored()).toEqual([['+493012345678', 'DE']]);
    rmSync(join(dir, 'userdata', 'settings.json'));
    const other = join(dir, 'stockholm.vcf');
    writeFileSync(other, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Stockholm\r\nTEL:08-555 123 45\r\nEND:VCARD\r\n');
    const r = await cli(['--json', 'import', other], { LANG: 'sv_SE.UTF-8' });
    expect(JSON.parse(r.out)).toMatchObject({ region: 'SE', numbersKeptAsWritten: [] });
  });

  it('reports a bad region in the settings and refuses a bad --region', async () => {
    mkdirSync(join(dir, 'userdata'));
    writeFileSync(join(dir, 'userdata', 'settings.json'), JSON.stringify({ region: 'Germany' }));
    const r = await cli(['import', book]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning: settings\.json: region must be a country code.*; ignored\n$/);
    const bad = await cli(['--region', 'XX', 'import', book]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('error: --region: unknown region "XX" (a country code such as DE or US)\n');
  });
});
