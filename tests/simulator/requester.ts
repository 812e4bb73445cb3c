/**
 * The widget's requestWithPostMessage: posts `rc-post-message-request` to the parent with
 * target `*`, accepts the first message whose `type` and `responseId` match (from ANY source
 * or origin, as the widget does) and gives up after the timeout, ignoring later answers.
 * Responses nobody waits for are reported, so tests can see late or stray answers.
 */

export interface RequesterDeps {
  postToParent(message: unknown): void;
  newId(): string;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  now(): number;
}

export interface RequestOutcome {
  requestId: string;
  path: unknown;
  /** Milliseconds from posting to the answer, or null after a timeout. */
  elapsedMs: number | null;
  timedOut: boolean;
}

export interface Requester {
  /** Resolves with `response` (whatever it is), rejects with 'Time out'. */
  request(path: unknown, body: unknown, timeoutMs: number, onDone?: (o: RequestOutcome) => void): Promise<unknown>;
  /** Feed every `message` event's data here; returns true when it answered a pending request. */
  handleMessage(data: unknown): boolean;
  pendingCount(): number;
}

interface Pending {
  resolve(value: unknown): void;
  timer: unknown;
  startedAt: number;
  path: unknown;
  onDone: ((o: RequestOutcome) => void) | undefined;
}

/** Creates a requester; `onStray` hears responses that match no pending request. */
export function createRequester(deps: RequesterDeps, onStray: (data: Record<string, unknown>) => void): Requester {
  const pending = new Map<string, Pending>();
  return {
    request(path, body, timeoutMs, onDone) {
      const requestId = deps.newId();
      return new Promise((resolve, reject) => {
        const startedAt = deps.now();
        const timer = deps.setTimer(() => {
          pending.delete(requestId);
          onDone?.({ requestId, path, elapsedMs: null, timedOut: true });
          reject(new Error('Time out'));
        }, timeoutMs);
        pending.set(requestId, { resolve, timer, startedAt, path, onDone });
        deps.postToParent({ type: 'rc-post-message-request', requestId, path, body });
      });
    },
    handleMessage(data) {
      if (!data || typeof data !== 'object') return false;
      const message = data as Record<string, unknown>;
      if (message.type !== 'rc-post-message-response') return false;
      const entry = typeof message.responseId === 'string' ? pending.get(message.responseId) : undefined;
      if (!entry) {
        onStray(message);
        return false;
      }
      pending.delete(message.responseId as string);
      deps.clearTimer(entry.timer);
      entry.onDone?.({
        requestId: message.responseId as string,
        path: entry.path,
        elapsedMs: deps.now() - entry.startedAt,
        timedOut: false,
      });
      entry.resolve(message.response);
      return true;
    },
    pendingCount: () => pending.size,
  };
}
