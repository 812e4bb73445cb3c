/**
 * One logical line → a property: group, name, parameters and the raw value bytes. Parameter
 * syntax differs by version and exporter, all accepted here:
 * - 2.1 bare parameters: `TEL;CELL;VOICE:`, `LABEL;QUOTED-PRINTABLE:`, `PHOTO;JPEG;BASE64:`;
 * - 3.0/4.0 `TYPE=a,b`, repeated `type=a;type=b`, quoted lists `TYPE="a,b"`;
 * - RFC 6868 caret escapes in parameter values (`^n`, `^'`, `^^`);
 * - a line without a colon (Evolution's bare `FN`) is a property with an empty value.
 */

export type ValueEncoding = 'quoted-printable' | 'base64' | null;

export interface Property {
  group: string | null;
  /** Upper-cased, without the group. */
  name: string;
  /** Parameter values by upper-cased parameter name (TYPE and ENCODING are also below). */
  params: ReadonlyMap<string, string[]>;
  /** Lower-cased TYPE values and 2.1 bare type parameters, in file order. */
  types: string[];
  encoding: ValueEncoding;
  charset: string | null;
  /** The bytes after the first colon, not yet decoded, as a latin1 string (one char per byte). */
  value: string;
}

const BARE_ENCODINGS: Record<string, ValueEncoding> = {
  'QUOTED-PRINTABLE': 'quoted-printable',
  BASE64: 'base64',
  B: 'base64',
  '8BIT': null,
  '7BIT': null,
};

/** The first colon outside double quotes (a quote left open falls back to the first colon). */
function valueStart(text: string): number {
  const colon = text.indexOf(':');
  const quote = text.indexOf('"');
  if (quote < 0 || (colon >= 0 && colon < quote)) return colon;
  let quoted = false;
  for (let i = quote; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return colon;
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

const NO_PARAMS: ReadonlyMap<string, string[]> = new Map();

const unquote = (s: string): string => {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
};

/** RFC 6868: `^n` newline, `^'` double quote, `^^` caret; any other caret stays. */
export function decodeCaret(s: string): string {
  if (!s.includes('^')) return s;
  return s.replace(/\^([n'^])/gi, (_m, c: string) => (c === '^' ? '^' : c === "'" ? '"' : '\n'));
}

/**
 * Parses one logical line (bytes as a latin1 string: the head is ASCII in every real file, and
 * a stray byte stays 1:1); returns null for a line with no property name at all.
 */
export function parseProperty(text: string): Property | null {
  const colon = valueStart(text);
  const head = colon < 0 ? text : text.slice(0, colon);
  const value = colon < 0 ? '' : text.slice(colon + 1);
  const semi = head.indexOf(';');
  const id = nameOf(semi < 0 ? head : head.slice(0, semi));
  if (!id) return null;
  const { group, name } = id;
  if (semi < 0) return { group, name, params: NO_PARAMS, types: [], encoding: null, charset: null, value };
  const paramText = head.slice(semi + 1);
  const rawParams = paramText.includes('"') ? splitOutsideQuotes(paramText, ';') : paramText.split(';');

  const params = new Map<string, string[]>();
  const types: string[] = [];
  let encoding: ValueEncoding = null;
  let charset: string | null = null;
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    if (eq < 0) {
      const bare = raw.trim().toUpperCase();
      if (!bare) continue;
      if (bare in BARE_ENCODINGS) encoding = BARE_ENCODINGS[bare] ?? null;
      else types.push(bare.toLowerCase());
      continue;
    }
    const key = raw.slice(0, eq).trim().toUpperCase();
    const rawValue = raw.slice(eq + 1);
    const values = rawValue.includes('"') ? splitOutsideQuotes(rawValue, ',') : rawValue.split(',');
    for (let i = 0; i < values.length; i++) values[i] = decodeCaret(unquote(values[i] as string));
    const known = params.get(key);
    if (known) known.push(...values);
    else params.set(key, values);
    if (key === 'TYPE') {
      // A quoted list `TYPE="a,b"` is one value holding commas.
      for (const v of values) {
        for (const t of v.includes(',') ? v.split(',') : [v]) {
          const type = t.trim().toLowerCase();
          if (type) types.push(type);
        }
      }
    } else if (key === 'ENCODING') encoding = BARE_ENCODINGS[(values[0] ?? '').trim().toUpperCase()] ?? null;
    else if (key === 'CHARSET') charset = values[0]?.trim() || null;
  }
  return { group, name, params, types, encoding, charset, value };
}

/** `item1.tel` → group `item1`, name `TEL`; the few distinct names of a file are cached. */
function nameOf(nameWithGroup: string): { group: string | null; name: string } | null {
  const cached = names.get(nameWithGroup);
  if (cached !== undefined) return cached;
  const dot = nameWithGroup.lastIndexOf('.');
  const name = nameWithGroup.slice(dot + 1).trim().toUpperCase();
  const id = name ? { group: dot > 0 ? nameWithGroup.slice(0, dot).trim().toLowerCase() : null, name } : null;
  // Bounded: group names (item1, item2...) and hostile files could add names without end.
  if (names.size < 1024) names.set(nameWithGroup, id);
  return id;
}
const names = new Map<string, { group: string | null; name: string } | null>();
