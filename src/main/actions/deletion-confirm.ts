/**
 * The app's side of the deletion guard (contacts/import/deletion-guard.ts): when an import or a
 * sync held deletions back because they were too many, the user is asked, file by file, and a
 * yes re-imports that file (or re-syncs that CardDAV book) with deletions allowed. Held back because the file is damaged is
 * never asked: a damaged file deletes nothing, whatever the answer would be.
 */
import type { MessageBoxOptions } from 'electron';
import type { ImportReport } from './import-runner';
import type { FileOutcome } from './import-summary';
import type { ShowMessageBox } from './summary-dialog';
import { ok } from '../../shared/result';
import { isBookPath } from './carddav-outcomes';

export interface DeletionQuestion {
  path: string;
  count: number;
  /** "Delete 20,000 contacts that are no longer in Contacts.csv?" */
  message: string;
  detail: string;
}

const basename = (p: string): string => p.split(/[\\/]/).pop() ?? p;

/** The question to ask for a report, or null when nothing waits for a yes. */
export function deletionQuestion(report: ImportReport): DeletionQuestion | null {
  const held = report.heldBack;
  if (!held || held.reason !== 'too-many') return null;
  const n = held.count.toLocaleString('en-US');
  const contacts = held.count === 1 ? 'contact' : 'contacts';
  const are = held.count === 1 ? 'is' : 'are';
  if (isBookPath(report.path)) {
    return {
      path: report.path,
      count: held.count,
      message: `Delete ${n} ${contacts} that ${are} no longer on the server?`,
      detail:
        `The address book ${report.path.slice('carddav:'.length)} no longer holds ${n} of its ${contacts}. If the book was ` +
        'emptied or replaced by mistake, keep them: they stay in the address book, and the next sync asks again.',
    };
  }
  return {
    path: report.path,
    count: held.count,
    message: `Delete ${n} ${contacts} that ${are} no longer in ${basename(report.path)}?`,
    detail:
      `${report.path} no longer holds ${n} of the ${contacts} imported from it. If the file was emptied, ` +
      'replaced or exported only in part, keep them: they stay in the address book, and the next sync asks again.',
  };
}

/**
 * Asks about every outcome whose deletions wait for a yes and re-imports the confirmed files
 * with deletions allowed; returns the outcomes with those files' new results in their place.
 */
export async function confirmHeldDeletions(
  outcomes: readonly FileOutcome[],
  ask: (question: DeletionQuestion) => Promise<boolean>,
  reimport: (path: string) => Promise<FileOutcome['result']>,
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const outcome of outcomes) {
    const question = outcome.result.ok ? deletionQuestion(outcome.result.value) : null;
    if (!question || !(await ask(question))) {
      out.push(outcome);
      continue;
    }
    const again = await reimport(question.path);
    // The import that asked stays reported when the re-import fails (it changed nothing).
    out.push(again.ok ? { path: outcome.path, result: ok(again.value) } : { path: outcome.path, result: again });
  }
  return out;
}

/** The dialog: "Keep them" is the default and what Escape picks. */
export async function askDeletionDialog(showMessageBox: ShowMessageBox, question: DeletionQuestion): Promise<boolean> {
  const options: MessageBoxOptions = {
    type: 'warning',
    title: 'Delete contacts?',
    message: question.message,
    detail: question.detail,
    buttons: ['Keep them', `Delete ${question.count.toLocaleString('en-US')}`],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = await showMessageBox(options);
  return response === 1;
}
