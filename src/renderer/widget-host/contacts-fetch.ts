/**
 * Tracks the widget's `/contacts` fetch, because the widget runs one fetch at a time and drops
 * a sync command that arrives during one. A fetch is in flight while a `/contacts` request is
 * unanswered, or after we answered a page with a truthy `nextPage` (the next page is coming).
 * A sync requested meanwhile is sent again once the fetch's last page has been answered.
 */
export interface ContactsFetch {
  requested(requestId: string): void;
  /** `hasNextPage` false also for a failed page: the widget abandons the fetch on an error. */
  answered(requestId: string, hasNextPage: boolean): void;
  inFlight(): boolean;
  /** Asks for a sync; sends it now, and once more after an in-flight fetch ends. */
  sync(): void;
  /** The iframe reloaded: the old widget's fetch is gone. */
  reset(): void;
}

export interface ContactsFetchDeps {
  sendSync: () => void;
  now: () => number;
  /**
   * After this long without a request, a fetch waiting for its next page is treated as over:
   * the widget gives up a page after 60 s, so we must not defer syncs forever.
   */
  staleAfterMs?: number;
}

export function createContactsFetch({ sendSync, now, staleAfterMs = 65_000 }: ContactsFetchDeps): ContactsFetch {
  const pending = new Set<string>();
  let awaitingNextPageSince: number | null = null;
  let resync = false;

  const inFlight = (): boolean => {
    if (pending.size > 0) return true;
    return awaitingNextPageSince !== null && now() - awaitingNextPageSince < staleAfterMs;
  };

  return {
    requested(requestId) {
      pending.add(requestId);
      awaitingNextPageSince = null;
    },
    answered(requestId, hasNextPage) {
      if (!pending.delete(requestId)) return;
      awaitingNextPageSince = hasNextPage ? now() : null;
      if (!inFlight() && resync) {
        resync = false;
        sendSync();
      }
    },
    inFlight,
    sync() {
      if (inFlight()) resync = true;
      sendSync();
    },
    reset() {
      pending.clear();
      awaitingNextPageSince = null;
      resync = false;
    },
  };
}
