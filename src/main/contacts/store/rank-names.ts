/**
 * `contacts.rank_names`: the folded display name, given name, family name and company of a
 * contact, stored so search can rank its ~200 candidates without folding (NFKD and the letter
 * table, see search-text.ts) every name of every candidate at every keystroke, which was most
 * of a search's time at 100,000 contacts. The fold is the search fold; a migration that
 * changes the fold must rebuild this column as well as the indexes.
 *
 * NULL for a tombstone.
 */
import { foldText } from './search-text';

/** Between fields: a control character no name field keeps (see `rankNames`). */
const SEPARATOR = '\u001f';

export interface RankNames {
  /** The folded display name (also what ties are sorted by). */
  name: string;
  givenName: string;
  familyName: string;
  company: string;
}

interface NameFields {
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  company: string | null;
}

/** The column's value for a contact. */
export function rankNames(c: NameFields): string {
  return [c.displayName, c.givenName ?? '', c.familyName ?? '', c.company ?? '']
    .map((field) => foldText(field.replaceAll(SEPARATOR, ' ')))
    .join(SEPARATOR);
}

/** The fields back from the column's value. */
export function readRankNames(value: string): RankNames {
  const [name = '', givenName = '', familyName = '', company = ''] = value.split(SEPARATOR);
  return { name, givenName, familyName, company };
}
