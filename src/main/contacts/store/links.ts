/**
 * One contact per person: contacts from different sources that are the same person are linked,
 * and the widget sees each person once (store/reader.ts merges them).
 *
 * The rule is Android's contact aggregation, reduced to what our files hold: two contacts are
 * the same person when their names are the same once folded (case, accents, punctuation and
 * word order aside: "Åström, Zoë" is "Zoe Astrom") AND they share a number (its match key, at
 * least MIN_SHARED_DIGITS digits) or an e-mail address (case aside). Links are transitive (A~B,
 * B~C: one person), except that a pair the user unlinked is never joined again, however many
 * links would lead there. A source's own duplicates are not linked with each other directly
 * (a file may hold two cards on purpose), only through a contact of another source.
 *
 * Every contact of a person has the same name key, so a person never spans two name keys: a
 * change is relinked by recomputing the few contacts that share its name key ("bucket"), never
 * the whole book. A linked contact's `person_id` is the smallest id of its person, the id the
 * widget knows the person by; the others are hidden behind it. When a person's membership
 * changes, the contacts whose widget view changed are stamped with the revision: the person's
 * id (re-sent with the union), ids that became hidden (sent as tombstones) and ids that came
 * back (sent again).
 */
import type { Database, Statement } from 'better-sqlite3';
import { foldText } from './search-text';

/** Numbers shorter than this (extensions, short codes) do not make two contacts one person. */
export const MIN_SHARED_DIGITS = 7;

/**
 * The folded name two contacts must share to be linked: the display name (or given + family
 * name) folded as search folds it, cut into words at anything that is not a letter or a
 * digit, words sorted. Null when there is no name: a contact known only by a number or an
 * address is never linked.
 */
export function nameKey(c: { displayName: string; givenName: string | null; familyName: string | null }): string | null {
  const name = c.displayName || [c.givenName, c.familyName].filter(Boolean).join(' ');
  const words = foldText(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.length ? words.sort().join(' ') : null;
}

interface Member {
  id: number;
  source: number;
  person: number | null;
  rev: number;
}

/** Union-find over bucket positions, refusing a union that would join an unlinked pair. */
function groupsOf(members: readonly Member[], edges: ReadonlyArray<[number, number]>, apart: ReadonlyArray<[number, number]>): number[] {
  const parent = members.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const [a, b] of edges) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const splits = apart.some(([x, y]) => {
      const rx = find(x);
      const ry = find(y);
      return (rx === ra && ry === rb) || (rx === rb && ry === ra);
    });
    if (!splits) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return members.map((_, i) => find(i));
}

export interface RelinkContext {
  /** The revision this transaction stamps with (allocated on first use). */
  rev: () => number;
  /** The revision, if this transaction already allocated one. */
  revSoFar: () => number | null;
  /** Notes a contact's numbers as changed for caller ID (its answer changes). */
  noteNumbersOf: (contactId: number) => void;
}

/** A contact's source as unlink decisions name it: its path, which outlives the source's id. */
const SOURCE_PATH = '(SELECT path FROM sources WHERE id = source_id)';

