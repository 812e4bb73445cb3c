/**
 * What one CSV cell holds: several numbers or emails in one cell are split (Google's ` ::: `,
 * line breaks, and `,` / `;` when every piece is itself a number or an email), and a cell in a
 * column no rule maps is recognised as a phone number or an email when it plainly is one, so
 * such a column is imported (and reported) rather than dropped without a word.
 */

/** Google's separator and line breaks always separate values in a number or email column. */
const HARD_SEPARATOR = /\s+:::\s+|\s*[\r\n]+\s*/;
const SOFT_SEPARATOR = /\s*[,;]\s*/;

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
/** An email as a person writes it in a cell, with an optional display name (`Ann <a@x.org>`). */
const EMAIL_IN_CELL = /^(?:[^<>@]*<)?\s*(?:mailto:)?[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\s*>?$/i;

const digitCount = (s: string): number => s.replace(/\D/g, '').length;

/** A piece of a number cell that stands as a number of its own (a pause `,,` and an extension do not). */
const isWholeNumber = (piece: string): boolean => digitCount(piece) >= 5 && /^[\d\s()+\-./]+(?:\s*(?:x|ext\.?)\s*\d+)?$/i.test(piece);

/** The values of one number or email cell, in order, empty pieces dropped. */
export function splitCell(cell: string, kind: 'phone' | 'email'): string[] {
  const out: string[] = [];
  for (const part of cell.split(HARD_SEPARATOR)) {
    const piece = part.trim();
    if (!piece) continue;
    const soft = piece.split(SOFT_SEPARATOR).filter((p) => p !== '');
    const whole = kind === 'email' ? (p: string) => EMAIL_IN_CELL.test(p) : isWholeNumber;
    if (soft.length > 1 && soft.every(whole)) out.push(...soft);
    else out.push(piece.replace(/\s+/g, ' '));
  }
  return out;
}

/** A cell that is one plain email address. */
export const looksLikeEmail = (cell: string): boolean => EMAIL.test(cell);

/** Dates, US ZIP+4 and US social security numbers are digit groups too, but not numbers to dial. */
const NOT_A_NUMBER = [/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/, /^\d{5}-\d{4}$/, /^\d{3}-\d{2}-\d{4}$/];

/**
 * A cell that is plainly one phone number: only phone punctuation, 7 to 15 digits, and written as
 * numbers are (international prefix, a trunk 0, parentheses, or digit groups), so an identifier
 * or a count in an unknown column is not taken for one.
 */
export function looksLikePhone(cell: string): boolean {
  if (!/^\+?[\d\s().\-/]+$/.test(cell)) return false;
  const digits = digitCount(cell);
  if (digits < 7 || digits > 15) return false;
  if (NOT_A_NUMBER.some((p) => p.test(cell))) return false;
  return /^(?:\+|00|0|\()/.test(cell) || /\d[\s.\-/]\d/.test(cell);
}
