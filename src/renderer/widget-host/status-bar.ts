/**
 * The status line under the widget (import progress, last import summary). Text only, set
 * with `textContent`, so nothing in a file name or a skip reason can become markup.
 */
import type { StatusSink } from './types';

export interface StatusElement {
  textContent: string | null;
  hidden: boolean;
}

export function createStatusBar(element: StatusElement): StatusSink {
  return {
    show(text) {
      element.textContent = text;
      element.hidden = text.length === 0;
    },
  };
}
