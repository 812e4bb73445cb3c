/**
 * CardDAV benchmark against a local Radicale (Debian's `radicale`): the first sync of a
 * 10,000-card address book (`carddav_initial_10k_s`) and a sync after 10 cards changed on the
 * server (`carddav_incremental_10_ms`), each beside importing the same cards from a vCard file
 * in the same run (`file_import_10k_s`, `file_reimport_10_changed_ms`). Radicale's own time
 * (Python, one vCard parse per card) is most of the first figure. Skipped with a note when
 * Radicale is not installed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContactRecord } from '../src/main/contacts/model';
import { createCardDav, memorySecrets } from '../src/main/contacts/carddav';
import { closeDatabase, openDatabase } from '../src/main/contacts/db/open';
import { importFile } from '../src/main/contacts/import/importer';
import { writeVcard } from '../src/main/contacts/import/vcard/writer';
import { createContactStore } from '../src/main/contacts/store';
// The tests' Radicale harness: the same server setup the CardDAV tests use.
import { radicaleMissing, startRadicale } from '../tests/main/contacts/carddav/radicale';
import type { Bench, Figure } from './types';

const CARDS = 10_000;
const CHANGED = 10;

const card = (r: ContactRecord, i: number, edit = ''): string =>
  writeVcard({ ...r, jobTitle: edit || r.jobTitle, id: String(i), source: null }, { uid: `bench-${i}` });

const seconds = async (fn: () => unknown): Promise<number> => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

export const carddavBench: Bench = {
  description: 'CardDAV sync from a local Radicale vs. importing the same cards from a file',
  async run(ctx) {
    const missing = radicaleMissing();
    if (missing) {
      ctx.log(`  skipped: ${missing}`);
      return [];
    }
    const book = ctx.book().slice(0, CARDS);
    const server = await startRadicale();
    try {
      const alice = server.users[0]!;
      await server.makeBook(alice, 'bench', 'Bench');
      ctx.log(`  uploading ${book.length} cards to Radicale`);
      await server.putBook(alice, 'bench', book.map((r, i) => card(r, i)).join(''));

      const db = openDatabase(join(ctx.dir, 'carddav.sqlite3'));
      const store = createContactStore({ db });
      // Radicale's first look at a big collection takes tens of seconds on a loaded machine.
      const dav = createCardDav({ db, store, secrets: memorySecrets(), region: 'US', http: { timeoutMs: 300_000 } });
      await dav.addAccount({ server: server.origin, username: alice.name, password: alice.password });
      ctx.log('  first sync');
      let outcomes: Awaited<ReturnType<typeof dav.syncAll>> = [];
      const initial = await seconds(async () => (outcomes = await dav.syncAll()));
      const first = outcomes[0];
      if (!first?.ok || first.report.added !== book.length) throw new Error(`first sync: ${JSON.stringify(first).slice(0, 300)}`);

      ctx.log(`  ${CHANGED} cards changed on the server`);
      for (let i = 0; i < CHANGED; i++) await server.putCard(alice, 'bench', `bench-${i}.vcf`, card(book[i]!, i, `Edited ${i}`));
      const incremental = await seconds(async () => (outcomes = await dav.syncAll()));
      const second = outcomes[0];
      if (!second?.ok || second.report.updated !== CHANGED) throw new Error(`incremental sync: ${JSON.stringify(second).slice(0, 300)}`);
      closeDatabase(db);

      ctx.log('  the same cards from a file');
      const file = join(ctx.dir, 'carddav-same.vcf');
      writeFileSync(file, book.map((r, i) => card(r, i)).join(''));
      const fileDb = openDatabase(join(ctx.dir, 'carddav-file.sqlite3'));
      const fileStore = createContactStore({ db: fileDb });
      const fileImport = await seconds(() => importFile(fileStore, file, { region: 'US' }));
      writeFileSync(file, book.map((r, i) => card(r, i, i < CHANGED ? `Edited ${i}` : '')).join(''));
      const fileReimport = await seconds(() => importFile(fileStore, file, { region: 'US' }));
      closeDatabase(fileDb);

      const figures: Figure[] = [
        { name: 'carddav_initial_10k_s', value: initial, unit: 's', target: null, baseline: 'file_import_10k_s' },
        { name: 'carddav_incremental_10_ms', value: incremental * 1000, unit: 'ms', target: null, baseline: 'file_reimport_10_changed_ms' },
        { name: 'file_import_10k_s', value: fileImport, unit: 's', target: null },
        { name: 'file_reimport_10_changed_ms', value: fileReimport * 1000, unit: 'ms', target: null },
      ];
      return figures;
    } finally {
      await server.dispose();
    }
  },
};
