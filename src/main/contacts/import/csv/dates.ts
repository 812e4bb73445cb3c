/**
 * CSV date cells → the store's date forms: `YYYY-MM-DD`, `--MM-DD` without a year, or the text
 * as written when the form is ambiguous (`05/06/1990` is May or June depending on who wrote it)
 * or unknown. Outlook writes `0/0/00` for "no date": that is no date, not a date to keep.
 */

const pad = (n: number): string => String(n).padStart(2, '0');
const valid = (month: number, day: number): boolean => month >= 1 && month <= 12 && day >= 1 && day <= 31;
const full = (year: number, month: number, day: number): string | null =>
  valid(month, day) ? `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` : null;

/** The date a cell holds, or null when the cell says there is none. */
export function readDate(cell: string): string | null {
  const text = cell.trim();
  if (!text || /^[0\s./-]+$/.test(text)) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return full(Number(m[1]), Number(m[2]), Number(m[3])) ?? text;
  m = /^--(\d{2})-?(\d{2})$/.exec(text);
  if (m) return valid(Number(m[1]), Number(m[2])) ? `--${m[1]}-${m[2]}` : text;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return full(Number(m[3]), Number(m[2]), Number(m[1])) ?? text;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (a > 12 && b <= 12) return full(year, b, a) ?? text;
    if (b > 12 && a <= 12) return full(year, a, b) ?? text;
  }
  return text;
}

/** Thunderbird's `Birth Year` / `Birth Month` / `Birth Day` columns as one date. */
export function dateFromParts(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  const [y, mo, d] = [year, month, day].map((v) => (v && /^\d+$/.test(v.trim()) ? Number(v) : null));
  if (mo && d && valid(mo, d)) return y ? full(y, mo, d) : `--${pad(mo)}-${pad(d)}`;
  const written = [year, month, day].filter((v) => v?.trim()).join('-');
  return written || null;
}