/** Creates the link bookkeeping over one connection (its TEMP table is per connection). */
export function createLinker(db: Database) {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS link_names (key TEXT PRIMARY KEY) WITHOUT ROWID');
  const s = {
    clear: db.prepare('DELETE FROM temp.link_names'),
    note: db.prepare('INSERT OR IGNORE INTO temp.link_names (key) VALUES (?)'),
    noteFrom: db.prepare('INSERT OR IGNORE INTO temp.link_names (key) SELECT name_key FROM contacts WHERE id >= ? AND name_key IS NOT NULL'),
    // Only buckets where a link can exist or already does: two sources, or a linked contact.
    buckets: db.prepare(`SELECT n.key FROM temp.link_names n
      WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.name_key = n.key AND c.person_id IS NOT NULL)
        OR (SELECT count(DISTINCT c.source_id) FROM contacts c WHERE c.name_key = n.key) > 1`).pluck(),
    members: db.prepare('SELECT id, source_id AS source, person_id AS person, rev FROM contacts WHERE name_key = ? ORDER BY id'),
    numbers: db.prepare(`SELECT contact_id, match_key FROM phones
      WHERE contact_id IN (SELECT value FROM json_each(?)) AND length(match_key) >= ${MIN_SHARED_DIGITS}`).raw(),
    emails: db.prepare('SELECT contact_id, lower(address) FROM emails WHERE contact_id IN (SELECT value FROM json_each(?))').raw(),
    // Decisions are kept by source path (migration 0008), so a removed and re-added file keeps them.
    apart: db.prepare(`SELECT a.id, b.id FROM contacts a
      JOIN sources sa ON sa.id = a.source_id
      JOIN unlinks u ON u.source_a = sa.path AND u.key_a = a.source_key
      JOIN sources sb ON sb.path = u.source_b
      JOIN contacts b ON b.source_id = sb.id AND b.source_key = u.key_b
      WHERE a.name_key = @key AND b.name_key = @key`).raw(),
    setPerson: db.prepare('UPDATE contacts SET person_id = ?, rev = ? WHERE id = ?'),
    stamp: db.prepare('UPDATE contacts SET rev = ? WHERE id = ? AND deleted = 0'),
    contact: db.prepare(`SELECT id, ${SOURCE_PATH} AS source, source_key AS key, person_id AS person, name_key AS nameKey FROM contacts WHERE id = ? AND deleted = 0`),
    partners: db.prepare(`SELECT ${SOURCE_PATH} AS source, source_key AS key FROM contacts WHERE person_id = ? AND id != ? AND deleted = 0`),
    unlink: db.prepare('INSERT OR IGNORE INTO unlinks (source_a, key_a, source_b, key_b) VALUES (?, ?, ?, ?)'),
    // The live contacts of the person `contact` belongs to (itself alone when it is not linked).
    personParts: db.prepare(`SELECT id, ${SOURCE_PATH} AS source, source_key AS key, person_id AS person, name_key AS nameKey FROM contacts
      WHERE (id = @person OR person_id = @person) AND deleted = 0`),
    forgetPair: db.prepare(`DELETE FROM unlinks
      WHERE (source_a = @sa AND key_a = @ka AND source_b = @sb AND key_b = @kb) OR (source_a = @sb AND key_a = @kb AND source_b = @sa AND key_b = @ka)`),
    forgetAll: db.prepare('DELETE FROM unlinks WHERE (source_a = @source AND key_a = @key) OR (source_b = @source AND key_b = @key)'),
  };

  type Part = { id: number; source: string; key: string; person: number | null; nameKey: string | null };
  const partsOfPersonOf = (c: Part): Part[] => s.personParts.all({ person: c.person ?? c.id }) as Part[];

  let noteLinkedGone: Statement | undefined;

  /** The pairs of bucket positions that share a number or an e-mail and come from different sources. */
  function edgesOf(members: readonly Member[]): Array<[number, number]> {
    const position = new Map(members.map((m, i) => [m.id, i]));
    const holders = new Map<string, number[]>();
    const ids = JSON.stringify(members.map((m) => m.id));
    const hold = (key: string, id: number): void => {
      const list = holders.get(key);
      const at = position.get(id)!;
      if (!list) holders.set(key, [at]);
      else if (!list.includes(at)) list.push(at);
    };
    for (const [id, key] of s.numbers.all(ids) as Array<[number, string]>) hold(`n${key}`, id);
    for (const [id, address] of s.emails.all(ids) as Array<[number, string]>) hold(`e${address}`, id);
    const seen = new Set<number>();
    const edges: Array<[number, number]> = [];
    for (const list of holders.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = Math.min(list[i]!, list[j]!);
          const b = Math.max(list[i]!, list[j]!);
          if (members[a]!.source === members[b]!.source || seen.has(a * members.length + b)) continue;
          seen.add(a * members.length + b);
          edges.push([a, b]);
        }
      }
    }
    // In id order, so the outcome does not depend on the order numbers were read in.
    return edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  }

  /** Recomputes the people of one name key and stamps what the widget must be told. */
  function relinkBucket(key: string, ctx: RelinkContext): void {
    const members = s.members.all(key) as Member[];
    const position = new Map(members.map((m, i) => [m.id, i]));
    const apart = (s.apart.all({ key }) as Array<[number, number]>).map(([a, b]): [number, number] => [position.get(a)!, position.get(b)!]);
    const roots = groupsOf(members, members.length > 1 ? edgesOf(members) : [], apart);
    const size = new Map<number, number>();
    for (const r of roots) size.set(r, (size.get(r) ?? 0) + 1);
    const stamped = new Set<number>();
    const stamp = (id: number): void => {
      if (stamped.has(id)) return;
      stamped.add(id);
      s.stamp.run(ctx.rev(), id);
    };
    const changedSoFar = ctx.revSoFar();
    const touchedGroups = new Set<number>();
    members.forEach((m, i) => {
      const root = roots[i]!;
      // Members are in id order, so a group's root is its smallest id.
      const person = size.get(root)! > 1 ? members[root]!.id : null;
      if (m.rev === changedSoFar) touchedGroups.add(root);
      if (person === m.person) return;
      touchedGroups.add(root);
      s.setPerson.run(person, ctx.rev(), m.id);
      stamped.add(m.id);
      ctx.noteNumbersOf(m.id);
      if (m.person !== null) stamp(m.person);
    });
    // A person one of whose contacts changed is sent again under its id.
    for (const root of touchedGroups) if (size.get(root)! > 1) stamp(members[root]!.id);
  }

  return {
    /** Forgets the noted name keys; call at the start of every transaction that notes some. */
    reset: (): void => void s.clear.run(),
    /** Notes a name key whose people may have changed. */
    note: (key: string | null): void => {
      if (key !== null) s.note.run(key);
    },
    /** Notes the name keys of the contacts from `firstId` up (those an import inserted). */
    noteFrom: (firstId: number): void => void s.noteFrom.run(firstId),
    /** Notes the name keys of the linked contacts collected in temp.import_gone, before they go. */
    noteLinkedGone(): void {
      // Prepared on first use: temp.import_gone belongs to the import's scratch (a migration has none).
      noteLinkedGone ??= db.prepare(`INSERT OR IGNORE INTO temp.link_names (key) SELECT name_key FROM contacts
        WHERE id IN (SELECT id FROM temp.import_gone) AND person_id IS NOT NULL`);
      noteLinkedGone.run();
    },
    /** Relinks every noted name key that can hold a link, then forgets them. */
    relinkNoted(ctx: RelinkContext): void {
      for (const key of s.buckets.all() as string[]) relinkBucket(key, ctx);
      s.clear.run();
    },
    /** Relinks one name key (a migration relinks every key this way). */
    relinkBucket,
    /**
     * Takes a contact out of its person: the pair it makes with each other contact of that
     * person is recorded as not the same person (by source path and source key, so it survives
     * re-imports and the source's removal and return), and the name key is relinked. False when the contact is not linked.
     */
    unlink(contactId: number, ctx: RelinkContext): boolean {
      const c = s.contact.get(contactId) as Part | undefined;
      if (!c || c.person === null || c.nameKey === null) return false;
      for (const other of s.partners.all(c.person, c.id) as Array<Pick<Part, 'source' | 'key'>>) {
        // One row per pair, in a fixed order; the query above reads it either way round.
        const [a, b] = c.source < other.source || (c.source === other.source && c.key < other.key) ? [c, other] : [other, c];
        s.unlink.run(a.source, a.key, b.source, b.key);
      }
      relinkBucket(c.nameKey, ctx);
      return true;
    },
    /**
     * Undoes unlinks: forgets the decisions that keep contact `contactId` apart — from the
     * contacts of `withId`'s person only, each part of either person included (what the contact
     * window's "Link again" means), or, without `withId`, every decision naming `contactId` (the
     * CLI's `link ID`, the undo of `unlink ID`). The name keys involved are relinked: the pair is
     * one person again if the rule still joins them. False when no decision was forgotten.
     */
    link(contactId: number, withId: number | undefined, ctx: RelinkContext): boolean {
      const c = s.contact.get(contactId) as Part | undefined;
      if (!c) return false;
      const keys = new Set<string | null>([c.nameKey]);
      let forgotten = 0;
      if (withId === undefined) {
        forgotten = s.forgetAll.run({ source: c.source, key: c.key }).changes;
      } else {
        const other = s.contact.get(withId) as Part | undefined;
        if (!other) return false;
        const mine = partsOfPersonOf(c);
        for (const o of partsOfPersonOf(other)) {
          keys.add(o.nameKey);
          for (const m of mine) forgotten += s.forgetPair.run({ sa: m.source, ka: m.key, sb: o.source, kb: o.key }).changes;
        }
      }
      if (forgotten === 0) return false;
      for (const key of keys) if (key !== null) relinkBucket(key, ctx);
      return true;
    },
  };
}
