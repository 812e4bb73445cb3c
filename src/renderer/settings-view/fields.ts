/**
 * The settings form as data: each field's label, control and help text, and how a control's
 * value becomes a setting. Validation is the schema main uses (`checkSetting`), so the window
 * explains a bad value with the same words main would refuse it with.
 */
import type { SettingsKey } from '../../main/settings/schema';

export type Control = 'text' | 'number' | 'region' | 'checkbox' | 'close-action';

export interface FieldSpec {
  key: SettingsKey;
  label: string;
  control: Control;
  help: string;
  /** The widget reloads when this one changes. */
  widget?: boolean;
}

export const FIELDS: readonly FieldSpec[] = [
  { key: 'widgetUrl', label: 'Widget URL', control: 'text', widget: true, help: 'The RingCentral Embeddable app.html (https; http only on this computer).' },
  { key: 'clientId', label: 'Client ID', control: 'text', widget: true, help: 'Your RingCentral app\'s client id; empty uses the widget\'s own.' },
  { key: 'appServer', label: 'App server', control: 'text', widget: true, help: 'An https platform URL (a sandbox); empty for production.' },
  { key: 'region', label: 'Default phone region', control: 'region', help: 'For numbers written without a country code.' },
  { key: 'serviceName', label: 'Service name', control: 'text', widget: true, help: 'The name the widget shows for these contacts.' },
  { key: 'serviceDisplayName', label: 'Service display name', control: 'text', widget: true, help: 'The label of the contacts tab filter.' },
  { key: 'showRemotePhotos', label: 'Show photos from web addresses', control: 'checkbox', help: 'The widget then fetches photo URLs from imported files itself.' },
  { key: 'closeAction', label: 'Closing the window', control: 'close-action', help: 'What the close button does.' },
  { key: 'carddavSyncMinutes', label: 'Sync every (minutes)', control: 'number', help: 'CardDAV address books (and files) are synced this often; 0 turns it off.' },
  { key: 'callPop', label: 'Open the caller\'s contact window on an incoming call', control: 'checkbox', help: '' },
];

export const CLOSE_ACTION_LABELS: Record<string, string> = {
  tray: 'Keeps running in the tray',
  minimize: 'Minimizes the window',
  quit: 'Quits the app',
};
