/**
 * The two opaque strings the widget hands back to us: `syncTimestamp` (a point in the
 * store's revision history) and `nextPage` (where a paged fetch stands). Both carry the
 * database id and a check value, so a token from another database, an older app or a
 * corrupted store is recognised instead of being trusted.
 */
import { createHash } from 'node:crypto';
import type { SyncState } from './store/types';

const check = (payload: string): string => createHash('sha256').update(payload).digest('base64url').slice(0, 8);
const seal = (payload: string): string => `${payload}.${check(payload)}`;
/** The payload of a sealed token, or null if the check value does not fit. */
function unseal(token: unknown, prefix: string): string[] | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const dot = token.lastIndexOf('.');
  const payload = token.slice(0, dot);
  if (dot < 0 || check(payload) !== token.slice(dot + 1)) return null;
  const parts = payload.split('.');
  return parts[0] === prefix ? parts.slice(1) : null;
}
const int36 = (s: string | undefined): number | null => {
  if (s === undefined || !/^[0-9a-z]{1,11}$/.test(s)) return null;
  const n = parseInt(s, 36);
  return Number.isSafeInteger(n) ? n : null;
};

/** A syncTimestamp for revision `revision` of database `databaseId`. Always truthy. */
export function encodeSyncTimestamp(databaseId: string, revision: number): string {
  return seal(`s1.${databaseId}.${revision.toString(36)}`);
}

export type SyncTimestampVerdict =
  | { kind: 'incremental'; since: number }
  | { kind: 'full'; reason: 'empty' | 'garbled' | 'foreign' | 'stale' };

/**
 * Decides how to answer a `/contacts` request carrying `value`: changes since its revision,
 * or a full list when it is empty, unreadable, from another database (or from a revision
 * this one never reached), or older than the oldest tombstone still kept.
 */
export function judgeSyncTimestamp(value: unknown, state: SyncState): SyncTimestampVerdict {
  if (value === null || value === undefined || value === '' || value === 0) return { kind: 'full', reason: 'empty' };
  const parts = unseal(value, 's1');
  const revision = int36(parts?.[1]);
  if (!parts || parts.length !== 2 || revision === null) return { kind: 'full', reason: 'garbled' };
  if (parts[0] !== state.databaseId || revision > state.revision) return { kind: 'full', reason: 'foreign' };
  if (revision < state.tombstoneFloor) return { kind: 'full', reason: 'stale' };
  return { kind: 'incremental', since: revision };
}

/**
 * Where a paged fetch stands. `snapshot` is the revision page 1 reported; a changes fetch
 * walks (rev, id) up to it, a full fetch walks live contacts by id.
 */
export type PageCursor =
  | { mode: 'full'; snapshot: number; afterId: number }
  | { mode: 'changes'; snapshot: number; afterRev: number; afterId: number };

/** The `nextPage` string for a cursor. */
export function encodeCursor(databaseId: string, cursor: PageCursor): string {
  const fields =
    cursor.mode === 'full'
      ? ['f', cursor.snapshot, cursor.afterId]
      : ['c', cursor.snapshot, cursor.afterRev, cursor.afterId];
  return seal(['p1', databaseId, ...fields.map((f) => (typeof f === 'number' ? f.toString(36) : f))].join('.'));
}

/** The cursor a `nextPage` string stands for, or null if it is not one of ours for this database. */
export function decodeCursor(databaseId: string, token: unknown): PageCursor | null {
  const parts = unseal(token, 'p1');
  if (!parts || parts[0] !== databaseId) return null;
  const [, mode, ...rest] = parts;
  const nums = rest.map(int36);
  if (nums.some((n) => n === null)) return null;
  const [snapshot, a, b] = nums as number[];
  if (mode === 'f' && nums.length === 2) return { mode: 'full', snapshot: snapshot!, afterId: a! };
  if (mode === 'c' && nums.length === 3) return { mode: 'changes', snapshot: snapshot!, afterRev: a!, afterId: b! };
  return null;
}
