import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, encodeSyncTimestamp, judgeSyncTimestamp } from '../../../src/main/contacts/sync-token';

const state = { databaseId: 'a1b2c3', revision: 40, tombstoneFloor: 10 };

describe('sync-token/judgeSyncTimestamp', () => {
  it('reads back the revision of a timestamp from this database', () => {
    expect(judgeSyncTimestamp(encodeSyncTimestamp('a1b2c3', 25), state)).toEqual({ kind: 'incremental', since: 25 });
    expect(judgeSyncTimestamp(encodeSyncTimestamp('a1b2c3', 40), state)).toEqual({ kind: 'incremental', since: 40 });
  });

  it.each([[null], [undefined], [''], [0]])('asks for a full list when the widget has no timestamp (%j)', (value) => {
    expect(judgeSyncTimestamp(value, state)).toEqual({ kind: 'full', reason: 'empty' });
  });

  it('detects a garbled or tampered timestamp', () => {
    const good = encodeSyncTimestamp('a1b2c3', 25);
    for (const bad of ['abc', good.replace('.p', '.q'), `${good}x`, good.toUpperCase(), 1700000000000, {}, 'x'.repeat(500)]) {
      expect(judgeSyncTimestamp(bad, state)).toEqual({ kind: 'full', reason: 'garbled' });
    }
    expect(judgeSyncTimestamp(good.replace(/\.[^.]+$/, '.AAAAAAAA'), state)).toEqual({ kind: 'full', reason: 'garbled' });
  });

  it('detects a timestamp from another database or from a future revision', () => {
    expect(judgeSyncTimestamp(encodeSyncTimestamp('ffffff', 25), state)).toEqual({ kind: 'full', reason: 'foreign' });
    expect(judgeSyncTimestamp(encodeSyncTimestamp('a1b2c3', 41), state)).toEqual({ kind: 'full', reason: 'foreign' });
  });

  it('detects a timestamp older than the oldest kept tombstone', () => {
    expect(judgeSyncTimestamp(encodeSyncTimestamp('a1b2c3', 9), state)).toEqual({ kind: 'full', reason: 'stale' });
    expect(judgeSyncTimestamp(encodeSyncTimestamp('a1b2c3', 10), state)).toEqual({ kind: 'incremental', since: 10 });
  });

  it('always encodes a truthy string, even at revision 0', () => {
    expect(encodeSyncTimestamp('a1b2c3', 0)).toBeTruthy();
  });
});

describe('sync-token/cursor', () => {
  it('round-trips full and changes cursors', () => {
    const full = { mode: 'full', snapshot: 40, afterId: 123456 } as const;
    const changes = { mode: 'changes', snapshot: 40, afterRev: 12, afterId: Number.MAX_SAFE_INTEGER } as const;
    expect(decodeCursor('a1b2c3', encodeCursor('a1b2c3', full))).toEqual(full);
    expect(decodeCursor('a1b2c3', encodeCursor('a1b2c3', changes))).toEqual(changes);
  });

  it('rejects a cursor from another database, a timestamp in its place and garbage', () => {
    const cursor = encodeCursor('a1b2c3', { mode: 'full', snapshot: 1, afterId: 2 });
    expect(decodeCursor('ffffff', cursor)).toBeNull();
    expect(decodeCursor('a1b2c3', encodeSyncTimestamp('a1b2c3', 1))).toBeNull();
    for (const bad of [1, 2, 'page-2', `${cursor}0`, null, cursor.replace('.f.', '.c.')]) expect(decodeCursor('a1b2c3', bad)).toBeNull();
  });
});
