/**
 * A source file's fingerprint, `size:mtimeMs:sha256`: size and mtime let sync skip untouched
 * files for free, the hash tells a touched-but-identical file from a changed one.
 *
 * The hash is a separate read before the import pass (the page cache serves the second read):
 * the store takes the fingerprint with the source info before `fill` runs, so it cannot come
 * from the import pass itself. The importer re-checks size and mtime after its pass, so a file
 * that changed in between is refused rather than recorded under a stale fingerprint.
 */
import { createHash } from 'node:crypto';
import { readSync, type Stats } from 'node:fs';

/**
 * sha256 of an open regular file, read in 1 MB chunks, of at most `size` bytes (its stat'ed
 * size): a file that keeps growing is not hashed forever, and the size:mtime re-check after
 * the import notices that it changed.
 */
export function sha256OfFd(fd: number, size: number): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(Math.min(1 << 20, Math.max(1, size)));
  let position = 0;
  while (position < size) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
    if (n === 0) break;
    hash.update(buffer.subarray(0, n));
    position += n;
  }
  return hash.digest('hex');
}

/** The size:mtime part, compared by sync before hashing. */
export const statPart = (stat: Pick<Stats, 'size' | 'mtimeMs'>): string => `${stat.size}:${Math.trunc(stat.mtimeMs)}`;

export const formatFingerprint = (stat: Pick<Stats, 'size' | 'mtimeMs'>, sha256: string): string => `${statPart(stat)}:${sha256}`;
