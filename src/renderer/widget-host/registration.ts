/**
 * Registering the service exactly once per iframe load. A second registration in one widget
 * session throws inside the widget (the contacts source already exists) and skips the rest of
 * the setup, while `rc-login-status-notify` fires on every login and logout; so a flag, reset
 * when the iframe loads a new document. The widget's listener exists only once it has started,
 * which its first `rc-login-status-notify` announces: that is when we register.
 */
export interface Registration {
  /** The iframe loaded a (new) widget document: the next login-status registers again. */
  frameLoaded(): void;
  /** A login-status notification arrived: registers if this load has not yet. Returns true if it did. */
  loginStatus(): boolean;
  isRegistered(): boolean;
}

export function createRegistration({ register }: { register: () => void }): Registration {
  let registered = false;
  return {
    frameLoaded() {
      registered = false;
    },
    loginStatus() {
      if (registered) return false;
      registered = true;
      register();
      return true;
    },
    isRegistered: () => registered,
  };
}
