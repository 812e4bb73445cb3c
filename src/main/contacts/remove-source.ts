/**
 * Forgetting one source, the one rule for every caller (the CLI's `remove`, the Address books
 * window): its contacts become tombstones, which the widget drops at its next incremental sync,
 * and a file source's file is not touched. A CardDAV book goes through the CardDAV core, which
 * forgets the account and its stored password with the account's last book, so no password
 * outlives every use of it.
 */
import type { CardDav } from './carddav';
import type { ContactStore, SourceRow } from './store';

export interface RemovedSource {
  deleted: number;
  changedNumbers: string[];
  /** The source was its CardDAV account's last book: the account and its password are gone too. */
  accountForgotten: boolean;
}

export interface RemoveSourceDeps {
  store: Pick<ContactStore, 'removeSource'>;
  /** Asked for only when the source is a book: the CLI reaches the keychain only then. */
  carddav: () => Pick<CardDav, 'removeBook'> | Promise<Pick<CardDav, 'removeBook'>>;
}

/** Null when the source is no longer there; a book that cannot be removed throws a CardDavError. */
export async function removeSource(source: Pick<SourceRow, 'id' | 'kind'>, deps: RemoveSourceDeps): Promise<RemovedSource | null> {
  if (source.kind === 'carddav') return (await deps.carddav()).removeBook(source.id);
  const removed = deps.store.removeSource(source.id);
  return removed && { deleted: removed.deleted, changedNumbers: removed.changedNumbers, accountForgotten: false };
}
