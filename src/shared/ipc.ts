/**
 * The one registry of IPC channel names. Call sites use `IPC.x`, never a string literal, so a
 * renamed channel cannot silently leave one side listening on the old name.
 */
export const IPC = {
  /** renderer → main (invoke): the widget's `/contacts` request body. */
  contactsList: 'contacts:list',
  /** renderer → main (invoke): `/contacts/search`. */
  contactsSearch: 'contacts:search',
  /** renderer → main (invoke): `/contacts/match`. */
  contactsMatch: 'contacts:match',
  /** renderer → main (invoke): `/contacts/view`; main opens the contact window. */
  contactsView: 'contacts:view',
  /** renderer → main (invoke): the widget URL, origin and service registration fields. */
  widgetConfig: 'widget:config',
  /** renderer → main (send): a widget event (`WidgetEvent`). */
  widgetReport: 'widget:report',
  /** main → renderer (send): a `WidgetCommand` for the widget host. */
  widgetCommand: 'widget:command',
  /** contact window → main (invoke): the contact shown in the sender's window. */
  contactWindowDetails: 'contact-window:details',
  /** contact window → main (invoke): dial a number through the widget. */
  contactWindowDial: 'contact-window:dial',
  /** contact window → main (invoke): open the mail client for an address. */
  contactWindowEmail: 'contact-window:email',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];
