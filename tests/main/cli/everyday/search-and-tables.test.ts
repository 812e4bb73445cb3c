/**
 * `search --limit N` and the note when it stopped there; tables cut to the terminal's width
 * (with …) and whole when piped; a misspelt verb gets "did you mean".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellWidth } from '../../../../src/main/cli/format';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { createContactStore } from '../../../../src/main/contacts/store';
import { contact, phone } from '../../contacts/helpers';
import { cliOn } from '../run-cli';

let dir: string;
const db = () => join(dir, 'c.db');
const home = () => dir;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-search-'));
  const handle = openDatabase(db());
  createContactStore({ db: handle }).upsertContacts(
    Array.from({ length: 60 }, (_, i) =>
      contact(`m${i}`, `Miller ${String(i).padStart(2, '0')} of the Long Company Department`, [], {
        company: 'Worldwide Consolidated Widgets and Sprockets Incorporated',
        phones: [phone(`+1 650 555 ${String(1000 + i)}`, 'mobile')],
      }),
    ),
  );
  closeDatabase(handle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const piped = cliOn(db, home);
const terminal = (columns: number) => cliOn(db, home, { stdout: { isTTY: true, columns } });

describe('cli/search --limit', () => {
  it('stops at 50 by default and says so in the table footer', async () => {
    const r = await piped('search', 'miller');
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('50 shown; stopped at the limit of 50 results; `search --limit 100` shows more');
    expect(r.out.split('\n').filter((l) => /^\d+\s+Miller/.test(l))).toHaveLength(50);
  });

  it('takes --limit, and says nothing more when everything was shown', async () => {
    const five = await piped('search', '--limit', '5', 'miller');
    expect(five.out.split('\n').filter((l) => /^\d+\s+Miller/.test(l))).toHaveLength(5);
    expect(five.out).toContain('5 shown; stopped at the limit of 5 results');
    const all = await piped('search', 'miller', '--limit', '100');
    expect(all.out.trimEnd().split('\n').at(-1)).toBe('60 found');
  });

  it('keeps the JSON reply shape, at most N contacts, and notes the limit on stderr', async () => {
    const r = await piped('--json', 'search', '--limit', '3', 'miller');
    const json = JSON.parse(r.out) as { data: unknown[] };
    expect(Object.keys(json)).toEqual(['data']);
    expect(json.data).toHaveLength(3);
    expect(r.err).toBe('note: stopped at the limit of 3 results; `search --limit 6` shows more\n');
  });

  it.each([['0'], ['x'], ['2.5']])('refuses --limit %s in one line (exit 2)', async (bad) => {
    const r = await piped('search', '--limit', bad, 'miller');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('cli/tables fit the terminal', () => {
  it('cuts the widest columns with … so every line fits the terminal width', async () => {
    const r = await terminal(80)('list');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.every((l) => cellWidth(l) <= 80)).toBe(true);
    expect(lines[2]).toContain('…');
    expect(lines[2]).toMatch(/\+16505551000\s+mobile/);
    expect(lines.at(-1)).toBe('60 contacts');
  });

  it('prints every cell whole when piped, and fits COLUMNS when a script sets it', async () => {
    const whole = await piped('search', '--limit', '1', 'miller 00');
    expect(whole.out).toContain('Miller 00 of the Long Company Department');
    expect(whole.out.split('\n').some((l) => cellWidth(l) > 100)).toBe(true);
    const set = await cliOn(db, home, { env: { COLUMNS: '60' } })('list');
    expect(set.out).toContain('…');
    expect(set.out.split('\n').every((l) => cellWidth(l) <= 60)).toBe(true);
  });
});

describe('cli/misspelt verbs', () => {
  it.each([
    ['serach', 'did you mean "search"?'],
    ['sorces', 'did you mean "sources"?'],
    ['lst', 'did you mean "list"?'],
    ['improt', 'did you mean "import"?'],
    ['rmove', 'did you mean "remove"?'],
  ])('%s → %s', async (typed, hint) => {
    const r = await piped(typed);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: unknown verb ${JSON.stringify(typed)}; ${hint} (see --help)\n`);
  });

  it('suggests nothing for a word far from every verb', async () => {
    expect((await piped('frobnicate')).err).toBe('error: unknown verb "frobnicate" (see --help)\n');
  });
});
