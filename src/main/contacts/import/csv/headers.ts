/**
 * Column recognition for CSV address books: Google Contacts (old `Phone 1 - Type` and current
 * `Phone 1 - Label` layouts), Outlook (English, German, French header names), Thunderbird and
 * generic files with recognisable headers. Headers are compared after folding case, accents,
 * punctuation and spacing, so `E-Mail-Adresse`, `e mail adresse` and `EMAIL ADDRESS` are alike.
 */

/** What one column holds. `group` ties a Google value column to its type/label column. */
export type ColumnRole =
  | { kind: 'name' | 'fileAs' | 'given' | 'family' | 'middle' | 'prefix' | 'suffix' | 'nickname' }
  | { kind: 'org' | 'department' | 'title' | 'note' | 'uid' | 'photo' }
  | { kind: 'email'; group?: string }
  | { kind: 'phone'; label: string; group?: string }
  | { kind: 'groupLabel'; group: string };

export type ColumnMap = Array<ColumnRole | null>;

/** Lower case, no accents, punctuation and runs of space folded to one space. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const EXACT: Record<string, ColumnRole['kind']> = {};
const add = (kind: ColumnRole['kind'], names: string[]): void => {
  for (const n of names) EXACT[n] = kind;
};
add('name', ['name', 'full name', 'fullname', 'display name', 'displayname', 'anzeigename', 'nom complet', 'contact name', 'formatted name']);
add('fileAs', ['file as', 'speichern unter', 'classer sous']);
add('given', ['given name', 'first name', 'first', 'firstname', 'forename', 'vorname', 'prenom']);
add('family', ['family name', 'last name', 'last', 'lastname', 'surname', 'nachname', 'nom', 'nom de famille']);
add('middle', ['additional name', 'middle name', 'middle', 'weitere vornamen', 'deuxieme prenom', 'second prenom']);
add('prefix', ['name prefix', 'prefix', 'anrede', 'civilite']);
add('suffix', ['name suffix', 'suffix', 'suffixe', 'namenszusatz']);
add('nickname', ['nickname', 'nick name', 'spitzname', 'surnom']);
add('org', ['company', 'company name', 'organization', 'organisation', 'organization name', 'organization 1 name', 'org', 'firma', 'societe', 'entreprise']);
add('department', ['department', 'organization department', 'organization 1 department', 'abteilung', 'service']);
add('title', ['job title', 'jobtitle', 'title', 'organization title', 'organization 1 title', 'position', 'fonction', 'titre', 'role']);
add('note', ['notes', 'note', 'notizen', 'comments', 'comment', 'remarques']);
add('uid', ['uid', 'contact id']);
add('photo', ['photo', 'photo url', 'avatar', 'picture']);

const EMAIL =
  /^(?:(?:primary|secondary|work|home|other|private|business)\s)?(?:e ?mail|mail|courriel|adresse de messagerie)(?: (\d+))?(?: (?:address|adresse|value))?(?: (\d+))?$/;
const GOOGLE_GROUP = /^(phone|e ?mail) (\d+) (type|label|value)$/;
const PHONE_WORD =
  /(?:phone|telefon|telephone|\btel\b|\bmobile?\b|\bcell|\bhandy\b|\bfax\b|telecopie|\bpager\b|\bbip\b|\bisdn\b|\brnis\b|\btelex\b|callback|ruckmeldung|\brappel\b|\bportable\b|\bgsm\b)/;
const NOT_A_NUMBER = /\b(?:type|typ|label|yomi)\b/;

/** The role of one header, or null for a column the importer ignores (addresses, birthdays...). */
export function roleOf(header: string): ColumnRole | null {
  const h = foldHeader(header);
  if (!h) return null;
  const google = GOOGLE_GROUP.exec(h);
  if (google) {
    const group = `${google[1]!.replace(' ', '')} ${google[2]}`;
    if (google[3] !== 'value') return { kind: 'groupLabel', group };
    return google[1] === 'phone' ? { kind: 'phone', label: '', group } : { kind: 'email', group };
  }
  const exact = EXACT[h];
  if (exact) return { kind: exact } as ColumnRole;
  if (EMAIL.test(h)) return { kind: 'email' };
  if (PHONE_WORD.test(h) && !NOT_A_NUMBER.test(h)) return { kind: 'phone', label: header.trim() };
  return null;
}

/**
 * Maps a header row to column roles. Outlook puts the courtesy title ("Mr.") in `Title` and the
 * job in `Job Title` (French: `Titre` / `Fonction`), so a bare title is a prefix only when a
 * job-title column is present too. Returns null when nothing identifies a contact (no name,
 * company, number or email column): such a file is not an address book.
 */
export function mapHeader(headers: readonly string[]): ColumnMap | null {
  const folded = headers.map(foldHeader);
  const hasJobTitle = folded.some((h) => h === 'job title' || h === 'fonction' || h === 'position');
  const map: ColumnMap = headers.map((header, i) => {
    const role = roleOf(header);
    const h = folded[i];
    if (role?.kind === 'title' && hasJobTitle && (h === 'title' || h === 'titre')) return { kind: 'prefix' };
    return role;
  });
  const identifying = map.some(
    (r) => r !== null && ['name', 'given', 'family', 'org', 'phone', 'email'].includes(r.kind),
  );
  return identifying ? map : null;
}
