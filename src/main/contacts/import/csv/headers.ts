/**
 * Column recognition for CSV address books, driven by the header table (header-table.json,
 * docs/csv-headers.md). A header is looked up, folded, in the exporters' columns (exporters whose
 * `when` columns are present first, then the rest in table order), then read word by word with
 * the table's generic vocabulary (`Home Email`, `email_home`, `cp_mobile1`, `Mobile Phone 2`).
 * Entries that depend on their surroundings are resolved here: `near` by what the adjacent
 * columns mean (Outlook French `Nom`, full name and family name in one file), `withColumn` by
 * whether another column exists (Outlook's courtesy `Title` beside `Job Title`).
 */
import { foldHeader, headerTable, parseRole, type CompiledExporter, type CompiledTable, type Role, type TableEntry } from './header-table';

export { foldHeader } from './header-table';

/** A mapped column: its role and the header as written (a number column's label). */
export interface ColumnRole extends Role {
  header: string;
}

/** One entry per column; null where no rule maps the column (reported as ignored). */
export type ColumnMap = Array<ColumnRole | null>;

/** The generic reading of a folded header, or null when a word is unknown or the kinds disagree. */
function genericRole(folded: string, table: CompiledTable): Role | null {
  const tokens = folded.split(' ');
  const strong: Array<{ role: Role; rank: number }> = [];
  const weak: Array<{ role: Role; rank: number }> = [];
  let type: string | undefined;
  for (let i = 0; i < tokens.length; ) {
    if (/^\d+$/.test(tokens[i]!)) {
      i += 1;
      continue;
    }
    let matched = 0;
    for (let n = Math.min(table.longestPhrase, tokens.length - i); n > 0 && !matched; n -= 1) {
      const word = table.words.get(tokens.slice(i, i + n).join(' '));
      if (!word) continue;
      matched = n;
      if (word.kind) (word.filler ? weak : strong).push(word.kind);
      else if (word.type) type ??= word.type;
    }
    if (!matched) return null;
    i += matched;
  }
  const kinds = strong.length ? strong : weak;
  if (kinds.length === 0 || new Set(kinds.map((k) => k.role.kind)).size > 1) return null;
  const best = kinds.reduce((a, b) => (b.rank < a.rank ? b : a));
  const role: Role = { ...best.role };
  if (type) role.type = role.kind === 'phone' && role.type ? role.type : type;
  // Address parts of one type (`Home Street`, `Home City`) are one address.
  if (role.kind.startsWith('address.')) role.group = `type:${role.type ?? ''}`;
  return role;
}

/**
 * The exporters whose columns apply to a file, in lookup order: those whose `when` columns are
 * present (Yahoo's bare `Home` is a number only in a Yahoo file), then those without `when`.
 */
function activeExporters(table: CompiledTable, present: ReadonlySet<string>): CompiledExporter[] {
  return [
    ...table.exporters.filter((e) => e.when?.some((w) => present.has(w))),
    ...table.exporters.filter((e) => e.when === null),
  ];
}

/** The table entry for one folded header, with `{n}` groups numbered. */
function entryOf(folded: string, exporters: readonly CompiledExporter[]): TableEntry | null {
  for (const e of exporters) {
    const exact = e.exact.get(folded);
    if (exact !== undefined) return exact;
    for (const t of e.templates) {
      const m = t.pattern.exec(folded);
      if (m) return t.entry.replace('{n}', m[1]!);
    }
  }
  return null;
}

/** The role of one header on its own (surroundings not considered: a `near` entry gives its first role). */
export function roleOf(header: string): ColumnRole | null {
  return mapHeader([header], { requireIdentifying: false })?.[0] ?? null;
}

const IDENTIFYING = new Set(['name', 'fileAs', 'given', 'family', 'org', 'phone', 'email']);

/**
 * Maps a header row to column roles. Returns null when nothing identifies a contact (no name,
 * company, number or email column): such a file is not an address book.
 */
export function mapHeader(headers: readonly string[], options: { requireIdentifying?: boolean } = {}): ColumnMap | null {
  const table = headerTable();
  const folded = headers.map(foldHeader);
  const present = new Set(folded);
  const exporters = activeExporters(table, present);
  const entries = folded.map((f) => (f ? entryOf(f, exporters) : null));
  const generic = folded.map((f, i) => (entries[i] === null && f ? genericRole(f, table) : null));
  // The first choice of every column, which is what `near` looks at around a column.
  const base = entries.map((e, i): Role | null => {
    if (e === null) return generic[i] ?? null;
    return parseRole(typeof e === 'string' ? e : e.role);
  });
  const score = (i: number, near: readonly string[]): number =>
    [i - 1, i + 1].filter((j) => base[j] !== undefined && base[j] !== null && near.includes(base[j]!.kind)).length;
  const chosen = entries.map((e, i): Role | null => {
    if (e === null || typeof e === 'string') return base[i] ?? null;
    if ('withColumn' in e) return parseRole(e.withColumn.some((c) => present.has(foldHeader(c))) ? e.role : e.else);
    return parseRole(score(i, e.near) > 0 ? e.role : e.else);
  });
  // The same `near` header twice, both next to name parts: the better surrounded one is the part.
  entries.forEach((e, i) => {
    if (e === null || typeof e === 'string' || !('near' in e) || score(i, e.near) === 0) return;
    const rivals = folded.flatMap((f, j) => (j !== i && f === folded[i] && score(j, e.near) > score(i, e.near) ? [j] : []));
    if (rivals.length) chosen[i] = parseRole(e.else);
  });
  const map: ColumnMap = chosen.map((role, i) => (role ? { ...role, header: headers[i]!.trim() } : null));
  if (options.requireIdentifying === false) return map;
  return map.some((r) => r !== null && IDENTIFYING.has(r.kind)) ? map : null;
}
