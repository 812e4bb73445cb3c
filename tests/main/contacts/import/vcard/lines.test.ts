import { describe, expect, it } from 'vitest';
import { LogicalLineReader, type LogicalLine } from '../../../../../src/main/contacts/import/vcard/lines';
import { PhysicalLineSplitter, type PhysicalLine } from '../../../../../src/main/contacts/import/vcard/physical-lines';

const opts = { maxLineBytes: 1024, headBytes: 16 };

function physical(input: Buffer | string, chunk = Infinity): PhysicalLine[] {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input, 'latin1');
  const out: PhysicalLine[] = [];
  const s = new PhysicalLineSplitter(opts);
  for (let i = 0; i < bytes.length; i += chunk === Infinity ? bytes.length : chunk) {
    s.push(bytes.subarray(i, chunk === Infinity ? bytes.length : i + chunk), (l) => out.push(l));
  }
  s.end((l) => out.push(l));
  return out;
}

function logical(input: Buffer | string, options = opts): LogicalLine[] {
  const r = new LogicalLineReader(options);
  return [...r.push(Buffer.isBuffer(input) ? input : Buffer.from(input, 'latin1')), ...r.end()];
}
const texts = (lines: Array<{ text: string }>): string[] => lines.map((l) => Buffer.from(l.text, 'latin1').toString('utf8'));

describe('physical-lines/PhysicalLineSplitter', () => {
  it('splits on CRLF, LF, bare CR and CR CR LF, counting CR CR LF as one line end', () => {
    const lines = physical('a\r\nb\nc\rd\r\r\ne');
    expect(texts(lines)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps empty lines, including one ended by a lone CR after a CR', () => {
    expect(texts(physical('a\r\n\r\nb\r\rc'))).toEqual(['a', '', 'b', '', 'c']);
  });

  it('gives the same lines whatever the chunk size, even mid-CRLF', () => {
    const input = 'BEGIN\r\r\nx\r\ny\rz\n\r\nend';
    const whole = texts(physical(input));
    for (let chunk = 1; chunk <= input.length; chunk++) expect(texts(physical(input, chunk))).toEqual(whole);
  });

  it('keeps only the head of a line over the cap and flags it', () => {
    const lines = physical(`X:${'a'.repeat(5000)}\nNEXT:1`, 100);
    expect(lines[0]?.truncated).toBe(true);
    expect(lines[0]?.text.length).toBe(16);
    expect(texts(lines.slice(1))).toEqual(['NEXT:1']);
    expect(lines[1]?.truncated).toBe(false);
  });
});

describe('lines/LogicalLineReader', () => {
  it('unfolds space and tab continuations, removing one whitespace character', () => {
    expect(texts(logical('NOTE:ab\r\n cd\r\n\tef\r\n  gh\r\nFN:x\r\n'))).toEqual(['NOTE:abcdef gh', 'FN:x']);
  });

  it('rejoins a UTF-8 sequence split by a fold before anything is decoded', () => {
    const bytes = Buffer.concat([Buffer.from('FN:Zo'), Buffer.from([0xc3]), Buffer.from('\r\n '), Buffer.from([0xab]), Buffer.from('\r\n')]);
    expect(texts(logical(bytes))).toEqual(['FN:Zoë']);
  });

  it('joins quoted-printable soft line breaks, also across an empty line and a # line', () => {
    expect(texts(logical('NOTE;ENCODING=QUOTED-PRINTABLE:a=3D=\r\nb=\r\n\r\nFN:x\r\n'))).toEqual(['NOTE;ENCODING=QUOTED-PRINTABLE:a=3Db', 'FN:x']);
    expect(texts(logical('NOTE;QUOTED-PRINTABLE:sharp ->=\r\n#<- sharp\r\n'))).toEqual(['NOTE;QUOTED-PRINTABLE:sharp ->#<- sharp']);
  });

  it('does not let a dangling soft break swallow END:VCARD', () => {
    expect(texts(logical('NOTE;QUOTED-PRINTABLE:broken=\r\nEND:VCARD\r\n'))).toEqual(['NOTE;QUOTED-PRINTABLE:broken=', 'END:VCARD']);
  });

  it('drops # comment lines and ends a line at an empty line', () => {
    expect(texts(logical('FN:a\r\n# comment\r\n\r\n second\r\nTEL:1\r\n'))).toEqual(['FN:a', 'TEL:1']);
  });

  it('joins an unindented line without a colon to the previous value with a newline', () => {
    expect(texts(logical('LABEL;TYPE=HOME:Klippe 58\n21255 Bad Vilbel\nTEL:1\n'))).toEqual(['LABEL;TYPE=HOME:Klippe 58\n21255 Bad Vilbel', 'TEL:1']);
  });

  it('joins unindented base64 lines without a separator', () => {
    expect(texts(logical('PHOTO;ENCODING=BASE64:\r\nAAAA\r\nBBBB\r\n\r\nFN:x\r\n'))).toEqual(['PHOTO;ENCODING=BASE64:AAAABBBB', 'FN:x']);
  });

  it('treats a bare known name and a name with parameters as new properties, not continuations', () => {
    expect(texts(logical('X-EVOLUTION-FILE-AS:Ximian\nFN\nN:\n'))).toEqual(['X-EVOLUTION-FILE-AS:Ximian', 'FN', 'N:']);
    expect(texts(logical('TEL:1\r\nADR;LABEL="a"\r\n :;;street\r\n'))).toEqual(['TEL:1', 'ADR;LABEL="a":;;street']);
  });

  it('never continues BEGIN or END lines, so garbage cannot keep a card open', () => {
    expect(texts(logical('END:VCARD\r\nsome garbage\r\n'))).toEqual(['END:VCARD', 'some garbage']);
  });

  it('numbers each logical line by the physical line it starts on', () => {
    expect(logical('A:1\r\n b\r\nC:2\r\n\r\nD:3').map((l) => l.line)).toEqual([1, 3, 5]);
  });

  it('caps a logical line grown by folds and flags it truncated', () => {
    const folds = Array.from({ length: 40 }, () => ' ' + 'x'.repeat(60)).join('\r\n');
    const [line] = logical(`NOTE:start\r\n${folds}\r\n`, { maxLineBytes: 1000, headBytes: 16 });
    expect(line?.truncated).toBe(true);
    expect(line?.text.length).toBeLessThanOrEqual(16);
  });
});
