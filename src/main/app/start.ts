/**
 * Startup, in order: privileged scheme and policies before `ready`, then the database,
 * settings, IPC handlers, windows, menu, tray and link handling. Each piece lives in its own
 * module; this file only connects them to the Electron API it is given (index.ts passes the
 * real one; tests/main/shell/start.test.ts a recording stand-in).
 */
import { watch } from 'node:fs';
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { getCountries } from 'libphonenumber-js';
import type { App, BrowserWindow } from 'electron';
import importWorkerPath from '../actions/import-worker?modulePath';
import type { WidgetCommand, WidgetConfig } from '../../shared/api';
import { ok } from '../../shared/result';
import { createContactsActions } from '../actions/contacts-actions';
import { askDeletionDialog } from '../actions/deletion-confirm';
import { createInlineRunner, withFallback } from '../actions/import-runner';
import { createWorkerRunner } from '../actions/import-worker-runner';
import { createPeriodicSync } from '../actions/periodic-sync';
import { createCardDav } from '../contacts/carddav';
import { passwordsFor } from '../contacts/carddav/all-sources';
import { createSafeStorageSecrets } from '../secrets/safe-storage';
import { showImportSummary, type ShowMessageBox } from '../actions/summary-dialog';
import { databasePath } from '../config/paths';
import { createSettingsController } from '../settings/controller';
import type { Settings } from '../settings/schema';
import { closeDatabase } from '../contacts/db/open';
import type { CountryCode } from '../contacts/phone';
import { localeRegion, parseRegion } from '../contacts/region';
import { createContactService, type ContactService } from '../contacts/service';
import { createContactStore } from '../contacts/store';
import { createIpcGate } from '../ipc/handle';
import { push } from '../ipc/push';
import { registerContactWindowHandlers } from '../ipc/contact-window-handlers';
import { registerContactsHandlers } from '../ipc/contacts-handlers';
import { registerSettingsHandlers } from '../ipc/settings-handlers';
import { registerAddressBooksHandlers } from '../ipc/address-books-handlers';
import { createAddressBooks } from '../actions/address-books';
import { createSourceWatcher } from '../contacts/watch/source-watcher';
import { createTrackedNumbers } from '../widget-tracked-numbers';
import { createCallNotifier } from '../notifications';
import { createLinkQueue, findProtocolLink, parseProtocolLink } from '../protocol-links';
import { APP_SCHEME_PRIVILEGES, handleAppProtocol } from '../security/app-protocol';
import { installNavigationPolicy } from '../security/navigation';
import { installPermissionHandlers } from '../security/permissions';
import { createExternalOpener } from '../security/external';
import { keepThirdPartyStorage } from '../security/third-party-storage';
import { APP_ORIGIN } from '../security/urls';
import { buildWidgetConfig, signInOriginsFor, widgetSettingsChanged } from '../settings/widget-config';
import { watchSettings } from '../settings/settings-watch';
import { createContactWindows } from '../windows/contact-window';
import { createSecureWindow } from '../windows/create-window';
import { createMainWindow } from '../windows/main-window';
import { createSettingsWindow } from '../windows/settings-window';
import { createAddressBooksWindow } from '../windows/address-books-window';
import { openDatabaseAtStartup } from './database';
import type { ElectronApi } from './electron-api';
import { applyAppIdentity } from './identity';
import { acquireSingleInstance, createQuitState, effectiveCloseAction, handleMainWindowClose, registerProtocolClients, showWindow } from './lifecycle';
import { installShellUi } from './shell-ui';
import { createWidgetEventHandler } from './widget-events';

const log = (message: string): void => console.warn(`[softphone] ${message}`);

/** What start() needs of the machine besides Electron. */
export interface StartHost {
  platform: NodeJS.Platform;
  createWorker: (path: string, options: WorkerOptions) => Worker;
}

const nodeHost: StartHost = { platform: process.platform, createWorker: (p, o) => new Worker(p, o) };

/** Our pages' origin and URLs: app://softphone, or the electron-vite dev server in development. */
function pages(app: App): { appOrigin: string; url: (page: string) => string } {
  const dev = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  if (dev) return { appOrigin: new URL(dev).origin, url: (page) => new URL(page, `${dev.replace(/\/$/, '')}/`).href };
  return { appOrigin: APP_ORIGIN, url: (page) => `${APP_ORIGIN}/${page}` };
}

