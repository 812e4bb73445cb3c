/**
 * vCards pasted into a CSV file between its rows (`BEGIN:VCARD` alone on a line, up to
 * `END:VCARD`): the lines of each card are collected from csv-parse's raw record text and read by
 * the vCard reader, so their contacts are imported and the report says the file mixes the two.
 * A vCard inside a cell is a value of that column, not a record; the report names the column.
 */
import type { ImportEvent } from '../events';
import { createVcardReader } from '../vcard/reader';

const BEGIN = /^\s*BEGIN:VCARD\s*$/i;
const END = /^\s*END:VCARD/i;
/** A card never closed is read (and reported cut off) after this many lines: memory stays bounded. */
const MAX_CARD_LINES = 10_000;

export interface EmbeddedVcards {
  /** True when the record belongs to a vCard between the rows (and was consumed). */
  take(record: readonly string[], raw: string, line: number, events: ImportEvent[]): boolean;
  /** `headers` name the columns whose cells hold vCard text. */
  end(events: ImportEvent[], headers: readonly string[]): void;
}

export function createEmbeddedVcards(): EmbeddedVcards {
  let card: { line: number; lines: string[] } | null = null;
  let cards = 0;
  let firstLine = 0;
  const cellColumns = new Set<number>();
  let cellFirstLine = 0;

  const read = (open: { line: number; lines: string[] }, events: ImportEvent[]): void => {
    const reader = createVcardReader({ fallbackCharset: 'utf8' });
    const text = `${open.lines.join('\r\n')}\r\n`;
    for (const e of [...reader.write(Buffer.from(text, 'utf8')), ...reader.end()]) {
      if (e.kind === 'contact') events.push({ ...e, contact: { ...e.contact, line: e.contact.line + open.line - 1 } });
      else if (e.kind === 'skip') events.push({ ...e, line: e.line + open.line - 1 });
      else if (e.kind === 'notice') events.push(e); // properties no field keeps are named, as in a vCard file
    }
  };

  return {
    take(record, raw, line, events) {
      const first = record[0] ?? '';
      // Checked only for the rare record that starts like a card line (the hot path allocates nothing).
      const alone = (): boolean => record.every((c, i) => i === 0 || c.trim() === '');
      if (card) {
        card.lines.push(raw.replace(/^[\r\n]+|[\r\n]+$/g, ''));
        if ((END.test(first) && alone()) || card.lines.length > MAX_CARD_LINES) {
          read(card, events);
          card = null;
        }
        return true;
      }
      if (BEGIN.test(first) && alone()) {
        cards += 1;
        firstLine ||= line;
        card = { line, lines: [raw.replace(/^[\r\n]+|[\r\n]+$/g, '')] };
        return true;
      }
      if (/BEGIN:VCARD/i.test(raw)) {
        record.forEach((cell, i) => {
          if (/BEGIN:VCARD/i.test(cell)) cellColumns.add(i);
        });
        cellFirstLine ||= line;
      }
      return false;
    },
    end(events, headers) {
      if (card) read(card, events);
      card = null;
      if (cards) {
        events.push({ kind: 'notice', message: `the CSV file also holds ${cards} ${cards === 1 ? 'vCard' : 'vCards'} between its rows (first at line ${firstLine}); they were read as vCards` });
      }
      if (cellColumns.size) {
        const which = [...cellColumns].map((i) => headers[i]?.trim() || `column ${i + 1}`).join(', ');
        events.push({ kind: 'notice', message: `cells of ${which} hold vCard text (first at line ${cellFirstLine}); it was not read as contacts` });
      }
    },
  };
}
