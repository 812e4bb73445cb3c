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

/** What the importer gets from any reader: records, and what a CSV reader says of the file as a whole. */
export type ImportEvent =
  | ReadEvent
  /** Something about the file the report must say (a CSV that also holds vCards). */
  | { kind: 'notice'; message: string }
  /** CSV, at the end: columns no rule maps, and those whose values were read by their content. */
  | { kind: 'columns'; ignored: string[]; readByContent: ColumnReadByContent[] };

/** A column no header rule maps whose cells were imported because they plainly are numbers or emails. */
export interface ColumnReadByContent {
  column: string;
  numbers: number;
  emails: number;
}

/** A streaming reader fed decoded text chunk by chunk; `end()` flushes what is buffered. */
export interface TextRecordReader {
  write(text: string): ImportEvent[];
  end(): ImportEvent[];
}
