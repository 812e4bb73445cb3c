/**
 * A contact's date as a file wrote it → the stored form of `ContactDate.value`: `YYYY-MM-DD`,
 * `--MM-DD` for a date without a year, or the text as written when it is not a calendar date
 * (`circa 1800`, `1980-04`, `2020-02-30`): an unreadable date is kept, never guessed at.
 * Hand-written: the forms are the few ISO 8601 ones vCard and CSV exporters write, and a date
 * library would turn a year-less date into one with a year.
 */

const daysIn = (month: number, year: number | null): number =>
  month === 2 ? (year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const two = (n: number): string => String(n).padStart(2, '0');

function calendar(year: number | null, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return null;
  return year === null ? `--${two(month)}-${two(day)}` : `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

/**
 * The stored form of a date. `omitYear` is Apple's `X-APPLE-OMIT-YEAR=1604`: a date in that
 * year is one the user gave without a year. A time after the date (`T00:00:00Z`) is dropped.
 */
export function parseContactDate(text: string, omitYear?: string): string {
  const t = text.trim();
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t);
  if (full) {
    const year = Number(full[1]);
    const noYear = omitYear !== undefined && omitYear.trim() === full[1];
    return calendar(noYear ? null : year, Number(full[2]), Number(full[3])) ?? t;
  }
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(t);
  if (yearless) return calendar(null, Number(yearless[1]), Number(yearless[2])) ?? t;
  return t;
}

/** True when the stored value is a calendar date (`YYYY-MM-DD` or `--MM-DD`), not free text. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && calendar(m[1] === '-' ? null : Number(m[1]), Number(m[2]), Number(m[3])) === value;
}
