/**
 * A CardDAV book's sync as the summary dialog shows a file's: its cards are vCards, and a
 * skipped card is named by its href (the line is the card's own; every card starts at 1).
 * Its path is the source's `carddav:user@host/book/`, which is how a confirmed deletion finds
 * its way back to a sync of that book (isBookPath).
 */
import { ok } from '../../shared/result';
import type { BookSyncReport } from '../contacts/carddav';
import type { FileOutcome } from './import-summary';

export function bookOutcome(r: BookSyncReport): FileOutcome {
  return {
    path: r.path,
    result: ok({
      path: r.path,
      format: 'vcard',
      added: r.added,
      updated: r.updated,
      unchanged: r.unchanged,
      deleted: r.deleted,
      skipped: r.skipped.map((s) => ({ line: 1, reason: `${s.href}: ${s.reason}` })),
      changedNumbers: r.changedNumbers,
      changedNumbersTotal: r.changedNumbersTotal,
      numbersKeptAsWritten: r.numbersKeptAsWritten,
      // The vCard properties no field keeps, named in the summary as a file's are.
      notices: r.notices,
      // The caps are about files; the deletion guard holds a book's deletions back as a file's.
      trimmed: [],
      heldBack: r.heldBack,
    }),
  };
}

/** A CardDAV book's source path (`carddav:…`), as opposed to a file's. */
export const isBookPath = (path: string): boolean => path.startsWith('carddav:');
