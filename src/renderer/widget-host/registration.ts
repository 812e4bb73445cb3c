/**
 * Registering the service exactly once per widget document. A second registration in one
 * widget session throws inside the widget (the contacts source already exists) and skips the
 * rest of the setup, while `rc-login-status-notify` fires on every login and logout; so a flag,
 * reset when the iframe loads a new document. The widget's listener exists only once it has
 * started, which its first `rc-login-status-notify` announces: that is when we register.
 *
 * The order of that first notification and the iframe's `load` event is not guaranteed (a
 * slow image or font delays `load` while the widget has already started). Registering before
 * `load` and then resetting the flag at `load` would register twice in one document, so a
 * notification that arrives before `load` only marks the registration as due, and `load`
 * carries it out.
 */
export interface Registration {
  /** We are navigating the iframe (first load or reload): the next document is a new widget session. */
  navigating(): void;
  /** The iframe finished loading its document. */
  frameLoaded(): void;
  /** A login-status notification arrived: registers if this document has not been. Returns true if it did. */
  loginStatus(): boolean;
  isRegistered(): boolean;
}

export function createRegistration({ register }: { register: () => void }): Registration {
  let loaded = false;
  let registered = false;
  let due = false;
  const registerNow = (): boolean => {
    registered = true;
    due = false;
    register();
    return true;
  };
  return {
    navigating() {
      loaded = false;
      registered = false;
      due = false;
    },
    frameLoaded() {
      loaded = true;
      registered = false;
      if (due) registerNow();
    },
    loginStatus() {
      if (!loaded) {
        due = true;
        return false;
      }
      return registered ? false : registerNow();
    },
    isRegistered: () => registered,
  };
}
