/**
 * Bytes → physical lines, fed chunks split anywhere. Line ends seen in real exports: CRLF, LF,
 * a bare CR (old Mac), and CR CR LF (a CRLF file converted again by a DOS tool); CR CR LF is
 * one line end, so a quoted-printable soft break before it still joins the next line.
 *
 * Lines are "byte strings": each char is one byte (latin1), so unfolding happens before any
 * decoding (folds split UTF-8 sequences, and vCard 2.1 declares charsets per property), while
 * parsing works on cheap JS strings (a Buffer view per line costs an object and GC time).
 */

export interface PhysicalLine {
  /** The line's bytes as a latin1 string (one char per byte), without its line end. */
  text: string;
  /** 1-based line number in the file. */
  line: number;
  /** The line was longer than the cap: `text` holds only its first `headBytes`. */
  truncated: boolean;
}

export interface SplitterOptions {
  /** Lines longer than this keep only their head and are flagged `truncated`. */
  maxLineBytes: number;
  /** How much of a truncated line is kept (enough for its property name and parameters). */
  headBytes: number;
}

const CR = 0x0d;
const LF = 0x0a;

/** A streaming splitter: `push` and `end` call `emit` once per complete line. */
export class PhysicalLineSplitter {
  /** The unterminated line so far, in pieces (at most `maxLineBytes`, or its head once truncated). */
  private parts: string[] = [];
  private partsLength = 0;
  private truncated = false;
  /** CRs seen since the last line content ended (0, 1 or 2), waiting for a possible LF. */
  private pendingCr = 0;
  private nextLine = 1;

  constructor(private readonly options: SplitterOptions) {}

  push(chunk: Buffer, emit: (line: PhysicalLine) => void): void {
    let start = 0;
    let i = 0;
    let nextLf = -2;
    let nextCr = -2;
    while (i < chunk.length) {
      if (this.pendingCr > 0) {
        const c = chunk[i];
        if (c === LF) {
          this.pendingCr = 0;
        } else if (c === CR && this.pendingCr === 1) {
          this.pendingCr = 2;
        } else {
          // CR CR then something other than LF: the second CR ended an empty line.
          if (this.pendingCr === 2) emit(this.take(''));
          this.pendingCr = c === CR ? 2 : 0;
          if (c !== CR) {
            start = i;
            continue;
          }
        }
        i++;
        start = i;
        continue;
      }
      // Native scans for the next line end; each line becomes its own string, so nothing a
      // contact keeps (a slice of a value) pins the whole chunk in memory.
      if (nextLf !== -1 && nextLf < i) nextLf = chunk.indexOf(LF, i);
      if (nextCr !== -1 && nextCr < i) nextCr = chunk.indexOf(CR, i);
      const end = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
      if (end < 0) break;
      emit(this.take(chunk.toString('latin1', start, end)));
      if (chunk[end] === CR) this.pendingCr = 1;
      i = end + 1;
      start = i;
    }
    if (start < chunk.length && this.pendingCr === 0) this.keep(chunk.toString('latin1', start, Math.min(chunk.length, start + this.options.maxLineBytes + 1)));
  }

  end(emit: (line: PhysicalLine) => void): void {
    if (this.pendingCr === 2) emit(this.take(''));
    this.pendingCr = 0;
    if (this.partsLength > 0 || this.truncated) emit(this.take(''));
  }

  /** Adds to the unterminated line, keeping only the head of an over-long one. */
  private keep(part: string): void {
    if (this.truncated) return;
    if (this.partsLength + part.length > this.options.maxLineBytes) {
      const head = (this.parts.join('') + part.slice(0, this.options.headBytes)).slice(0, this.options.headBytes);
      this.parts = [flat(head)];
      this.partsLength = head.length;
      this.truncated = true;
      return;
    }
    this.parts.push(part);
    this.partsLength += part.length;
  }

  private take(last: string): PhysicalLine {
    if (this.partsLength === 0 && !this.truncated && last.length <= this.options.maxLineBytes) {
      return { text: last, line: this.nextLine++, truncated: false };
    }
    this.keep(last);
    const line: PhysicalLine = { text: this.parts.join(''), line: this.nextLine++, truncated: this.truncated };
    this.parts = [];
    this.partsLength = 0;
    this.truncated = false;
    return line;
  }
}

/** A copy of `s` that does not keep its parent string alive (V8 slices and ropes do). */
export function flat(s: string): string {
  return s.length === 0 ? '' : Buffer.from(s, 'latin1').toString('latin1');
}
