/**
 * The write path: one import = one transaction = at most one revision bump, taken lazily so
 * an import that changes nothing leaves the revision (and every syncTimestamp) as it was.
 */
import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ContactRecord, UpsertOutcome } from '../model';
import { matchKey, phoneDigits } from '../phone';
import { createImportScratch } from './import-scratch';
import { createLinker, nameKey, type RelinkContext } from './links';
import { rankNames } from './rank-names';
import { encodeCard } from './card';
import { encodeExtras } from './extras';
import { gramDocument, searchDocument, textFields } from './search-text';
import type { SourceImportResult, SourceInfo } from './types';

/** One import run: which source, and what happens to its contacts `fill` does not mention. */
export interface ImportPlan {
  path: string;
  format: string;
  fingerprint: string;
  /** True for a real import (the file is the whole truth); false for the test helpers. */
  tombstoneUnseen: boolean;
  /** Source keys to tombstone explicitly (test helper). */
  deleteKeys?: readonly string[];
  /** The region the source's numbers were read in, stored with it; undefined leaves it as it was. */
  region?: string | null;
  /** Whether unseen contacts may become tombstones (see SourceInfo.allowDeletions). */
  allowDeletions?: SourceInfo['allowDeletions'];
}

/** What `fill` gets: upsert a record; remove tombstones the live contact with that key (if any). */
export interface FillOps {
  upsert: (r: ContactRecord) => UpsertOutcome;
  remove: (sourceKey: string) => boolean;
}

type Counts = Omit<SourceImportResult, 'changedNumbers' | 'changedNumbersTotal'>;

/** Identical content gives an identical hash, so a re-import can skip unchanged contacts. */
function contentHash(r: ContactRecord): string {
  const phones = r.phones.map((p) => [p.raw, p.e164, p.extension, p.type, p.label]);
  const content = [r.displayName, r.givenName, r.familyName, r.company, r.jobTitle, r.notes, r.avatar, phones, r.emails, encodeExtras(r.extras)];
  // The one-shot hash (Node ≥ 20.12) avoids a Hash object per contact on the import hot path.
  return hash('sha1', JSON.stringify(content), 'base64');
}

