/**
 * Registering the service exactly once per widget document, whatever order the real widget
 * produces (widget-protocol.md, "Observed in the real widget").
 *
 * What the host can see: the iframe's `load` (once per document, seconds after the widget
 * started when fonts or images are slow), the widget's `rc-login-status-notify` (one at start,
 * then one per change of `loggedIn`; a logged-in user's start gives `false` then `true`), and
 * the widget's `/contacts` requests, which it sends right after a registration it accepted.
 * What it cannot see: the start of a navigation the widget made itself (a self-reload), and
 * which document a message came from. A second registration in one document throws inside
 * the widget; a missing one leaves the user without contacts until the app restarts.
 *
 * The rule:
 * - A notification means the widget's listener exists: register at once, never waiting for
 *   `load`, when this document has no registration yet, or when no `/contacts` has followed
 *   our last one (it went to a document that was not listening yet, or that has gone).
 * - A notification that repeats the last `loggedIn` value cannot come from the same document
 *   (it notifies only on change): a new document started, register in it.
 * - Any other notification after an acknowledged registration is a login change, or the first
 *   notification of a document that replaced the old one before its `load`. It is held as
 *   "unplaced" until a `/contacts` request (only a registered document sends one, so the
 *   notification came from it) or a `load`.
 * - A `load` of a document we did not navigate to, after the current one had loaded, is a
 *   self-reload: a new document. If an unplaced notification is held it came from there:
 *   register at once; otherwise its first notification will.
 *
 * Residual race, accepted: if a registration taken by the widget is followed by a further
 * notification before its `/contacts` request arrives (milliseconds, against 0.5–2.4 s
 * between the logged-in pair), the host registers again and the widget logs an error;
 * the first registration stays in force.
 */
export interface Registration {
  /** We are navigating the iframe (first load or reload): the next document is a new widget session. */
  navigating(): void;
  /** The iframe finished loading a document. */
  frameLoaded(): void;
  /** A login-status notification arrived. */
  loginStatus(loggedIn: boolean): void;
  /** The widget asked for `/contacts`: a registration took. */
  contactsRequested(): void;
  isRegistered(): boolean;
}

export interface RegistrationDeps {
  register: () => void;
  /** A new widget document was recognised (its state in the host, e.g. a fetch, is gone). */
  newDocument?: () => void;
}

export function createRegistration({ register, newDocument = () => undefined }: RegistrationDeps): Registration {
  let loaded = false;
  let registered = false;
  let acknowledged = false;
  let lastLoggedIn: boolean | null = null;
  let unplaced = false;

  const startDocument = (hasLoaded: boolean): void => {
    loaded = hasLoaded;
    registered = false;
    acknowledged = false;
    lastLoggedIn = null;
    unplaced = false;
    newDocument();
  };
  const registerNow = (): void => {
    registered = true;
    acknowledged = false;
    unplaced = false;
    register();
  };

  return {
    navigating: () => startDocument(false),
    frameLoaded() {
      if (!loaded) {
        // The current document's own load: whatever it announced is already handled.
        loaded = true;
        unplaced = false;
        return;
      }
      const announced = unplaced;
      const status = lastLoggedIn;
      startDocument(true);
      if (!announced) return;
      lastLoggedIn = status; // what the new document announced, so its repeat is recognised
      registerNow();
    },
    loginStatus(loggedIn) {
      const previous = lastLoggedIn;
      lastLoggedIn = loggedIn;
      if (!registered || !acknowledged) return registerNow();
      if (previous === loggedIn) {
        startDocument(false);
        lastLoggedIn = loggedIn;
        return registerNow();
      }
      unplaced = true;
    },
    contactsRequested() {
      if (registered) acknowledged = true;
      unplaced = false;
    },
    isRegistered: () => registered,
  };
}
