/**
 * Plain-text tables for people reading the CLI's output. Column widths count East Asian
 * wide characters as two cells so CJK names line up.
 */

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Terminal cells a string takes (wide CJK / fullwidth forms count double, marks zero). */
export function cellWidth(text: string): number {
  // Most cells are plain ASCII: one cell a character, no per-character tests (a million rows).
  if (PLAIN_ASCII.test(text)) return text.length;
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (/\p{M}/u.test(ch) || cp < 32) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - cellWidth(text)));

/** Widest cell in a column before it is shortened: one odd record must not push every other column off screen. */
export const MAX_CELL_WIDTH = 48;

/** Takes characters from `chars` while they fit in `width` cells. */
function fit(chars: string[], width: number): string {
  let out = '';
  for (const ch of chars) {
    if (cellWidth(out + ch) > width) break;
    out += ch;
  }
  return out;
}

/**
 * Shortens `text` to at most `max` terminal cells by cutting its middle, so both the start of
 * a name and the file name at the end of a path stay readable.
 */
export function truncateCells(text: string, max = MAX_CELL_WIDTH): string {
  if (cellWidth(text) <= max) return text;
  const chars = [...text];
  const head = fit(chars, Math.ceil((max - 1) / 2));
  const tail = [...fit([...chars].reverse(), max - 1 - cellWidth(head))].reverse().join('');
  return `${head}…${tail}`;
}

/** A cell as the table prints it: on one line, at most MAX_CELL_WIDTH wide. */
const cleanCell = (c: string): string => truncateCells(c.replace(/\s+/g, ' '));

/**
 * Column widths for a table printed in parts: start from the headers, then `widen` with every
 * row (a loop, not a spread into Math.max: a million rows would overflow the call stack).
 */
export function createTableLayout(headers: readonly string[]) {
  const widths = headers.map((h) => cellWidth(h));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd();
  return {
    widen(rows: ReadonlyArray<readonly string[]>): void {
      for (const row of rows) {
        for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, cellWidth(cleanCell(row[i] ?? '')));
      }
    },
    /** The header row and the rule under it. */
    head: (): string => `${line(headers)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`,
    rows: (rows: ReadonlyArray<readonly string[]>): string => rows.map((r) => `${line(r.map(cleanCell))}\n`).join(''),
  };
}

/** A table with a header row and a rule under it; cells are single-line and at most MAX_CELL_WIDTH wide. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const layout = createTableLayout(headers);
  layout.widen(rows);
  return layout.head() + layout.rows(rows);
}
