/**
 * The e2e fixtures of the Settings and Address books windows: the built page in Chromium, its
 * calls through the test bridge into main's REAL gate (as that window) and REAL handlers:
 * - settings: the settings controller over a temp folder (settings.json on disk), applying to a
 *   real periodic sync whose timer the test reads;
 * - address books: a real SQLite book, the real Address books actions and contacts actions
 *   (inline runner, CardDAV core with in-memory secrets); dialogs answer as the test says;
 * - contact: a real SQLite book and the real contact window handlers for the contact shown;
 *   what main would hand to the OS goes through the real external opener into `opened`.
 */
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCountries } from 'libphonenumber-js';
import { createAddressBooks, type RemoveQuestion } from '../../../src/main/actions/address-books';
import { createContactsActions } from '../../../src/main/actions/contacts-actions';
import { createInlineRunner } from '../../../src/main/actions/import-runner';
import { createPeriodicSync } from '../../../src/main/actions/periodic-sync';
import { createCardDav, memorySecrets } from '../../../src/main/contacts/carddav';
import { openDatabase, type Database } from '../../../src/main/contacts/db/open';
import { createContactStore, type ContactStore } from '../../../src/main/contacts/store';
import { registerAddressBooksHandlers } from '../../../src/main/ipc/address-books-handlers';
import { registerContactWindowHandlers } from '../../../src/main/ipc/contact-window-handlers';
import { createExternalOpener } from '../../../src/main/security/external';
import { registerSettingsHandlers } from '../../../src/main/ipc/settings-handlers';
import { createSettingsController, type SettingsController } from '../../../src/main/settings/controller';
import { installIpcBridge, type IpcBridge } from './bridge';
import { startServers, type Servers } from './servers';

export { expect };

export interface SettingsWindow {
  page: Page;
  dir: string;
  controller: SettingsController;
  /** The periodic sync's armed timer, in ms (null: off). */
  syncTimerMs(): number | null;
  /** Lines main reported about settings.json. */
  reports: string[];
  open(): Promise<void>;
}

export interface AddressBooksWindow {
  page: Page;
  dir: string;
  db: Database;
  store: ContactStore;
  bridge: IpcBridge;
  /** What the remove dialog was asked. */
  removeQuestions: RemoveQuestion[];
  open(): Promise<void>;
}

export interface ContactWindow {
  page: Page;
  dir: string;
  store: ContactStore;
  bridge: IpcBridge;
  /** URLs main handed to the operating system (browser, mail client), after its checks. */
  opened: string[];
  /** Opens the window for a stored contact, as main does (the page never names it). */
  open(id: string): Promise<void>;
}

export const test = base.extend<{ settingsWindow: SettingsWindow; addressBooksWindow: AddressBooksWindow; contactWindow: ContactWindow }, { servers: Servers }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  servers: [async ({}, use) => {
    const servers = await startServers();
    await use(servers);
    await servers.close();
  }, { scope: 'worker' }],

  settingsWindow: async ({ page, servers }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-settings-e2e-'));
    const reports: string[] = [];
    let timer: number | null = null;
    let periodic: ReturnType<typeof createPeriodicSync> | null = null;
    let controller: SettingsController | null = null;
    const current = (): SettingsController => {
      if (!controller) throw new Error('open() first');
      return controller;
    };
    await installIpcBridge(page, {
      appOrigin: servers.renderer.origin,
      window: 'settings',
      register: (gate) =>
        registerSettingsHandlers({
          gate,
          controller: { current: () => current().current(), problems: () => current().problems(), reload: () => current().reload(), save: (p) => current().save(p) },
          hasTray: () => true,
          regions: getCountries(),
          widgetRegion: () => 'DE',
        }),
    });
    const window: SettingsWindow = {
      page,
      dir,
      reports,
      get controller() {
        return current();
      },
      syncTimerMs: () => timer,
      async open() {
        // As at start: settings.json read (created with defaults), the periodic sync armed from it.
        controller = createSettingsController({ dir, onApply: (after, before) => periodic?.settingsApplied(after, before), report: (m) => reports.push(m) });
        periodic = createPeriodicSync({
          minutes: () => current().current().carddavSyncMinutes,
          run: () => undefined,
          setTimer: (_fn, ms) => (timer = ms),
          clearTimer: () => (timer = null),
        });
        periodic.rearm();
        await page.goto(`${servers.renderer.origin}/settings.html`);
        await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
      },
    };
    await use(window);
    rmSync(dir, { recursive: true, force: true });
  },

  addressBooksWindow: async ({ page, servers }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-books-e2e-'));
    const db = openDatabase(join(dir, 'contacts.db'));
    const store = createContactStore({ db });
    const secrets = memorySecrets('the test keychain');
    const removeQuestions: RemoveQuestion[] = [];
    const actions = createContactsActions({
      runner: createInlineRunner({ store, region: () => 'US', carddav: { db, store, secrets } }),
      chooseFiles: async () => [],
      setProgress: () => undefined,
      sendCommand: () => undefined,
      showSummary: async () => undefined,
      log: () => undefined,
    });
    let bridge: IpcBridge | null = null;
    const changed = (): void => void bridge?.push('addressBooksChanged', null);
    bridge = await installIpcBridge(page, {
      appOrigin: servers.renderer.origin,
      window: 'addressBooks',
      register: (gate) =>
        registerAddressBooksHandlers({
          gate,
          books: createAddressBooks({
            store,
            sendCommand: () => undefined,
            importPaths: actions.importPaths,
            importContacts: actions.importContacts,
            syncBooks: actions.syncBooks,
            carddav: createCardDav({ db, store, secrets }),
            regions: getCountries(),
            confirmRemove: async (question) => (removeQuestions.push(question), true),
            chooseNewPath: async () => null,
            showInFolder: () => undefined,
            changed,
          }),
        }),
    });
    const window: AddressBooksWindow = {
      page,
      dir,
      db,
      store,
      bridge,
      removeQuestions,
      async open() {
        await page.goto(`${servers.renderer.origin}/address-books.html`);
        await expect(page.getByRole('heading', { name: 'Address Books' })).toBeVisible();
      },
    };
    await use(window);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  },

  contactWindow: async ({ page, servers }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-contact-e2e-'));
    const db = openDatabase(join(dir, 'contacts.db'));
    const store = createContactStore({ db });
    const opened: string[] = [];
    let shown: string | undefined;
    const bridge = await installIpcBridge(page, {
      appOrigin: servers.renderer.origin,
      window: 'contact',
      register: (gate, mainLog) => {
        const external = createExternalOpener({ shell: { openExternal: async (url) => void opened.push(url) }, log: (m) => mainLog.push(m) });
        registerContactWindowHandlers({
          gate,
          contactIdFor: () => shown,
          getDetails: (id) => store.getPerson(id),
          unlink: (id) => store.unlink(Number(id)) !== null,
          link: (id, withId) => store.link(Number(id), Number(withId)) !== null,
          dial: () => undefined,
          openMailto: external.openMailto,
          openLink: external.openLink,
        });
      },
    });
    const window: ContactWindow = {
      page,
      dir,
      store,
      bridge,
      opened,
      async open(id) {
        shown = id;
        await page.goto(`${servers.renderer.origin}/contact.html`);
        await expect(page.locator('.contact-name')).toBeVisible();
      },
    };
    await use(window);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  },
});
