/**
 * The widget documents an iframe holds over time, behaving as the real widget was seen to
 * (widget-protocol.md, "Observed in the real widget"): a document hears messages only once it
 * has started, which its first `rc-login-status-notify` announces; it accepts one registration
 * and asks for `/contacts` right after it, and a second one throws (recorded as an error); a
 * registration posted before it listens, or to a document that has gone, is lost.
 */
import type { fakeDom } from './fakes';

export interface FakeDocument {
  id: number;
  listening: boolean;
  accepted: number;
  /** Registrations that threw because the contacts source already existed. */
  errors: number;
  /** Registrations posted while the document was not listening yet. */
  lost: number;
}

export function fakeWidget(dom: ReturnType<typeof fakeDom>) {
  const documents: FakeDocument[] = [];
  let current: FakeDocument | null = null;
  let requests = 0;

  const begin = (): FakeDocument => {
    current = { id: documents.length + 1, listening: false, accepted: 0, errors: 0, lost: 0 };
    documents.push(current);
    return current;
  };
  // Setting the iframe's src (the host navigating) starts a new document.
  let src = '';
  Object.defineProperty(dom.frame, 'src', {
    get: () => src,
    set: (value: string) => {
      src = value;
      begin();
    },
  });

  const askContacts = (): void => {
    requests += 1;
    dom.fromWidget({ type: 'rc-post-message-request', requestId: `c${requests}`, path: '/contacts', body: { page: 1, syncTimestamp: null } });
  };

  dom.onPost((message) => {
    if (message.type !== 'rc-adapter-register-third-party-service' || !current) return;
    const doc = current;
    if (!doc.listening) {
      doc.lost += 1;
      return;
    }
    doc.accepted += 1;
    if (doc.accepted > 1) {
      doc.errors += 1;
      return;
    }
    // postMessage is asynchronous: the request arrives after the host's call returns.
    queueMicrotask(() => {
      if (doc === current) askContacts();
    });
  });

  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

  return {
    documents,
    current: (): FakeDocument => {
      if (!current) throw new Error('no widget document yet');
      return current;
    },
    /** The widget navigates itself (a reload the host did not start). */
    selfReload: begin,
    /** The document started (it listens from now on) and posts a login status. */
    async announce(loggedIn: boolean) {
      if (!current) throw new Error('no widget document yet');
      current.listening = true;
      dom.fromWidget({ type: 'rc-login-status-notify', loggedIn });
      await settle();
    },
    /** The user opens the Contacts tab: a registered document asks for `/contacts` again. */
    async visitContactsTab() {
      if (current?.accepted) askContacts();
      await settle();
    },
    /** The document's `load` (all subresources done). */
    async load() {
      dom.load();
      await settle();
    },
  };
}
