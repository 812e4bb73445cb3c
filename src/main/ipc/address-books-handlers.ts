/** IPC handlers of the Address books window: each a line over actions/address-books.ts. */
import type { AddressBooks } from '../actions/address-books';
import { ok } from '../../shared/result';
import type { IpcGate } from './handle';

export function registerAddressBooksHandlers({ gate, books }: { gate: IpcGate; books: AddressBooks }): void {
  gate.handle('addressBooksList', () => ok(books.list()));
  gate.handle('addressBooksSync', (id) => books.sync(id));
  gate.handle('addressBooksRemove', (id) => books.remove(id));
  gate.handle('addressBooksReveal', (id) => books.reveal(id));
  gate.handle('addressBooksLocate', (id) => books.locate(id));
  gate.handle('addressBooksSetWatching', ({ id, watching }) => books.setWatching(id, watching));
  gate.handle('addressBooksImport', () => books.importFiles());
  gate.handle('addressBooksRegions', () => ok(books.regions()));
  gate.handle('addressBooksSetRegion', ({ id, region }) => books.setRegion(id, region));
  gate.handle('addressBooksDiscover', (login) => books.discover(login));
  gate.handle('addressBooksAddCardDav', (input) => books.addCardDav(input));
}
