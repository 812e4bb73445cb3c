/**
 * Answers the widget's requests from `window.softphone.contacts`. The shape of an error
 * response matters, because the widget resolves whatever we send:
 *
 * - `/contacts`: the widget does `const { data, nextPage, syncTimestamp } = response` and, when
 *   `data` is not an array, REPLACES its whole contact list with nothing (and drops its
 *   timestamp). An `{ error }` object would therefore wipe the user's list. We answer a failed
 *   page with `null` instead: destructuring `null` throws inside the widget, which discards
 *   the whole fetch and keeps its list and timestamp as they were.
 * - search / match: `data` of the right kind but empty, plus `error` for the logs. (A match
 *   error caches the numbers as misses until contactNoMatchTtl, which is the widget's rule.)
 * - view: the reply is ignored; `'ok'` goes back at once and main opens the window.
 * - an unknown or missing path: `{ error }`.
 */
import type { SoftphoneApi } from '../../shared/api';
import type { AppError } from '../../shared/result';
import type { WidgetRequest } from './envelope';
import { PATHS } from './messages';

export interface RouteDeps {
  contacts: SoftphoneApi['contacts'];
  /** Logs failures the widget cannot show (the view path's outcome, transport errors). */
  log: (message: string) => void;
}

/** The `response` to post for `request`; never rejects. */
export async function routeRequest(request: WidgetRequest, deps: RouteDeps): Promise<unknown> {
  const { contacts } = deps;
  try {
    switch (request.path) {
      case PATHS.contacts: {
        const result = await contacts.list(request.body);
        if (result.ok) return result.value;
        deps.log(`/contacts failed: ${result.error.message}`);
        return null;
      }
      case PATHS.search: {
        const result = await contacts.search(request.body);
        return result.ok ? result.value : { error: result.error, data: [] };
      }
      case PATHS.match: {
        const result = await contacts.match(request.body);
        return result.ok ? result.value : { error: result.error, data: {} };
      }
      case PATHS.view:
        // The widget waits only 3 s and ignores the reply: answer now, open the window after.
        void contacts.view(request.body).then(
          (result) => {
            if (!result.ok) deps.log(`/contacts/view failed: ${result.error.message}`);
          },
          (error: unknown) => deps.log(`/contacts/view failed: ${String(error)}`),
        );
        return 'ok';
      default:
        return { error: unknownPath(request.path) };
    }
  } catch (error) {
    deps.log(`${request.path ?? '(no path)'} failed: ${String(error)}`);
    const appError: AppError = { code: 'internal', message: 'the request could not be answered' };
    if (request.path === PATHS.contacts) return null;
    if (request.path === PATHS.search) return { error: appError, data: [] };
    if (request.path === PATHS.match) return { error: appError, data: {} };
    return { error: appError };
  }
}

function unknownPath(path: string | undefined): AppError {
  return { code: 'unknown-path', message: path === undefined ? 'request without a path' : `unknown path: ${path}` };
}

/** True when a `/contacts` answer tells the widget to fetch another page. */
export function hasNextPage(response: unknown): boolean {
  return typeof response === 'object' && response !== null && Boolean((response as { nextPage?: unknown }).nextPage);
}
