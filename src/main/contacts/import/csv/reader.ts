/**
 * Streaming CSV address-book reader on top of csv-parse. Text comes in chunk by chunk (already
 * decoded); the header line picks the delimiter (comma, semicolon or tab) and the column roles,
 * then every row becomes a `ParsedContact` as soon as csv-parse completes it, so memory stays
 * bounded by one record however large the file is.
 */
import { Parser, type Options } from 'csv-parse';
import type { ImportEvent, TextRecordReader } from '../events';
import { mapHeader, type ColumnMap } from './headers';
import { createColumnTally, rowToContact, type ColumnTally } from './row';
import { createEmbeddedVcards } from './embedded-vcards';

/** A header line longer than this is not a header: the file is not a CSV address book. */
const MAX_HEADER_CHARS = 64 * 1024;
/** One record (a row, with quoted newlines) larger than this is broken, not a contact. */
const MAX_RECORD_BYTES = 1024 * 1024;

/** Records before the header row that may be notes (LinkedIn); more, and the file has no header. */
const MAX_PREAMBLE_RECORDS = 5;
const NO_HEADER = 'no recognisable CSV header (expected columns such as Name, Phone, E-mail)';

export class CsvHeaderError extends Error {
  override readonly name = 'CsvHeaderError';
}

/** Line breaks as a person counts them (csv-parse's `info.lines` counts a quoted CRLF twice). */
const countBreaks = (s: string): number => s.match(/\r\n|\r|\n/g)?.length ?? 0;
/**
 * csv-parse's `Parser` is a Node Transform stream whose events fire asynchronously, but the
 * importer must consume records synchronously inside one SQLite transaction. The stream's own
 * incremental engine (`parser.api.parse(chunk, isLast, push, close)`, what `_transform` calls)
 * is synchronous, so we drive it directly; it is untyped, hence this narrow interface.
 */
interface CsvEngine {
  parse(
    chunk: Buffer | undefined,
    end: boolean,
    push: (r: { record: string[]; raw: string }) => void,
    close: () => void,
  ): Error | undefined;
}

/** Counts each candidate outside double quotes; the most frequent wins, comma on a tie. */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/**
 * Creates a reader. Throws `CsvHeaderError` (from `write` or `end`) when the first line is not
 * a header with at least one recognisable column; rows that cannot be used become skips.
 */
export function createCsvReader(): TextRecordReader {
  let head = '';
  let engine: CsvEngine | null = null;
  let columns: ColumnMap | null = null;
  let tally: ColumnTally | null = null;
  let preamble = 0;
  let nextLine = 1;
  let events: ImportEvent[] = [];
  const vcards = createEmbeddedVcards();

  // `raw` holds the skipped empty lines before the record, the record, and the first character
  // of its line break, so counting breaks in it tracks the line each record starts on.
  const onRecord = ({ record, raw }: { record: string[]; raw: string }): void => {
    const line = nextLine + countBreaks(/^[\r\n]*/.exec(raw)?.[0] ?? '');
    nextLine += countBreaks(raw);
    if (!columns) {
      columns = mapHeader(record);
      if (!columns) {
        // LinkedIn's export opens with a few lines of notes before its header row.
        preamble += 1;
        if (preamble > MAX_PREAMBLE_RECORDS) throw new CsvHeaderError(NO_HEADER);
        return;
      }
      tally = createColumnTally(record);
      if (preamble) {
        const what = preamble === 1 ? 'the record before the header row was' : `the ${preamble} records before the header row were`;
        events.push({ kind: 'notice', message: `${what} not read (notes, not contacts; the header is on line ${line})` });
      }
      return;
    }
    // vCards pasted between the rows are read as vCards, not as rows of one column.
    if (vcards.take(record, raw, line, events)) return;
    if (record.every((f) => f.trim() === '')) return;
    if (record.length > columns.length) noteBeyondHeader(record, columns.length);
    events.push({ kind: 'contact', contact: rowToContact(record, columns, line, tally!) });
  };

  /** Cells past the header's last column have no name: counted, so the report can say so. */
  let beyondHeader = 0;
  const noteBeyondHeader = (record: string[], width: number): void => {
    for (let i = width; i < record.length; i += 1) if (record[i]!.trim() !== '') beyondHeader += 1;
  };

  const finish = (): ImportEvent[] => {
    const out: ImportEvent[] = [];
    vcards.end(out, tally?.headers ?? []);
    if (!tally || !columns) return out;
    const ignored: string[] = [];
    const readByContent: Array<{ column: string; numbers: number; emails: number }> = [];
    columns.forEach((role, i) => {
      if (role !== null || tally!.held[i] === 0) return;
      const name = tally!.headers[i]!.trim() || `column ${i + 1} (no header)`;
      const numbers = tally!.numbers[i]!;
      const emails = tally!.emails[i]!;
      if (numbers + emails > 0) readByContent.push({ column: name, numbers, emails });
      if (tally!.held[i]! > numbers + emails) ignored.push(name);
    });
    if (beyondHeader > 0) ignored.push(`${beyondHeader} ${beyondHeader === 1 ? 'cell' : 'cells'} beyond the header's last column`);
    out.push({ kind: 'columns', ignored, readByContent });
    return out;
  };

  const start = (delimiter: string): CsvEngine => {
    const options: Options = {
      delimiter,
      raw: true,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_BYTES,
      on_skip: (err) => {
        events.push({ kind: 'skip', line: nextLine, reason: `unreadable CSV row: ${err?.message ?? 'parse error'}`, damaged: true });
      },
    };
    return (new Parser(options) as unknown as { api: CsvEngine }).api;
  };

  const feed = (text: string | undefined, end: boolean): ImportEvent[] => {
    if (!engine) {
      head += text ?? '';
      const newline = head.search(/[\r\n]/);
      if (newline < 0 && !end) {
        if (head.length > MAX_HEADER_CHARS) throw new CsvHeaderError('no recognisable CSV header (first line too long)');
        return [];
      }
      if (head.replace(/^\uFEFF/, '').trim() === '') throw new CsvHeaderError('empty file: no CSV header');
      engine = start(detectDelimiter(newline < 0 ? head : head.slice(0, newline)));
      text = head;
      head = '';
    }
    const err = engine.parse(text === undefined ? undefined : Buffer.from(text, 'utf8'), end, onRecord, () => {});
    if (err) throw err instanceof CsvHeaderError ? err : new CsvHeaderError(`unreadable CSV: ${err.message}`);
    if (end && !columns) throw new CsvHeaderError(NO_HEADER);
    const out = events;
    events = [];
    if (end) out.push(...finish());
    return out;
  };

  return { write: (text) => feed(text, false), end: () => feed(undefined, true) };
}
