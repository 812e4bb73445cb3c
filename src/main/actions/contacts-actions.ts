/**
 * Import and sync as the menus and the tray trigger them: run the importer, show progress on
 * the window's progress bar and in the status line, then tell the widget (sync + re-match of
 * the changed numbers) and show a summary. One operation at a time.
 */
import type { WidgetCommand } from '../../shared/api';
import { fail, ok } from '../../shared/result';
import { confirmHeldDeletions, type DeletionQuestion } from './deletion-confirm';
import type { ImportFileOptions, ImportReport, ImportRunner } from './import-runner';
import { bookOutcome, isBookPath } from './carddav-outcomes';
import { summarizeImport, type FileOutcome, type ImportSummary } from './import-summary';

export interface ContactsActionsDeps {
  runner: ImportRunner;
  /** The open dialog; resolves with the chosen paths (empty when cancelled). */
  chooseFiles: () => Promise<string[]>;
  /** `win.setProgressBar`: 0..1, or -1 to remove it. */
  setProgress: (fraction: number) => void;
  sendCommand: (command: WidgetCommand) => void;
  showSummary: (summary: ImportSummary) => Promise<void>;
  log: (message: string) => void;
  /**
   * The numbers the widget asked to match this session (widget-tracked-numbers.ts). Sent along
   * when a report's changed numbers were capped, so the widget still re-matches what it tracks.
   */
  trackedNumbers?: () => readonly string[];
  /**
   * Asks whether to delete the contacts a file no longer holds when they are too many to delete
   * unasked (deletion-confirm.ts); true re-imports the file with deletions allowed. Absent:
   * they are kept and the summary says so.
   */
  confirmDeletions?: (question: DeletionQuestion) => Promise<boolean>;
}

export interface ContactsActions {
  importContacts(): Promise<void>;
  /** `quiet` (the periodic sync): the status line only, never a summary dialog. */
  syncContacts(options?: { quiet?: boolean }): Promise<void>;
  /**
   * A sync started by a file change (the source watcher): a quiet sync whose status line names
   * what changed in which file. Asked while busy, it runs once the current operation ends.
   */
  syncChangedFiles(): Promise<void>;
  /**
   * Imports given paths without a dialog (used by importContacts, and for files opened with the
   * app); with `region`, their numbers are read in it (the Address books window's "change region").
   */
  importPaths(paths: string[], options?: ImportFileOptions): Promise<void>;
  /** Syncs these CardDAV books (by source path), with the summary and the deletion dialog of a sync. */
  syncBooks(paths: string[]): Promise<void>;
  busy(): boolean;
}

const basename = (p: string): string => p.split(/[\\/]/).pop() ?? p;