/** Every statement of the write path, prepared once per store. */
function prepareWriteStatements(db: Database) {
  return {
    revision: db.prepare('SELECT revision FROM meta WHERE id = 1').pluck(),
    setRevision: db.prepare('UPDATE meta SET revision = ? WHERE id = 1'),
    sourceByPath: db.prepare('SELECT id FROM sources WHERE path = ?').pluck(),
    sourceState: db.prepare('SELECT fingerprint, contact_count AS count FROM sources WHERE id = ?'),
    sourceExists: db.prepare('SELECT 1 FROM sources WHERE id = ?').pluck(),
    insertSource: db.prepare('INSERT INTO sources (path, format, fingerprint) VALUES (?, ?, ?)'),
    deleteSource: db.prepare('DELETE FROM sources WHERE id = ?'),
    setRegion: db.prepare('UPDATE sources SET region = ? WHERE id = ?'),
    finishSource: db.prepare(`UPDATE sources SET format = @format, fingerprint = @fingerprint, last_synced_at = @at,
        contact_count = (SELECT count(*) FROM contacts WHERE source_id = @id AND deleted = 0),
        added_count = @added, updated_count = @updated, unchanged_count = @unchanged, deleted_count = @deleted
      WHERE id = @id`),
    find: db.prepare(`SELECT id, content_hash AS hash, deleted, name_key AS nameKey, person_id AS person FROM contacts
      WHERE source_id = ? AND source_key = ?`),
    insert: db.prepare(`INSERT INTO contacts (source_id, source_key, display_name, given_name, family_name, company,
        job_title, notes, avatar, extras, card, rank_names, name_key, content_hash, rev) VALUES (@sourceId, @sourceKey,
        @displayName, @givenName, @familyName, @company, @jobTitle, @notes, @avatar, @extras, @card, @rankNames, @nameKey, @hash, @rev)`),
    update: db.prepare(`UPDATE contacts SET display_name = @displayName, given_name = @givenName,
        family_name = @familyName, company = @company, job_title = @jobTitle, notes = @notes, avatar = @avatar, extras = @extras, card = @card,
        rank_names = @rankNames, name_key = @nameKey, content_hash = @hash, rev = @rev, deleted = 0
      WHERE id = @id`),
    tombstone: db.prepare(`UPDATE contacts SET deleted = 1, rev = ?, content_hash = '', card = NULL, rank_names = NULL, name_key = NULL, person_id = NULL
      WHERE id = ?`),
    liveByKey: db.prepare('SELECT id, name_key AS nameKey, person_id AS person FROM contacts WHERE source_id = ? AND source_key = ? AND deleted = 0'),
    insertPhone: db.prepare(`INSERT INTO phones (contact_id, position, raw, e164, extension, type, label, match_key, digits)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    deletePhones: db.prepare('DELETE FROM phones WHERE contact_id = ?'),
    insertEmail: db.prepare('INSERT INTO emails (contact_id, position, address) VALUES (?, ?, ?)'),
    deleteEmails: db.prepare('DELETE FROM emails WHERE contact_id = ?'),
    insertSearch: db.prepare('INSERT INTO contact_search (rowid, text) VALUES (?, ?)'),
    deleteSearch: db.prepare('DELETE FROM contact_search WHERE rowid = ?'),
    insertGrams: db.prepare('INSERT INTO contact_grams (rowid, grams) VALUES (?, ?)'),
    deleteGrams: db.prepare('DELETE FROM contact_grams WHERE rowid = ?'),
  };
}

/** Creates the import runner and `removeSource` over one connection. */
export function createImporter(db: Database, now: () => Date) {
  const s = prepareWriteStatements(db);
  // Seen ids and changed numbers live in TEMP tables, not JS sets: see import-scratch.ts.
  const scratch = createImportScratch(db);
  const linker = createLinker(db);
  /** Relinks the people the transaction may have changed (store/links.ts). */
  const relink = (rev: () => number, revSoFar: () => number | null): void =>
    linker.relinkNoted({ rev, revSoFar, noteNumbersOf: scratch.noteNumbersOf });

  const writeChildren = (id: number, r: ContactRecord): void => {
    r.phones.forEach((p, i) =>
      s.insertPhone.run(id, i, p.raw, p.e164, p.extension, p.type, p.label, matchKey(p), phoneDigits(p.raw)),
    );
    r.emails.forEach((e, i) => s.insertEmail.run(id, i, e));
    const text = textFields(r);
    s.insertSearch.run(id, searchDocument(r, text));
    s.insertGrams.run(id, gramDocument(text));
  };
  const clearChildren = (id: number): void => {
    s.deletePhones.run(id);
    s.deleteEmails.run(id);
    s.deleteSearch.run(id);
    s.deleteGrams.run(id);
  };

  /** The body of one import transaction. */
  function importInTransaction(plan: ImportPlan, fill: (ops: FillOps) => void, isOpen: () => boolean) {
    scratch.reset();
    linker.reset();
    const firstNewId = scratch.firstNewId();
    let rev: number | null = null;
    const nextRev = (): number => (rev ??= (s.revision.get() as number) + 1);
    const sourceId =
      (s.sourceByPath.get(plan.path) as number | undefined) ??
      Number(s.insertSource.run(plan.path, plan.format, plan.fingerprint).lastInsertRowid);
    const before = s.sourceState.get(sourceId) as { fingerprint: string; count: number };
    const counts: Counts = { sourceId, added: 0, updated: 0, unchanged: 0, deleted: 0 };
    const tombstone = (id: number, linked: { nameKey: string | null; person: number | null }): void => {
      // Only a linked contact's going can change a person.
      if (linked.person !== null) linker.note(linked.nameKey);
      scratch.noteNumbersOf(id);
      clearChildren(id);
      s.tombstone.run(nextRev(), id);
      counts.deleted++;
    };

    const removeKey = (key: string): boolean => {
      if (!isOpen()) throw new Error('SourceWriter used after its import finished');
      const row = s.liveByKey.get(sourceId, key) as { id: number; nameKey: string | null; person: number | null } | undefined;
      if (row === undefined) return false;
      tombstone(row.id, row);
      return true;
    };
    const upsert = (r: ContactRecord): UpsertOutcome => {
      if (!isOpen()) throw new Error('SourceWriter used after its import finished');
      const digest = contentHash(r);
      const row = s.find.get(sourceId, r.sourceKey) as
        | { id: number; hash: string; deleted: number; nameKey: string | null; person: number | null }
        | undefined;
      if (row && !row.deleted && row.hash === digest) {
        if (plan.tombstoneUnseen) scratch.see(row.id);
        counts.unchanged++;
        return 'unchanged';
      }
      const values = {
        sourceId,
        sourceKey: r.sourceKey,
        displayName: r.displayName,
        givenName: r.givenName,
        familyName: r.familyName,
        company: r.company,
        jobTitle: r.jobTitle,
        notes: r.notes,
        avatar: r.avatar,
        extras: encodeExtras(r.extras),
        card: encodeCard(r),
        rankNames: rankNames(r),
        nameKey: nameKey(r),
        hash: digest,
        rev: nextRev(),
        id: row?.id ?? 0,
      };
      if (!row) {
        const id = Number(s.insert.run(values).lastInsertRowid);
        writeChildren(id, r);
        counts.added++;
        return 'added';
      }
      if (!row.deleted) scratch.noteNumbersOf(row.id);
      // Its old name's person may lose it, its new name's may gain it.
      if (row.person !== null) linker.note(row.nameKey);
      linker.note(values.nameKey);
      clearChildren(row.id);
      s.update.run(values);
      writeChildren(row.id, r);
      scratch.noteNumbersOf(row.id);
      if (plan.tombstoneUnseen) scratch.see(row.id);
      // A contact that comes back after being deleted is new to the widget.
      counts[row.deleted ? 'added' : 'updated']++;
      return row.deleted ? 'added' : 'updated';
    };
    fill({ upsert, remove: removeKey });

    for (const key of plan.deleteKeys ?? []) removeKey(key);
    scratch.noteNumbersFrom(firstNewId);
    linker.noteFrom(firstNewId);
    let heldBack = 0;
    if (plan.tombstoneUnseen) {
      const gone = scratch.collectUnseen(sourceId, firstNewId);
      if (gone > 0 && plan.allowDeletions && !plan.allowDeletions({ count: gone, existing: before.count })) {
        scratch.keepCollected();
        heldBack = gone;
      } else {
        if (gone > 0) linker.noteLinkedGone();
        counts.deleted += scratch.tombstoneCollected(gone, nextRev);
      }
    }
    relink(nextRev, () => rev);
    // Held-back deletions keep the old fingerprint, so the next sync reads the file again.
    const fingerprint = heldBack > 0 ? before.fingerprint : plan.fingerprint;
    s.finishSource.run({ ...counts, id: sourceId, format: plan.format, fingerprint, at: now().toISOString() });
    if (plan.region !== undefined) s.setRegion.run(plan.region, sourceId);
    if (rev !== null) s.setRevision.run(rev);
    const changed = scratch.changed();
    scratch.reset();
    return { ...counts, ...changed, heldBack };
  }

  /**
   * Runs `fill` inside one transaction; if anything throws, nothing of it stays. BEGIN IMMEDIATE
   * takes the write lock before the file is read, so a second writer waits at its start (the
   * connection's busy timeout) rather than failing at its first write after reading half a file.
   */
  const run = (plan: ImportPlan, fill: (ops: FillOps) => void): SourceImportResult => {
    let open = true;
    try {
      return db.transaction(() => importInTransaction(plan, fill, () => open)).immediate();
    } finally {
      open = false;
    }
  };

  /** Tombstones every contact of a source and forgets the source; null if there is none. */
  const removeSource = (id: number): SourceImportResult | null =>
    db.transaction((): SourceImportResult | null => {
      if (!s.sourceExists.get(id)) return null;
      scratch.reset();
      linker.reset();
      // Nothing is seen, so every live contact of the source goes.
      let rev: number | null = null;
      const nextRev = (): number => (rev ??= (s.revision.get() as number) + 1);
      const gone = scratch.collectUnseen(id, Number.MAX_SAFE_INTEGER);
      if (gone > 0) linker.noteLinkedGone();
      const deleted = scratch.tombstoneCollected(gone, nextRev);
      relink(nextRev, () => rev);
      if (rev !== null) s.setRevision.run(rev);
      s.deleteSource.run(id);
      const changed = scratch.changed();
      scratch.reset();
      return { sourceId: id, added: 0, updated: 0, unchanged: 0, deleted, ...changed };
    }).immediate();

  /** The source's id, creating the row (with no contacts, never synced) when there is none. */
  const ensureSource = (path: string, format: string): number =>
    (s.sourceByPath.get(path) as number | undefined) ?? Number(s.insertSource.run(path, format, '').lastInsertRowid);

  /**
   * Runs one change of the user's link decisions (store/links.ts) in a transaction; null when
   * `change` changed nothing. The numbers whose caller-ID answer changed are returned.
   */
  const linkChange = (change: (ctx: RelinkContext) => boolean): { changedNumbers: string[]; changedNumbersTotal: number } | null =>
    db.transaction(() => {
      scratch.reset();
      let rev: number | null = null;
      const nextRev = (): number => (rev ??= (s.revision.get() as number) + 1);
      if (!change({ rev: nextRev, revSoFar: () => rev, noteNumbersOf: scratch.noteNumbersOf })) return null;
      if (rev !== null) s.setRevision.run(rev);
      const changed = scratch.changed();
      scratch.reset();
      return changed;
    }).immediate();

  /** Takes a contact out of the person it is linked into, for good; null when it is not linked. */
  const unlink = (contactId: number) => linkChange((ctx) => linker.unlink(contactId, ctx));

  /** Forgets the unlink decisions of a contact (with `withId`'s person only, if given); null when there were none. */
  const link = (contactId: number, withId?: number) => linkChange((ctx) => linker.link(contactId, withId, ctx));

  return { run, removeSource, ensureSource, unlink, link };
}
