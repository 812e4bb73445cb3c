/**
 * Counts how often each source key has occurred in the file being imported, so repeats can get
 * `#2`, `#3`... For a million contacts a `Map<string, number>` holds a million strings (~70 MB of
 * heap); this keeps a 53-bit hash of each key in an open-addressing Float64Array instead (~16 MB),
 * with exact counts only for the few keys seen twice. Two different keys share a hash with
 * probability ~n²/2⁵⁴ (about 1 in 18,000 for a million keys); the effect would be a `#2` suffix,
 * the same on every import of the file.
 */

/** Two FNV-1a passes with different offsets give 21 + 32 bits; never 0 (0 marks an empty slot). */
function hash53(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return ((a >>> 11) * 4294967296 + (b >>> 0)) || 1;
}

export class KeyCounter {
  private table = new Float64Array(1 << 12);
  private size = 0;
  private readonly repeats = new Map<number, number>();

  /** Records one more occurrence of `key` and returns how many there have been (1 the first time). */
  next(key: string): number {
    const h = hash53(key);
    const mask = this.table.length - 1;
    let slot = h % this.table.length;
    for (;;) {
      const v = this.table[slot];
      if (v === 0) break;
      if (v === h) {
        const n = (this.repeats.get(h) ?? 1) + 1;
        this.repeats.set(h, n);
        return n;
      }
      slot = (slot + 1) & mask;
    }
    this.table[slot] = h;
    this.size += 1;
    if (this.size * 2 > this.table.length) this.grow();
    return 1;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    const mask = this.table.length - 1;
    for (const h of old) {
      if (h === 0) continue;
      let slot = h % this.table.length;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = h;
    }
  }
}
