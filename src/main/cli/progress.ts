/**
 * The progress line of long imports and syncs: one line on stderr, redrawn in place (`\r` and
 * erase-to-end-of-line), only when stderr is a terminal. Piped or redirected, nothing is
 * written, so logs and scripts see the report alone.
 */
import { basename } from 'node:path';
import type { Writer } from './context';
import { cellWidth, truncateCells } from './format';

export interface Progress {
  /** A file's import advanced to `bytesRead` of `totalBytes`. */
  file(path: string, bytesRead: number, totalBytes: number): void;
  /** A CardDAV book's first sync fetched `fetched` of `total` cards. */
  book(path: string, fetched: number, total: number): void;
  /** Erases the line (before a report or an error is written, and at the end). */
  clear(): void;
}

/** Redraws at most this often: a terminal repainting every 64 KB chunk would slow the import. */
const REDRAW_MS = 100;

const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(1);

export function createProgress(stderr: Writer, now: () => number = Date.now): Progress {
  if (!stderr.isTTY) return { file: () => {}, book: () => {}, clear: () => {} };
  let shown = false;
  let last = -Infinity;
  let lastText = '';
  /** `doing name: figures`, the name shortened in its middle so the figures always show. */
  const draw = (doing: string, name: string, figures: string, final: boolean): void => {
    const t = now();
    if (!final && t - last < REDRAW_MS) return;
    // One cell short of the width: a line that fills the terminal wraps, and `\r` then
    // returns to the wrapped part only. A terminal that reports no size counts as 80.
    const width = (stderr.columns || 80) - 1;
    const line = `${doing} ${truncateCells(name, Math.max(8, width - cellWidth(doing) - cellWidth(figures) - 3))}: ${figures}`;
    if (line === lastText) return;
    stderr.write(`\r${line}\x1b[K`);
    shown = true;
    last = t;
    lastText = line;
  };
  return {
    file(path, bytesRead, totalBytes) {
      const percent = totalBytes > 0 ? Math.floor((100 * bytesRead) / totalBytes) : 100;
      draw('importing', basename(path), `${percent}% (${megabytes(bytesRead)} of ${megabytes(totalBytes)} MB)`, bytesRead >= totalBytes);
    },
    book(path, fetched, total) {
      draw('syncing', path, `${fetched.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} cards`, fetched >= total);
    },
    clear() {
      if (!shown) return;
      stderr.write('\r\x1b[K');
      shown = false;
      lastText = '';
      last = -Infinity;
    },
  };
}
