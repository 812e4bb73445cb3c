/**
 * `link ID`, the real CLI spawned on a real database file: the undo of `unlink ID`. The person
 * is one again, in the widget's list too, and stays so through re-imports.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliOn } from '../run-cli';

let dir: string;
const cli = cliOn(() => join(dir, 'book.sqlite3'), () => dir);
const names = async (): Promise<string[]> => (JSON.parse((await cli('--json', 'list')).out) as Array<{ name: string }>).map((c) => c.name).sort();
const card = (uid: string, name: string, tel: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${name}\r\nTEL:${tel}\r\nEND:VCARD\r\n`;

let phoneId: string;
let googleId: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'contacts-link-'));
  writeFileSync(join(dir, 'phone.vcf'), card('zoe-1', 'Zoë Åström', '+46 70 123 45 67'));
  writeFileSync(join(dir, 'google.vcf'), card('zoe-2', 'Zoe Astrom', '+46701234567'));
  for (const file of ['phone.vcf', 'google.vcf']) expect((await cli('import', join(dir, file))).code).toBe(0);
  const found = JSON.parse((await cli('--json', 'search', 'zoe')).out) as { data: Array<{ id: string }> };
  const unlinked = JSON.parse((await cli('--json', 'unlink', found.data[0]!.id)).out) as {
    unlinked: string;
    from: string[];
  };
  phoneId = unlinked.unlinked;
  googleId = unlinked.from[0]!;
  expect(await names()).toEqual(['Zoe Astrom', 'Zoë Åström']);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cli/link', () => {
  it('links an unlinked contact again, for good', async () => {
    const r = await cli('link', googleId);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/phone\.vcf/);
    expect(r.out).toMatch(/google\.vcf/);
    expect(r.out).toContain(`linked ${googleId} again with ${phoneId}, as ${phoneId}\n`);
    expect(await names()).toEqual(['Zoë Åström']);
    writeFileSync(join(dir, 'google.vcf'), card('zoe-2', 'Zoe Astrom', '+46701234567').replace('END:VCARD', 'NOTE:changed\r\nEND:VCARD'));
    expect((await cli('import', join(dir, 'google.vcf'))).code).toBe(0);
    expect(await names()).toEqual(['Zoë Åström']);
  });

  it('answers JSON with the person it is part of again', async () => {
    const r = await cli('--json', 'link', phoneId);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { linked: string; with: string[]; person: { id: string; parts: Array<{ id: string }> } };
    expect(out).toMatchObject({ linked: phoneId, with: [googleId], person: { id: phoneId } });
    expect(out.person.parts.map((p) => p.id)).toEqual([phoneId, googleId]);
  });

  it('says so when the pair no longer shares a number: the decision goes, nothing is linked', async () => {
    writeFileSync(join(dir, 'google.vcf'), card('zoe-2', 'Zoe Astrom', '+46 8 999 999 99'));
    expect((await cli('import', join(dir, 'google.vcf'))).code).toBe(0);
    const r = await cli('link', googleId);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`forgot what kept ${googleId} apart from ${phoneId}; not linked`);
    expect(await names()).toEqual(['Zoe Astrom', 'Zoë Åström']);
  });

  it('refuses a contact that is not kept apart, an unknown one and a bad id, with one line', async () => {
    expect((await cli('link', googleId)).code).toBe(0);
    const again = await cli('link', googleId);
    expect(again.code).toBe(1);
    expect(again.err).toBe(`error: contact ${googleId} is not kept apart from any other\n`);
    const unknown = await cli('link', '987654');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('error: no contact 987654\n');
    for (const bad of [['zoe'], [], [googleId, phoneId]]) {
      const r = await cli('link', ...bad);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('is in the help', async () => {
    expect((await cli('--help')).out).toMatch(/^ {2}link ID +link a contact again that `unlink` kept apart/m);
  });
});
