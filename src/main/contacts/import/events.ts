/**
 * What every address-book reader (vCard, CSV) yields, one event per record: a parsed contact,
 * or a record that could not be read at all, with the line it started on and why.
 */
import type { ParsedContact } from '../model';

export type ReadEvent =
  | { kind: 'contact'; contact: ParsedContact }
  | { kind: 'skip'; line: number; reason: string };

/** A streaming reader fed decoded text chunk by chunk; `end()` flushes what is buffered. */
export interface TextRecordReader {
  write(text: string): ReadEvent[];
  end(): ReadEvent[];
}
