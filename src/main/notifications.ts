/**
 * Incoming-call notifications: `rc-call-ring-notify` becomes a system notification naming the
 * caller from the local address book when the number matches. Clicking it shows the app.
 */
import type { NotificationConstructorOptions } from 'electron';

export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

export interface CallNotifierDeps {
  isSupported: () => boolean;
  createNotification: (options: NotificationConstructorOptions) => NotificationLike;
  /** The local contact's name for a number, or null (the contact service's match). */
  lookupName: (phoneNumber: string) => Promise<string | null>;
  showWindow: () => void;
  log: (message: string) => void;
}

export interface CallRing {
  from: string;
  fromUserName?: string;
  contactName?: string;
}

/** Some Linux notification servers read the body as markup; a contact name must stay text. */
const plain = (text: string): string => text.replace(/[<>]/g, '').slice(0, 200);

/** Title and body: our address book's name first, then the widget's match, then the caller ID name. */
export function callNotificationText(ring: CallRing, localName: string | null): { title: string; body: string } {
  const name = localName ?? ring.contactName ?? ring.fromUserName ?? null;
  return { title: 'Incoming call', body: plain(name ? `${name} (${ring.from})` : ring.from) };
}

export function createCallNotifier(deps: CallNotifierDeps): { notify(ring: CallRing): Promise<void> } {
  // Electron drops a notification's click handler if the object is garbage-collected.
  const live = new Set<NotificationLike>();
  return {
    async notify(ring) {
      if (!deps.isSupported()) return;
      let localName: string | null = null;
      try {
        localName = await deps.lookupName(ring.from);
      } catch (error) {
        deps.log(`caller lookup failed: ${String(error)}`);
      }
      const notification = deps.createNotification({ ...callNotificationText(ring, localName), silent: true });
      live.add(notification);
      notification.on('click', () => {
        live.delete(notification);
        deps.showWindow();
      });
      notification.on('close', () => live.delete(notification));
      notification.show();
    },
  };
}
