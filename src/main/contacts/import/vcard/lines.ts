/**
 * Physical lines → logical (content) lines, still as byte strings (see physical-lines.ts), so
 * a fold that splits a UTF-8 sequence rejoins before anything is decoded. Joins, in this order
 * of precedence:
 * - a vCard 2.1 QUOTED-PRINTABLE soft line break (`=` at the end of the line);
 * - a fold: the next line starts with a space or a tab (one whitespace character is removed);
 * - a line with no colon that does not start a property and is not a `#` comment: a writer
 *   forgot to fold (multi-line LABELs, bare CRs inside values, unindented base64), joined with
 *   a newline (nothing for base64).
 * Empty lines end the current line (they end vCard 2.1 base64 blocks); `#` lines are dropped.
 */
import { PhysicalLineSplitter, type PhysicalLine, type SplitterOptions } from './physical-lines';

export interface LogicalLine {
  /** The line's bytes as a latin1 string (one char per byte). */
  text: string;
  /** 1-based line number where the logical line starts. */
  line: number;
  /** Some physical line was over the cap; `text` holds only the head of the value. */
  truncated: boolean;
}

/** A bare property name such as Evolution's `FN` with no colon, optionally with a group. */
const BARE_NAME = /^(?:[A-Za-z0-9-]+\.)?([A-Za-z][A-Za-z0-9-]*)\s*$/;
const PARAMS_START = /^(?:[A-Za-z0-9-]+\.)?[A-Za-z][A-Za-z0-9-]*;/;
/** A soft break right before BEGIN/END is a broken value, not a reason to lose the card boundary. */
const DELIMITER_LINE = /^(?:BEGIN|END)\s*:\s*VCARD\s*$/i;
/** EF BB BF as a byte string. */
const UTF8_BOM = '\u00ef\u00bb\u00bf';
const KNOWN_BARE = new Set(['BEGIN', 'END', 'VERSION', 'FN', 'N', 'ORG', 'TITLE', 'NOTE', 'TEL', 'EMAIL', 'UID', 'PHOTO', 'ADR', 'LABEL', 'URL']);

/**
 * A line that opens a property although it has no colon of its own: a bare known name, or a
 * name followed by parameters whose colon comes on a folded line (`ADR;LABEL="..."` then ` :;;`).
 */
function startsProperty(text: string): boolean {
  if (PARAMS_START.test(text.slice(0, 80))) return true;
  if (text.length > 80) return false;
  const name = BARE_NAME.exec(text)?.[1]?.toUpperCase();
  return name !== undefined && (KNOWN_BARE.has(name) || name.startsWith('X-'));
}

/** Streaming bytes → logical lines, with a per-line cap (see `SplitterOptions`). */
export class LogicalLineReader {
  private readonly splitter: PhysicalLineSplitter;
  private readonly onPhysical = (p: PhysicalLine): void => this.physical(p);
  private out: LogicalLine[] = [];
  // The line being assembled, as fields rather than an object per line (this runs per line).
  private has = false;
  /** The text so far: concatenation makes V8 ropes, flattened once when the line is used. */
  private text = '';
  private line = 0;
  private truncated = false;
  private qp = false;
  private base64 = false;
  /** BEGIN and END lines never take continuation lines, or garbage would keep a card open. */
  private delimiter = false;
  /** The last physical line ended with `=` in a quoted-printable property. */
  private softBreak = false;

  constructor(private readonly options: SplitterOptions) {
    this.splitter = new PhysicalLineSplitter(options);
  }

  push(chunk: Buffer): LogicalLine[] {
    this.splitter.push(chunk, this.onPhysical);
    return this.drain();
  }

  end(): LogicalLine[] {
    this.splitter.end(this.onPhysical);
    this.flush();
    return this.drain();
  }

  private drain(): LogicalLine[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private physical(p: PhysicalLine): void {
    // A UTF-8 BOM (callers may pass the file's first chunk as is) is not part of the first line.
    const text = p.line === 1 && p.text.startsWith(UTF8_BOM) ? p.text.slice(UTF8_BOM.length) : p.text;
    if (this.has && this.softBreak && !DELIMITER_LINE.test(text)) {
      // The `=` was held back by `append`: the soft break simply disappears.
      this.softBreak = false;
      this.append(text, p.truncated);
      return;
    }
    const first = text.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      // A fold continues the current line; with nothing to continue it is an orphan, dropped.
      if (this.has && !this.delimiter) this.append(text.slice(1), p.truncated);
      return;
    }
    if (text.length === 0 && !p.truncated) {
      this.flush();
      return;
    }
    if (first === 0x23 /* # */) {
      this.flush();
      return;
    }
    if (this.has && !this.delimiter && !text.includes(':') && !startsProperty(text)) {
      if (!this.base64) this.append('\n', false);
      this.append(text, p.truncated);
      return;
    }
    this.flush();
    this.start(text, p);
    // Nothing continues a BEGIN/END line, so a card is complete as soon as its END arrives.
    if (this.delimiter) this.flush();
  }

  /** Opens a logical line, noting from its property head what may continue it. */
  private start(text: string, p: PhysicalLine): void {
    const colon = text.indexOf(':');
    const end = colon < 0 ? Math.min(text.length, 512) : Math.min(colon, 4096);
    const semi = text.indexOf(';');
    this.has = true;
    this.text = '';
    this.line = p.line;
    this.truncated = false;
    this.softBreak = false;
    if (semi < 0 || semi > end) {
      // No parameters (most lines): only BEGIN/END matter, and they are short.
      this.qp = false;
      this.base64 = false;
      this.delimiter = end <= 8 && /^\s*(?:BEGIN|END)\s*$/i.test(text.slice(0, end));
    } else {
      const head = text.slice(0, end).toUpperCase();
      const name = head.slice(0, semi).replace(/^[^.]*\./, '').trim();
      this.qp = head.includes('QUOTED-PRINTABLE');
      this.base64 = /[;=,]\s*(?:B|BASE64)\s*(?:[;,]|$)/.test(head);
      this.delimiter = name === 'BEGIN' || name === 'END';
    }
    this.append(text, p.truncated);
  }

  /**
   * Adds a physical line's text. A quoted-printable soft break's `=` is not appended but held
   * back (`softBreak`) until the next line shows whether it joins: removing it afterwards with
   * `text.slice(0, -1)` would flatten the whole line-so-far on every break, quadratic in the
   * number of breaks (80,000 breaks took 19 s).
   */
  private append(text: string, truncated: boolean): void {
    if (this.softBreak) this.appendText('=', false);
    this.softBreak = this.qp && !truncated && text.charCodeAt(text.length - 1) === 0x3d; /* = */
    this.appendText(this.softBreak ? text.slice(0, -1) : text, truncated);
  }

  private appendText(text: string, truncated: boolean): void {
    if (this.truncated) return;
    if (truncated || this.text.length + text.length > this.options.maxLineBytes) {
      this.text = (this.text + text.slice(0, this.options.headBytes)).slice(0, this.options.headBytes);
      this.truncated = true;
      return;
    }
    this.text += text;
  }

  private flush(): void {
    if (!this.has) return;
    // A soft break with nothing after it (before END, at the end of input) keeps its `=`.
    if (this.softBreak) this.appendText('=', false);
    this.softBreak = false;
    this.has = false;
    this.out.push({ text: this.text, line: this.line, truncated: this.truncated });
    this.text = '';
  }
}
