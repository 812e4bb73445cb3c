/**
 * The CSV header table (header-table.json, documented in docs/csv-headers.md): which column of
 * which exporter holds what. It is data so that a contributor adds an exporter or a language
 * without touching code; this module checks it with zod when it is first used (a bad entry
 * fails every CSV import test at once, naming the entry) and compiles it into lookups.
 */
import { z } from 'zod';
import raw from './header-table.json';

/** What a column can hold; `label` is the type/label cell of a numbered group (Google). */
export const ROLE_KINDS = [
  'name', 'fileAs', 'given', 'family', 'middle', 'prefix', 'suffix', 'nickname', 'phoneticGiven', 'phoneticFamily',
  'org', 'department', 'title', 'note', 'uid', 'photo', 'categories', 'email', 'phone', 'label', 'url',
  'birthday', 'anniversary', 'date', 'birthday.year', 'birthday.month', 'birthday.day',
  'address.street', 'address.street2', 'address.street3', 'address.poBox', 'address.extended',
  'address.locality', 'address.region', 'address.postalCode', 'address.country', 'address.formatted', 'ignore',
] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

/** One column's meaning: `type` is the table's type word (`work`, `cell`...), `group` ties numbered columns. */
export interface Role {
  kind: RoleKind;
  type?: string;
  group?: string;
}

const KINDS = new Set<string>(ROLE_KINDS);
/** `kind[:type][@group]`, e.g. `phone:work`, `address.street@address{n}`. */
const ROLE_SPEC = /^([A-Za-z.\d]+)(?::([\w-]+))?(?:@([\w{}]+))?$/;

export function parseRole(spec: string): Role | null {
  const m = ROLE_SPEC.exec(spec);
  if (!m || !KINDS.has(m[1]!)) return null;
  const role: Role = { kind: m[1] as RoleKind };
  if (m[2]) role.type = m[2];
  if (m[3]) role.group = m[3];
  // A label column means nothing without the group it labels.
  if (role.kind === 'label' && role.group === undefined) return null;
  return role;
}

const roleSpec = z.string().refine((s) => parseRole(s) !== null, { message: 'not a role (kind[:type][@group], see docs/csv-headers.md)' });
const entry = z.union([
  roleSpec,
  z.object({ role: roleSpec, near: z.array(z.enum(ROLE_KINDS)).min(1), else: roleSpec }).strict(),
  z.object({ role: roleSpec, withColumn: z.array(z.string().min(1)).min(1), else: roleSpec }).strict(),
]);
const tableSchema = z.object({
  $comment: z.string().optional(),
  exporters: z.array(
    z.object({
      name: z.string().min(1),
      when: z.array(z.string().min(1)).min(1).optional(),
      columns: z.record(z.string().min(1), entry),
    }).strict(),
  ).min(1),
  generic: z.object({
    $comment: z.string().optional(),
    kinds: z.array(z.object({ role: roleSpec, words: z.array(z.string().min(1)).min(1) }).strict()).min(1),
    types: z.record(z.string().min(1), z.array(z.string().min(1))),
    fillers: z.array(z.string().min(1)),
  }).strict(),
}).strict();

export type TableEntry = z.infer<typeof entry>;

/** Lower case, no accents, punctuation and runs of space folded to one space, `mobile1` → `mobile 1`. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Template {
  pattern: RegExp;
  entry: string;
}

export interface CompiledExporter {
  name: string;
  /** Folded headers of which one present makes this exporter's columns apply first; none: always. */
  when: string[] | null;
  exact: Map<string, TableEntry>;
  /** `Phone {n} - Value`: the number becomes part of the group (`phone{n}` → `phone2`). */
  templates: Template[];
}

/** A generic word: a kind (with its rank, first listed = 0), a type word, a filler, or several. */
export interface GenericWord {
  kind?: { role: Role; rank: number };
  type?: string;
  filler?: boolean;
}

export interface CompiledTable {
  exporters: CompiledExporter[];
  /** Folded word or phrase → what it means in the generic vocabulary. */
  words: Map<string, GenericWord>;
  /** The longest phrase in `words`, in words (phrase matching looks no further). */
  longestPhrase: number;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileTemplate(header: string, target: string): Template {
  const folded = foldHeader(header.replace('{n}', ' 9999 '));
  return { pattern: new RegExp(`^${escapeRegExp(folded).replace('9999', '(\\d+)')}$`), entry: target };
}

export function compileTable(input: unknown): CompiledTable {
  const checked = tableSchema.safeParse(input);
  if (!checked.success) throw new Error(`header table: ${z.prettifyError(checked.error)}`);
  const table = checked.data;
  const exporters = table.exporters.map((e): CompiledExporter => {
    const exact = new Map<string, TableEntry>();
    const templates: Template[] = [];
    for (const [header, target] of Object.entries(e.columns)) {
      if (header.includes('{n}')) {
        if (typeof target !== 'string') throw new Error(`header table: ${e.name}: "${header}": a numbered column takes a plain role`);
        templates.push(compileTemplate(header, target));
      } else {
        const folded = foldHeader(header);
        if (exact.has(folded)) throw new Error(`header table: ${e.name}: "${header}" is listed twice`);
        exact.set(folded, target);
      }
    }
    return { name: e.name, when: e.when ? e.when.map(foldHeader) : null, exact, templates };
  });
  const words: CompiledTable['words'] = new Map();
  const meaning = (w: string): GenericWord => {
    const folded = foldHeader(w);
    let m = words.get(folded);
    if (!m) words.set(folded, (m = {}));
    return m;
  };
  table.generic.kinds.forEach((k, rank) => {
    for (const w of k.words) meaning(w).kind ??= { role: parseRole(k.role)!, rank };
  });
  for (const [type, list] of Object.entries(table.generic.types)) for (const w of list) meaning(w).type ??= type;
  for (const w of table.generic.fillers) meaning(w).filler = true;
  const longestPhrase = Math.max(...[...words.keys()].map((w) => w.split(' ').length));
  return { exporters, words, longestPhrase };
}

let compiled: CompiledTable | null = null;

/** The app's header table, checked and compiled once. */
export function headerTable(): CompiledTable {
  return (compiled ??= compileTable(raw));
}
