/**
 * When an import may turn the contacts a file no longer holds into tombstones. A file is the
 * whole truth about its source only when it was read whole: a cut-off card or a quote never
 * closed swallows the records after it, so a damaged read never deletes anything. And even a
 * clean read that would delete a large share of a source at once is far more often the wrong
 * file, a partial or filtered export, or a file emptied by accident than a person deleting
 * contacts, so it waits for an explicit yes (`--allow-deletions`, or the app's dialog).
 *
 * The threshold is Android's: its sync adapters flag `tooManyDeletions` when one sync deletes
 * more than 5 items AND more than 20 % of them (TempProviderSyncAdapter's
 * NUM_ALLOWED_SIMULTANEOUS_DELETIONS / PERCENT_ALLOWED_SIMULTANEOUS_DELETIONS), and asks the
 * user before applying. The absolute floor lets someone prune a handful of contacts from a
 * small file without being asked; the share catches a file that lost a fifth of its contacts.
 */

/** Deletions up to this many never need confirmation. */
export const QUIET_DELETIONS = 5;
/** Above QUIET_DELETIONS, deleting more than this share of a source's contacts needs confirmation. */
export const QUIET_DELETION_SHARE = 0.2;

export interface HeldBack {
  /** Contacts no longer in the file that were kept. */
  count: number;
  /** `damaged`: the read had structural errors; `too-many`: needs an explicit yes. */
  reason: 'damaged' | 'too-many';
  /** One line saying what was kept and why. */
  message: string;
}

/** True when deleting `count` of a source's `existing` contacts needs confirmation. */
export function tooManyDeletions(count: number, existing: number): boolean {
  return count > QUIET_DELETIONS && count > existing * QUIET_DELETION_SHARE;
}

const contacts = (n: number): string => `${n.toLocaleString('en-US')} contact${n === 1 ? '' : 's'}`;

/**
 * Decides, for `count` unseen contacts of `existing`, whether they may go; returns null when
 * they may, or what to report when they are held back. `where` names the source's side in the
 * message ("in the file", the default; "on the server" for a CardDAV book).
 */
export function judgeDeletions(
  pending: { count: number; existing: number },
  read: { damage: { line: number; reason: string } | null; allowDeletions: boolean; where?: string },
): HeldBack | null {
  if (pending.count === 0) return null;
  if (read.damage) {
    return {
      count: pending.count,
      reason: 'damaged',
      message: `deletions held back: the file is damaged (line ${read.damage.line}: ${read.damage.reason}), so the ${contacts(pending.count)} not read from it were kept`,
    };
  }
  if (!read.allowDeletions && tooManyDeletions(pending.count, pending.existing)) {
    return {
      count: pending.count,
      reason: 'too-many',
      message: `deletions held back: ${contacts(pending.count)} of ${pending.existing.toLocaleString('en-US')} are no longer ${read.where ?? 'in the file'}; deleting that many needs confirmation`,
    };
  }
  return null;
}
