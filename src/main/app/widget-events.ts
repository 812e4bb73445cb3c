/**
 * What main does with each widget event: the dialer state gates queued tel:/sms: links, the
 * widget's region becomes the default phone region (unless the user set one), and a ringing
 * call raises a notification (and, with the `callPop` setting, opens the caller's window).
 */
import type { WidgetEvent } from '../../shared/api';
import type { CountryCode } from '../contacts/phone';
import type { LinkQueue } from '../protocol-links';
import type { CallRing } from '../notifications';

export interface WidgetEventDeps {
  links: Pick<LinkQueue, 'setReady'>;
  setWidgetRegion: (region: CountryCode) => void;
  notifyCall: (ring: CallRing) => void;
  /** The `callPop` setting: an incoming call opens the caller's contact window. */
  callPop: () => boolean;
  /** Opens the contact window of the contact with this number, if there is one. */
  openCaller: (phoneNumber: string) => void;
  log: (message: string) => void;
}

export function createWidgetEventHandler(deps: WidgetEventDeps): (event: WidgetEvent) => void {
  return (event) => {
    switch (event.kind) {
      case 'widget-loaded':
        // A fresh widget document has no dialer yet: hold links until it says it is ready.
        deps.links.setReady(false);
        return;
      case 'dialer-status':
        deps.links.setReady(event.ready);
        return;
      case 'region':
        deps.setWidgetRegion(event.countryCode as CountryCode);
        return;
      case 'call-ring':
        deps.notifyCall(event);
        if (deps.callPop()) deps.openCaller(event.from);
        return;
      case 'login-status':
        deps.log(`widget ${event.loggedIn ? 'logged in' : 'logged out'}`);
        return;
    }
  };
}