export function createContactsActions(deps: ContactsActionsDeps): ContactsActions {
  let running = false;
  const status = (text: string): void => deps.sendCommand({ kind: 'status', text });

  const numbersToRematch = (summary: ImportSummary): string[] =>
    summary.changedNumbersTruncated && deps.trackedNumbers
      ? [...new Set([...summary.changedNumbers, ...deps.trackedNumbers()])]
      : summary.changedNumbers;

  /** Outcomes with the confirmed held-back deletions applied. */
  const withConfirmedDeletions = (outcomes: FileOutcome[]): Promise<FileOutcome[]> => {
    const ask = deps.confirmDeletions;
    if (!ask) return Promise.resolve(outcomes);
    return confirmHeldDeletions(outcomes, ask, async (path) => {
      if (isBookPath(path)) {
        status('Deleting contacts no longer on the server…');
        const synced = await deps.runner.syncBook(path, { allowDeletions: true });
        return synced.ok ? bookOutcome(synced.value).result : synced;
      }
      status(`Deleting contacts no longer in ${basename(path)}…`);
      return deps.runner.importFile(path, () => undefined, { allowDeletions: true });
    });
  };

  let followUp = false;
  type Mode = { quiet?: boolean; followFiles?: boolean };
  const exclusive = async (what: string, job: () => Promise<ImportSummary | null>, { quiet = false, followFiles = false }: Mode = {}): Promise<void> => {
    if (running) {
      if (followFiles) followUp = true;
      if (quiet) return;
      status(`Busy: ${what} must wait until the current import finishes.`);
      return;
    }
    running = true;
    let summary: ImportSummary | null = null;
    try {
      summary = await job();
    } catch (error) {
      deps.log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      deps.setProgress(-1);
      running = false;
    }
    if (summary) {
      if (summary.changed) deps.sendCommand({ kind: 'sync-contacts', changedNumbers: numbersToRematch(summary) });
      // A file change says which file did what, on one quiet line.
      status(followFiles ? summary.detail.split('\n').join('; ') : summary.message);
      // A periodic sync never pops a dialog: a failing server is shown in the status line and in
      // the Address books window (each book's lastError), not every few minutes in the user's face.
      if (!quiet) await deps.showSummary(summary);
    }
    if (followUp) {
      followUp = false;
      await sync({ quiet: true, followFiles: true });
    }
  };

  const importPaths = (paths: string[], options: ImportFileOptions = {}): Promise<void> =>
    exclusive('import', async () => {
      const outcomes: FileOutcome[] = [];
      let lastPercent = -1;
      for (const [index, path] of paths.entries()) {
        status(`Importing ${basename(path)}…`);
        const result = await deps.runner.importFile(path, (read, total) => {
          const fraction = (index + (total > 0 ? read / total : 1)) / paths.length;
          deps.setProgress(fraction);
          const percent = Math.floor(fraction * 100);
          if (percent !== lastPercent) {
            lastPercent = percent;
            status(`Importing ${basename(path)}… ${percent}%`);
          }
        }, options);
        outcomes.push({ path, result });
      }
      return summarizeImport('import', await withConfirmedDeletions(outcomes));
    });

  const sync = (mode: Mode): Promise<void> =>
    exclusive('sync', async () => {
      if (!mode.followFiles) {
        status('Syncing contacts…');
        deps.setProgress(2); // > 1: indeterminate, as the number of changed files is not known yet
      }
      const result = await deps.runner.sync(() => undefined);
      if (!result.ok) {
        // Files before the failing one are imported already: let the widget fetch what changed.
        const summary = summarizeImport('sync', [{ path: '', result }]);
        return { ...summary, changed: true, changedNumbers: [], changedNumbersTruncated: false };
      }
      const outcomes: FileOutcome[] = [
        ...result.value.reports.map((report) => ({ path: report.path, result: ok(report) })),
        // CardDAV books with changes (an unchanged book is not news).
        ...(result.value.carddav ?? []).filter((r) => r.mode !== 'unchanged').map(bookOutcome),
        ...result.value.failed.map(({ path, message }) => ({ path, result: fail<ImportReport>('import-failed', message) })),
      ];
      // A followed file that went away (deleted, mid-rename) is news only with other changes.
      if (mode.followFiles && outcomes.length === 0) return null;
      return summarizeImport('sync', await withConfirmedDeletions(outcomes), result.value.missing);
    }, mode);

  const syncBooks = (paths: string[]): Promise<void> =>
    exclusive('sync', async () => {
      status('Syncing contacts…');
      deps.setProgress(2);
      const outcomes: FileOutcome[] = [];
      for (const path of paths) {
        const synced = await deps.runner.syncBook(path);
        outcomes.push(synced.ok ? bookOutcome(synced.value) : { path, result: synced });
      }
      return summarizeImport('sync', await withConfirmedDeletions(outcomes));
    });

  return {
    importPaths,
    syncBooks,
    async importContacts() {
      if (running) return status('An import is already running.');
      const paths = await deps.chooseFiles();
      if (paths.length > 0) await importPaths(paths);
    },
    syncContacts: (options = {}) => sync({ quiet: options.quiet }),
    syncChangedFiles: () => sync({ quiet: true, followFiles: true }),
    busy: () => running,
  };
}
