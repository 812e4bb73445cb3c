/**
 * Shows an import summary: a message box with the totals and per-file lines, and a
 * "Show details" button leading to every skipped record and its reason.
 */
import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { ImportSummary } from './import-summary';

export type ShowMessageBox = (options: MessageBoxOptions) => Promise<Pick<MessageBoxReturnValue, 'response'>>;

export async function showImportSummary(showMessageBox: ShowMessageBox, summary: ImportSummary): Promise<void> {
  const hasSkips = summary.skipDetails.length > 0;
  const { response } = await showMessageBox({
    type: summary.failed ? 'error' : 'info',
    title: summary.title,
    message: summary.message,
    detail: summary.detail,
    buttons: hasSkips ? ['OK', 'Show details'] : ['OK'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (!hasSkips || response !== 1) return;
  await showMessageBox({
    type: 'info',
    title: 'Skipped records',
    message: 'These records were not imported:',
    detail: summary.skipDetails,
    buttons: ['OK'],
    noLink: true,
  });
}
