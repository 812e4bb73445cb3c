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

/** A column is never narrowed below this (or its natural width, if smaller) to fit a terminal. */
const MIN_FITTED_WIDTH = 8;

/**
 * Narrows `widths` (in place) until a row with two-space gaps fits in `maxWidth` cells, always
 * taking a cell from the widest column, so short columns (ids, counts, types) stay whole.
 * Stops when every column is at its minimum: the terminal then wraps, nothing is hidden.
 */
function fitWidths(widths: number[], maxWidth: number): void {
  const floor = widths.map((w) => Math.min(w, MIN_FITTED_WIDTH));
  let total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  while (total > maxWidth) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) return;
    widths[widest]! -= 1;
    total -= 1;
  }
}

export interface TableOptions {
  /**
   * The terminal's width: wider tables have their widest columns cut (with …) to fit it.
   * Undefined (output piped to a file or a program) prints every cell whole, up to MAX_CELL_WIDTH.
   */
  maxWidth?: number;
}

/**
 * Column widths for a table printed in parts: start from the headers, then `widen` with every
 * row (a loop, not a spread into Math.max: a million rows would overflow the call stack).
 */
export function createTableLayout(headers: readonly string[], options: TableOptions = {}) {
  const widths = headers.map((h) => cellWidth(h));
  let fitted = false;
  const fitOnce = (): void => {
    if (fitted) return;
    fitted = true;
    if (options.maxWidth !== undefined) fitWidths(widths, options.maxWidth);
  };
  const cell = (c: string, i: number): string => {
    const clean = cleanCell(c);
    return options.maxWidth === undefined ? clean : truncateCells(clean, widths[i]!);
  };
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd();
  return {
    widen(rows: ReadonlyArray<readonly string[]>): void {
      for (const row of rows) {
        for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, cellWidth(cleanCell(row[i] ?? '')));
      }
    },
    /** The header row and the rule under it; the widths are final from here on. */
    head: (): string => {
      fitOnce();
      return `${line(headers.map(cell))}\n${line(widths.map((w) => '-'.repeat(w)))}\n`;
    },
    rows: (rows: ReadonlyArray<readonly string[]>): string => {
      fitOnce();
      return rows.map((r) => `${line(r.map(cell))}\n`).join('');
    },
  };
}

/** A table with a header row and a rule under it; cells are single-line, at most MAX_CELL_WIDTH wide, and fit `maxWidth`. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): string {
  const layout = createTableLayout(headers, options);
  layout.widen(rows);
  return layout.head() + layout.rows(rows);
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * A stored ISO time as the user's clock shows it, to the minute (`2026-12-01 23:14`): the
 * local time zone, in an order that sorts and reads the same in every locale. Text that is
 * not a time is shown as it is.
 */
export function localTime(iso: string | null, never = 'never'): string {
  if (!iso) return never;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