export function start(api: ElectronApi, host: StartHost = nodeHost): void {
  const { app, protocol, session, ipcMain, dialog, clipboard, shell, Notification } = api;
  // Before anything can notify: Windows attributes toasts to this id (the installer's shortcut's).
  applyAppIdentity(app, host.platform, process.execPath);
  // A temporary user-data folder (e2e tests, a second profile) moves Chromium's data there too.
  if (process.env.SOFTPHONE_USER_DATA) app.setPath('userData', process.env.SOFTPHONE_USER_DATA);
  app.enableSandbox();
  // Before ready, when Chromium reads its features: the cross-site widget frame keeps its storage.
  keepThirdPartyStorage(app.commandLine, app.isReady());
  protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);

  let mainWindow: BrowserWindow | null = null;
  const sendCommand = (command: WidgetCommand): void => {
    if (mainWindow && !mainWindow.isDestroyed()) push(mainWindow.webContents, 'widgetCommand', command);
  };
  const show = (): void => {
    if (mainWindow && !mainWindow.isDestroyed()) showWindow(mainWindow);
  };
  const links = createLinkQueue({ send: sendCommand });
  const onLink = (url: string): void => {
    const command = parseProtocolLink(url);
    if (!command) return log(`ignored link: ${url.slice(0, 100)}`);
    links.push(command);
    show();
  };
  if (!acquireSingleInstance({ app, onLink, onSecondInstance: show })) {
    app.quit();
    return;
  }
  const quitState = createQuitState(app);
  const { appOrigin, url } = pages(app);

  let config: WidgetConfig;
  const buildConfig = (next: Settings): void => {
    const built = buildWidgetConfig(next);
    if (built.ok) config = built.value;
    else {
      log(`${built.error.message}; using the default widget`);
      config = (buildWidgetConfig({ ...next, widgetUrl: null, appServer: null }) as { ok: true; value: WidgetConfig }).value;
    }
  };
  // Problems found in settings.json, shown in the widget host's status line once it is up.
  let settingsNotice: string | null = null;
  // Set once the database is open (after `ready`): what a settings change does to the running app.
  let onSettingsApplied: (after: Settings, before: Settings) => void = () => undefined;
  const settingsControl = createSettingsController({
    dir: app.getPath('userData'),
    onApply: (after, before) => {
      buildConfig(after);
      onSettingsApplied(after, before);
    },
    report: (message) => {
      log(message);
      settingsNotice = settingsNotice ? `${settingsNotice}; ${message}` : message;
      sendCommand({ kind: 'status', text: message });
    },
  });
  const settings = (): Settings => settingsControl.current();
  buildConfig(settings());

  const external = createExternalOpener({ shell, log });
  installNavigationPolicy({
    app,
    policy: () => ({ appOrigin, widgetOrigin: config.widgetOrigin, signInOrigins: signInOriginsFor(settings()) }),
    openExternal: (link) => external.openWebLink(link),
    log,
  });

  const initialLink = findProtocolLink(process.argv);
  if (initialLink) onLink(initialLink);

  void app.whenReady().then(() => {
    const dir = app.getPath('userData');
    const dbPath = databasePath(dir);
    const db = openDatabaseAtStartup({ dbPath, dialog, clipboard, log });
    if (!db) return app.exit(1);
    app.on('will-quit', () => closeDatabase(db, log));

    let widgetRegion: CountryCode | undefined;
    // Never a silent US: the setting, the widget's region, the OS locale's country, else none.
    const osRegion = localeRegion(process.env) ?? undefined;
    const region = (): CountryCode | undefined => parseRegion(settings().region) ?? widgetRegion ?? osRegion;
    const store = createContactStore({ db });
    // CardDAV passwords, through safeStorage (the Address books window's createCardDav takes these too).
    const secrets = createSafeStorageSecrets(api.safeStorage, dir);
    const makeService = (): ContactService =>
      createContactService({ store, serviceName: config.serviceName, region, showRemotePhotos: settings().showRemotePhotos });
    let service = makeService();

    handleAppProtocol({ protocol, root: path.join(__dirname, '../renderer'), widgetOrigin: () => config.widgetOrigin, log });
    installPermissionHandlers({ session: session.defaultSession, widgetOrigin: () => config.widgetOrigin, log });

    const preload = path.join(__dirname, '../preload/index.cjs');
    const createWindow = (options: Electron.BrowserWindowConstructorOptions): BrowserWindow => createSecureWindow(api.BrowserWindow, options);
    const contactWindows = createContactWindows({ createWindow, preload, appOrigin, url: url('contact.html') });
    const settingsWindow = createSettingsWindow({ createWindow, preload, appOrigin, url: url('settings.html') });
    const addressBooksWindow = createAddressBooksWindow({ createWindow, preload, appOrigin, url: url('address-books.html') });
    const gate = createIpcGate({
      ipcMain,
      appOrigin,
      windowOf: (id) => {
        if (mainWindow?.webContents.id === id) return 'main';
        if (contactWindows.isContactWindow(id)) return 'contact';
        if (settingsWindow.isWindow(id)) return 'settings';
        if (addressBooksWindow.isWindow(id)) return 'addressBooks';
        return undefined;
      },
      log,
    });
    const notifier = createCallNotifier({
      isSupported: () => Notification.isSupported(),
      createNotification: (options) => new Notification(options),
      lookupName: async (number) => {
        const matched = service.match({ phoneNumbers: [number], callerIds: {} });
        return matched.ok ? (matched.value.data[number]?.[0]?.name ?? null) : null;
      },
      showWindow: show,
      log,
    });
    const trackedNumbers = createTrackedNumbers();
    registerContactsHandlers({
      gate,
      service: { list: (b) => service.list(b), search: (b) => service.search(b), match: (b) => service.match(b), view: (b) => service.view(b) },
      openContactWindow: (contact) => contactWindows.open(contact.id, contact.displayName),
      widgetConfig: () => ok(config),
      onMatchRequest: (body) => trackedNumbers.noteMatchRequest(body),
      onWidgetEvent: createWidgetEventHandler({
        links,
        setWidgetRegion: (r) => (widgetRegion = r),
        notifyCall: (ring) => void notifier.notify(ring),
        callPop: () => settings().callPop,
        openCaller: (number) => {
          const matched = service.match({ phoneNumbers: [number], callerIds: {} });
          const id = matched.ok ? matched.value.data[number]?.[0]?.id : undefined;
          const details = id === undefined ? null : store.getDetails(id);
          if (details) contactWindows.open(details.id, details.displayName);
        },
        log,
      }),
    });
    registerContactWindowHandlers({
      gate,
      contactIdFor: contactWindows.contactIdFor,
      getDetails: (id) => store.getPerson(id),
      unlink: (id) => {
        const changed = store.unlink(Number(id));
        if (changed) sendCommand({ kind: 'sync-contacts', changedNumbers: changed.changedNumbers });
        return changed !== null;
      },
      link: (id, withId) => {
        const changed = store.link(Number(id), Number(withId));
        if (changed) sendCommand({ kind: 'sync-contacts', changedNumbers: changed.changedNumbers });
        return changed !== null;
      },
      dial: (phoneNumber) => {
        links.push({ kind: 'new-call', phoneNumber });
        show();
      },
      openMailto: (address) => external.openMailto(address),
      openLink: (url) => external.openLink(url),
    });

    let tray: Electron.Tray | null = null;
    registerSettingsHandlers({
      gate,
      controller: settingsControl,
      hasTray: () => tray !== null,
      regions: getCountries(),
      widgetRegion: () => widgetRegion,
    });

    const win = createMainWindow({ createWindow, preload, appOrigin, url: url('index.html'), icon: path.join(app.getAppPath(), 'resources', 'icon.png') });
    mainWindow = win;
    handleMainWindowClose(win, quitState, () => effectiveCloseAction(settings().closeAction, tray !== null));
    win.webContents.on('did-finish-load', () => {
      if (settingsNotice) sendCommand({ kind: 'status', text: settingsNotice });
      settingsNotice = null;
    });

    const showMessageBox: ShowMessageBox = (options) =>
      win.isVisible() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
    const actions = createContactsActions({
      runner: withFallback(
        createWorkerRunner({
          workerPath: importWorkerPath,
          dbPath,
          region,
          createWorker: host.createWorker,
          // The worker cannot reach safeStorage: main reads the passwords and hands them over.
          passwords: () => passwordsFor(db, store.syncState().databaseId, secrets),
        }),
        createInlineRunner({ store, region, carddav: { db, store, secrets } }),
        log,
      ),
      chooseFiles: async () => {
        const options: Electron.OpenDialogOptions = {
          title: 'Import Contacts',
          properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Address books (vCard, CSV)', extensions: ['vcf', 'vcard', 'csv'] }],
        };
        // From the tray the window may be hidden: a sheet on a hidden window would be invisible.
        const picked = await (win.isVisible() ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
        return picked.canceled ? [] : picked.filePaths;
      },
      setProgress: (fraction) => win.setProgressBar(fraction),
      sendCommand,
      trackedNumbers: () => trackedNumbers.numbers(),
      showSummary: (summary) => showImportSummary(showMessageBox, summary),
      confirmDeletions: (question) => askDeletionDialog(showMessageBox, question),
      log,
    });
    // Each followed file syncs by itself when it changes (the usual sync: only changed files,
    // the damaged-file guard, missing files kept), with a quiet status line and no dialog.
    const fileFollower = createSourceWatcher({ onChange: () => void actions.syncChangedFiles().then(sourcesChanged), log });
    app.on('will-quit', () => fileFollower.close());
    // Sources changed: the file watcher re-arms and the Address books window lists them again.
    const sourcesChanged = (): void => {
      fileFollower.follow(store.listSources().filter((s) => s.kind === 'file' && s.watching).map((s) => s.path));
      const open = addressBooksWindow.current();
      if (open) push(open.webContents, 'addressBooksChanged', null);
    };
    const inFront = (): BrowserWindow => addressBooksWindow.current() ?? win;
    registerAddressBooksHandlers({
      gate,
      books: createAddressBooks({
        store,
        sendCommand,
        importPaths: actions.importPaths,
        importContacts: actions.importContacts,
        syncBooks: actions.syncBooks,
        // Discovery and adding run here (main holds the keychain); syncs run in the import worker.
        carddav: createCardDav({ db, store, secrets }),
        regions: getCountries(),
        confirmRemove: async (question) => {
          const answer = await dialog.showMessageBox(inFront(), {
            type: 'warning',
            buttons: ['Remove', 'Cancel'],
            defaultId: 1,
            cancelId: 1,
            message: `Remove ${question.name} from the address book?`,
            detail: `Its ${question.contactCount} contacts leave the widget. ${question.kind === 'carddav' ? 'The address book on the server' : 'The file itself'} is not touched.`,
          });
          return answer.response === 0;
        },
        chooseNewPath: async (source) => {
          const picked = await dialog.showOpenDialog(inFront(), {
            title: `Where is ${path.basename(source.path)} now?`,
            defaultPath: path.dirname(source.path),
            properties: ['openFile'],
            filters: [{ name: 'Address books (vCard, CSV)', extensions: ['vcf', 'vcard', 'csv'] }],
          });
          return picked.canceled ? null : (picked.filePaths[0] ?? null);
        },
        showInFolder: (file) => shell.showItemInFolder(file),
        changed: sourcesChanged,
      }),
    });
    tray = installShellUi({
      electron: api,
      platform: host.platform,
      app,
      window: win,
      importContacts: () => void actions.importContacts().then(sourcesChanged),
      syncContacts: () => void actions.syncContacts().then(sourcesChanged),
      openSettings: () => void settingsWindow.open(),
      openAddressBooks: () => void addressBooksWindow.open(),
      quit: () => quitState.quit(),
      log,
    });
    app.on('will-quit', () => tray?.destroy());
    sourcesChanged();
    // Quiet, but an open Address books window lists the outcome (a failing server's lastError).
    const periodicSync = createPeriodicSync({ minutes: () => settings().carddavSyncMinutes, run: () => void actions.syncContacts({ quiet: true }).then(sourcesChanged) });
    periodicSync.rearm();
    app.on('will-quit', () => periodicSync.stop());
    app.on('activate', show);

    onSettingsApplied = (after, before) => {
      periodicSync.settingsApplied(after, before);
      // Remote photos change what every list carries: the widget must load its list again.
      if (!widgetSettingsChanged(before, after) && before.showRemotePhotos === after.showRemotePhotos) return;
      service = makeService();
      sendCommand({ kind: 'reload-widget' });
    };
    const stopWatching = watchSettings({ dir, watch: (d, listener) => watch(d, listener), onChange: () => settingsControl.reload() });
    app.on('will-quit', stopWatching);
    // Registering the dev build as the system's tel: handler would outlive the checkout.
    if (app.isPackaged) {
      const registered = registerProtocolClients(app, process.argv, process.execPath);
      if (registered.length > 0) log(`registered as the handler for ${registered.join(', ')}`);
    }
  });
}
