/**
 * Every schema step, in order. Add a step as `NNNN-short-name.ts` exporting `version` and
 * `migrateToNNNN(db)`, append it here, and add `tests/.../migrations/NNNN-short-name.test.ts`.
 */
import type { Database } from 'better-sqlite3';
import { migrateTo0001, version as v0001 } from './0001-initial';
import { migrateTo0002, version as v0002 } from './0002-carddav';
import { migrateTo0003, version as v0003 } from './0003-search-fold';
import { migrateTo0004, version as v0004 } from './0004-source-region-and-fields';
import { migrateTo0005, version as v0005 } from './0005-source-watch';
import { migrateTo0006, version as v0006 } from './0006-rank-names';
import { migrateTo0007, version as v0007 } from './0007-person-links';
import { migrateTo0008, version as v0008 } from './0008-unlinks-by-source-path';
import { migrateTo0009, version as v0009 } from './0009-name-prefix-index';
import { migrateTo0010, version as v0010 } from './0010-contact-card';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: v0001, name: 'initial', up: migrateTo0001 },
  { version: v0002, name: 'carddav', up: migrateTo0002 },
  { version: v0003, name: 'search-fold', up: migrateTo0003 },
  { version: v0004, name: 'source-region-and-fields', up: migrateTo0004 },
  { version: v0005, name: 'source-watch', up: migrateTo0005 },
  { version: v0006, name: 'rank-names', up: migrateTo0006 },
  { version: v0007, name: 'person-links', up: migrateTo0007 },
  { version: v0008, name: 'unlinks-by-source-path', up: migrateTo0008 },
  { version: v0009, name: 'name-prefix-index', up: migrateTo0009 },
  { version: v0010, name: 'contact-card', up: migrateTo0010 },
];

MIGRATIONS.forEach((m, i) => {
  const previous = i === 0 ? 0 : MIGRATIONS[i - 1]!.version;
  if (m.version <= previous) throw new Error(`Migrations out of order at ${m.name} (${m.version} <= ${previous})`);
});

/** The newest schema version this app knows. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
