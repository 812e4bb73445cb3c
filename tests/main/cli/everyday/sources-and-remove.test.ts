/**
 * `sources` flags a file that is gone and shows the last sync as a local date; `remove SOURCE`
 * (by id or by path) tombstones the source's contacts, so the widget's next incremental sync
 * takes them out, and leaves the file and the other sources alone.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localTime } from '../../../../src/main/cli/format';
import { cliOn } from '../run-cli';

let dir: string;
let home: string;
let work: string;
const card = (uid: string, name: string, tel: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${name}\r\nTEL:${tel}\r\nEND:VCARD\r\n`;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-sources-'));
  home = join(dir, 'home.vcf');
  work = join(dir, 'work.vcf');
  writeFileSync(home, card('a', 'Ada Lovelace', '+1 650 555 0101') + card('b', 'Bob Byte', '+1 650 555 0102'));
  writeFileSync(work, card('c', 'Carol Code', '+1 650 555 0103'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const cli = cliOn(() => join(dir, 'c.db'), () => dir);

describe('cli/sources', () => {
  it('flags a file that is no longer on disk, keeps its contacts, and shows the last sync as a local date', async () => {
    await cli('import', home, work);
    rmSync(work);
    const json = JSON.parse((await cli('--json', 'sources')).out) as Array<{ path: string; lastSyncedAt: string }>;
    const r = await cli('sources');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^ID\s+PATH\s+KIND\s+FORMAT\s+CONTACTS\s+LAST SYNCED\s+LAST IMPORT\s+PROBLEM$/);
    const workLine = lines.find((l) => l.includes('work.vcf'))!;
    expect(workLine).toMatch(/FILE MISSING$/);
    expect(workLine).toContain(localTime(json[1]!.lastSyncedAt));
    expect(localTime(json[1]!.lastSyncedAt)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(lines.find((l) => l.includes('home.vcf'))).not.toContain('MISSING');
    expect(r.out).toContain('2 sources; 1 file missing (its contacts are kept; `remove ID` forgets a source)');
    expect(JSON.parse((await cli('--json', 'list')).out)).toHaveLength(3);
  });

  it('keeps the --json shape of the sources exactly as it was', async () => {
    await cli('import', home);
    const [source] = JSON.parse((await cli('--json', 'sources')).out) as Array<Record<string, unknown>>;
    expect(Object.keys(source!).sort()).toEqual(
      ['added', 'contactCount', 'deleted', 'fingerprint', 'format', 'id', 'kind', 'lastSyncedAt', 'path', 'region', 'unchanged', 'updated', 'watching'].sort(),
    );
  });
});

describe('cli/remove SOURCE', () => {
  it('by id: its contacts become tombstones the widget receives, the file and the other source stay', async () => {
    await cli('import', home, work);
    const before = JSON.parse((await cli('--json', 'request', '/contacts', '{"page":1,"syncTimestamp":null}')).out) as { syncTimestamp: string };
    const [first] = JSON.parse((await cli('--json', 'sources')).out) as Array<{ id: number }>;
    const r = await cli('remove', String(first!.id));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`removed ${home}: 2 contacts deleted\n`);
    const sync = JSON.parse((await cli('request', '/contacts', JSON.stringify({ page: 1, syncTimestamp: before.syncTimestamp }))).out) as {
      data: Array<{ deleted?: boolean }>;
    };
    expect(sync.data).toHaveLength(2);
    expect(sync.data.every((c) => c.deleted === true)).toBe(true);
    expect((JSON.parse((await cli('--json', 'list')).out) as Array<{ name: string }>).map((c) => c.name)).toEqual(['Carol Code']);
    expect((JSON.parse((await cli('--json', 'sources')).out) as Array<{ path: string }>).map((s) => s.path)).toEqual([work]);
    expect(existsSync(home)).toBe(true);
  });

  it('by path, relative or absolute, with a JSON answer', async () => {
    await cli('import', work, home);
    const r = await cli('--json', 'remove', relative(process.cwd(), work));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ path: work, kind: 'file', deleted: 1, changedNumbers: ['+16505550103'] });
    expect((await cli('remove', home)).out).toBe(`removed ${home}: 2 contacts deleted\n`);
  });

  it('refuses an unknown source in one line and changes nothing', async () => {
    await cli('import', work);
    const r = await cli('remove', join(dir, 'nope.vcf'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`error: no source ${JSON.stringify(join(dir, 'nope.vcf'))}; \`sources\` lists them\n`);
    expect(JSON.parse((await cli('--json', 'list')).out)).toHaveLength(1);
    expect((await cli('remove')).code).toBe(2);
  });
});
