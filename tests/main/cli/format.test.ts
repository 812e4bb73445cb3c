import { describe, expect, it } from 'vitest';
import { MAX_CELL_WIDTH, cellWidth, formatTable, truncateCells } from '../../../src/main/cli/format';

describe('cli/formatTable', () => {
  it('lines up columns, counting CJK characters as two cells', () => {
    const out = formatTable(['NAME', 'NUMBER'], [['山田太郎', '+81312345678'], ['Ada', '+442079460018']]);
    const [header, , first, second] = out.split('\n');
    expect(header!.indexOf('NUMBER')).toBe(10);
    expect(cellWidth(first!.slice(0, first!.indexOf('+')))).toBe(10);
    expect(second!.indexOf('+')).toBe(10);
  });

  it('cuts an over-long cell with an ellipsis so the other columns stay readable', () => {
    const long = 'βγδεαβγδ1'.repeat(12);
    const out = formatTable(['NAME', 'NUMBER'], [[long, '+16505550123']]);
    const row = out.split('\n')[2]!;
    expect(row).toContain('…');
    expect(row.indexOf('+16505550123')).toBe(MAX_CELL_WIDTH + 2);
  });
});

describe('cli/truncateCells', () => {
  it('cuts the middle, so the file name at the end of a long path stays visible', () => {
    const cut = truncateCells('/home/someone/Documents/exports/2026/november/google-contacts.csv', 40);
    expect(cut.endsWith('google-contacts.csv')).toBe(true);
    expect(cut.startsWith('/home/')).toBe(true);
    expect(cellWidth(cut)).toBe(40);
  });

  it('keeps short text as it is and never exceeds the limit', () => {
    expect(truncateCells('Ada Lovelace', 40)).toBe('Ada Lovelace');
    expect(cellWidth(truncateCells('山'.repeat(30), 11))).toBeLessThanOrEqual(11);
  });
});
