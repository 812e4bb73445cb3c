/**
 * Unfolding and quoted-printable soft breaks are linear in the input. Measured as work, not
 * time: every `String.prototype.slice` call is charged the length of the string it is called
 * on (a slice of a V8 rope flattens all of it first; removing each soft break's `=` with
 * `text.slice(0, -1)` made 80,000 breaks take 19 s). Doubling the input must about double the
 * work, and the work stays within a small multiple of the bytes read.
 */
import { describe, expect, it } from 'vitest';
import { createVcardReader } from '../../../../../src/main/contacts/import/vcard/reader';

function sliceWork(run: () => void): number {
  const original = String.prototype.slice;
  let work = 0;
  String.prototype.slice = function slice(this: string, start?: number, end?: number): string {
    work += this.length;
    return original.call(this, start, end);
  };
  try {
    run();
  } finally {
    String.prototype.slice = original;
  }
  return work;
}

const read = (text: string) => {
  const reader = createVcardReader({ fallbackCharset: 'utf8' });
  return [...reader.write(Buffer.from(text, 'latin1')), ...reader.end()];
};

const qpCard = (breaks: number): string =>
  `BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Soft Breaks\r\nNOTE;ENCODING=QUOTED-PRINTABLE:${'=41=42=43=\r\n'.repeat(breaks)}end\r\nEND:VCARD\r\n`;
const foldedCard = (folds: number): string => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Folds\r\nNOTE:${'abcdefgh\r\n '.repeat(folds)}end\r\nEND:VCARD\r\n`;

describe('vcard reader work is linear', () => {
  it.each([
    ['quoted-printable soft breaks', qpCard, 'ABC'],
    ['folded lines', foldedCard, 'abcdefgh'],
  ])('%s', (_what, make, unit) => {
    const n = 5_000;
    let events: ReturnType<typeof read> = [];
    const once = sliceWork(() => (events = read(make(n))));
    const twice = sliceWork(() => read(make(2 * n)));
    const contact = events.find((e) => e.kind === 'contact');
    expect(contact?.kind === 'contact' && contact.contact.note).toBe(`${unit.repeat(n)}end`);
    expect(twice / once).toBeLessThan(2.5);
    expect(once).toBeLessThan(20 * make(n).length);
  });
});
