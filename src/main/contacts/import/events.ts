/**
 * What every address-book reader (vCard, CSV) yields, one event per record: a parsed contact,
 * or a record that could not be read at all, with the line it started on and why.
 */
import type { ParsedContact } from '../model';

export type ReadEvent =
  | {
      kind: 'contact';
      contact: ParsedContact;
      /** What the per-record caps (caps.ts) cut or dropped while reading it, for the report. */
      trimmed?: string[];
    }
  | {
      kind: 'skip';
      line: number;
      reason: string;
      /**
       * The file's structure is broken here (a card cut off, a quote never closed), not just one
       * unusable record: what the file says is missing cannot be trusted, so the import must not
       * delete on its word (importer.ts holds deletions back).
       */
      damaged?: true;
    };

/** A streaming reader fed decoded text chunk by chunk; `end()` flushes what is buffered. */
export interface TextRecordReader {
  write(text: string): ReadEvent[];
  end(): ReadEvent[];
}
