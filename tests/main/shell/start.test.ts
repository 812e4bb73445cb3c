import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ElectronApi } from '../../../src/main/app/electron-api';
import type { StartHost } from '../../../src/main/app/start';
import { databasePath, settingsPath } from '../../../src/main/config/paths';
import { updateToVersion } from '../../../src/main/contacts/db/migrate';
import { LATEST_VERSION } from '../../../src/main/contacts/db/migrations';
import { CHANNELS } from '../../../src/shared/ipc';

/**
 * start() as built (electron-vite's out/main/start.js, with the import worker's real path),
 * driven against a recording stand-in for the Electron API. The stand-in logs every call that
 * installs something, in order, and plays Electron's part where start() relies on it: `ready`
 * when the test says so, `web-contents-created` for each new window, the open dialog.
 */
const root = resolve(__dirname, '../../..');
// Inside the project, so the bundle's require('better-sqlite3') finds node_modules.
const outDir = join(root, 'node_modules', '.cache', `start-test-${process.pid}`);
const fixture = join(root, 'tests', 'fixtures', 'vcard', 'v30-types-and-escapes.vcf');

type Listener = (...args: unknown[]) => unknown;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A recording Electron: `events` lists what was installed or done, in order. */
function createStandIn(userData: string) {
  const events: string[] = [];
  const appHandlers = new Map<string, Listener[]>();
  const ipc = new Map<string, { kind: 'handle' | 'on'; listener: Listener }>();
  const ready = deferred<void>();
  const summaryShown = deferred<void>();
  let nextContentsId = 1;
  let appMenu: MenuItemConstructorOptions[] = [];
  const windows: BrowserWindow[] = [];
  const emitApp = (event: string, ...args: unknown[]) => appHandlers.get(event)?.forEach((f) => f(...args));

  const app = {
    isPackaged: false,
    setPath: (name: string) => events.push(`app.setPath ${name}`),
    getPath: (name: string) => (name === 'userData' ? userData : join(userData, name)),
    getAppPath: () => root,
    getName: () => 'Contacts Softphone',
    getVersion: () => '0.0.0-test',
    enableSandbox: () => events.push('app.enableSandbox'),
    isReady: () => false,
    commandLine: {
      getSwitchValue: () => '',
      appendSwitch: (name: string, value = '') => events.push(`app.commandLine.appendSwitch ${name} ${value}`),
    },
    setAppUserModelId: (id: string) => events.push(`app.setAppUserModelId ${id}`),
    requestSingleInstanceLock: () => true,
    on: (event: string, listener: Listener) => {
      events.push(`app.on ${event}`);
      appHandlers.set(event, [...(appHandlers.get(event) ?? []), listener]);
    },
    whenReady: () => ready.promise,
    quit: () => events.push('app.quit'),
    exit: (code: number) => events.push(`app.exit ${code}`),
    setAboutPanelOptions: () => undefined,
    showAboutPanel: () => undefined,
    getApplicationNameForProtocol: () => '',
    setAsDefaultProtocolClient: () => true,
  };

  class BrowserWindow {
    readonly id: number;
    readonly webContents: Record<string, unknown>;
    private readonly handlers = new Map<string, Listener[]>();
    constructor(readonly options: Record<string, unknown>) {
      this.id = nextContentsId++;
      const id = this.id;
      windows.push(this);
      events.push(`window#${id} created`);
      this.webContents = {
        id,
        opener: null,
        on: (event: string) => events.push(`contents#${id}.on ${event}`),
        setWindowOpenHandler: () => events.push(`contents#${id}.setWindowOpenHandler`),
        send: () => undefined,
        reload: () => undefined,
      };
      emitApp('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      events.push(`window#${this.id}.loadURL ${url}`);
      return Promise.resolve();
    }
    on(event: string, listener: Listener) {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    isDestroyed = () => false;
    isVisible = () => true;
    isMinimized = () => false;
    isFocused = () => true;
    show = () => undefined;
    hide = () => events.push(`window#${this.id}.hide`);
    focus = () => undefined;
    restore = () => undefined;
    minimize = () => events.push(`window#${this.id}.minimize`);
    /** What the user's click on the close button makes Electron do. */
    close() {
      let prevented = false;
      for (const listener of this.handlers.get('close') ?? []) listener({ preventDefault: () => (prevented = true) });
      if (!prevented) events.push(`window#${this.id} closed`);
    }
    setProgressBar = () => undefined;
  }

  const api = {
    app,
    protocol: {
      registerSchemesAsPrivileged: (schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) =>
        events.push(`protocol.registerSchemesAsPrivileged ${schemes.map((s) => `${s.scheme}(${Object.keys(s.privileges).sort().join(',')})`).join(' ')}`),
      handle: (scheme: string) => events.push(`protocol.handle ${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: unknown) => events.push(`session.setPermissionRequestHandler ${handler ? 'installed' : 'cleared'}`),
        setPermissionCheckHandler: (handler: unknown) => events.push(`session.setPermissionCheckHandler ${handler ? 'installed' : 'cleared'}`),
      },
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => ipc.set(channel, { kind: 'handle', listener }),
      on: (channel: string, listener: Listener) => ipc.set(channel, { kind: 'on', listener }),
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: false, filePaths: [fixture] }),
      showMessageBox: async () => {
        summaryShown.resolve();
        return { response: 0 };
      },
      showMessageBoxSync: () => 1,
      showErrorBox: (title: string, message: string) => events.push(`dialog.showErrorBox ${message}`),
    },
    clipboard: { writeText: () => undefined },
    shell: { openExternal: async () => undefined },
    Notification: Object.assign(
      class {
        constructor() {
          events.push('new Notification');
        }
      },
      { isSupported: () => false },
    ),
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => (appMenu = menu),
    },
    Tray: class {
      setContextMenu() {}
      setToolTip() {}
      setImage() {}
      on() {}
      destroy() {}
    },
    nativeImage: { createFromPath: (path: string) => ({ path, setTemplateImage: () => undefined }) },
    nativeTheme: { shouldUseDarkColors: false, on: () => undefined },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(text).reverse(),
      decryptString: (data: Buffer) => Buffer.from(data).reverse().toString(),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
  };

  const workers: Array<{ path: string; messages: Array<{ type: string; result?: { ok: boolean } }>; exited: Promise<number> }> = [];
  const host = (platform: NodeJS.Platform): StartHost => ({
    platform,
    createWorker: (path: string, options: WorkerOptions) => {
      events.push('createWorker');
      const worker = new Worker(path, options);
      const record = { path, messages: [] as Array<{ type: string; result?: { ok: boolean } }>, exited: new Promise<number>((r) => worker.on('exit', r)) };
      worker.on('message', (message: { type: string; result?: { ok: boolean } }) => record.messages.push(message));
      workers.push(record);
      return worker;
    },
  });

  return {
    api: api as unknown as ElectronApi,
    host,
    events,
    ipc,
    workers,
    windows,
    summaryShown: summaryShown.promise,
    menuItem: (id: string) =>
      appMenu.flatMap((item) => [item, ...((item.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]).find((item) => item.id === id),
    /** Electron's `ready`: start()'s whenReady() continuation runs, then the test goes on. */
    async ready() {
      events.push('-- ready --');
      ready.resolve();
      await new Promise((r) => setTimeout(r, 0));
    },
    quit: () => emitApp('will-quit'),
  };
}

type StandIn = ReturnType<typeof createStandIn>;

let start: (api: ElectronApi, host: StartHost) => void;
let userData: string;
let standIn: StandIn | null = null;

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', outDir], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
  start = (createRequire(__filename)(join(outDir, 'main', 'start.js')) as { start: typeof start }).start;
}, 120_000);

afterEach(() => {
  standIn?.quit(); // closes the database and the settings watcher
  standIn = null;
  rmSync(userData, { recursive: true, force: true });
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** A user-data folder holding an address book one schema version behind the app's. */
function seedOldDatabase(): string {
  userData = mkdtempSync(join(tmpdir(), 'start-test-'));
  const db = new Sqlite(databasePath(userData));
  updateToVersion(db, LATEST_VERSION - 1);
  // Marks the file as ours (a version-0 file is otherwise empty, which needs no backup).
  db.exec("CREATE TABLE seed_marker (note TEXT); INSERT INTO seed_marker VALUES ('before the upgrade')");
  db.close();
  return userData;
}

async function started(platform: NodeJS.Platform = 'linux', settings: Record<string, unknown> = {}): Promise<StandIn> {
  standIn = createStandIn(seedOldDatabase());
  writeFileSync(settingsPath(userData), JSON.stringify(settings));
  start(standIn.api, standIn.host(platform));
  await standIn.ready();
  return standIn;
}

const at = (events: string[], event: string): number => {
  const index = events.indexOf(event);
  expect(index, `${event} in\n${events.join('\n')}`).toBeGreaterThanOrEqual(0);
  return index;
};

describe('app/start', () => {
  it('registers the privileged app: scheme before ready', async () => {
    const { events } = await started();
    const registered = events.find((e) => e.startsWith('protocol.registerSchemesAsPrivileged'));
    expect(registered).toMatch(/ app\(.*secure.*standard.*\)/);
    expect(at(events, registered!)).toBeLessThan(at(events, '-- ready --'));
    expect(at(events, 'app.enableSandbox')).toBeLessThan(at(events, '-- ready --'));
  });

  it('keeps third-party storage for the cross-site widget frame, switched before ready', async () => {
    const { events } = await started();
    const switched = events.find((e) => e.startsWith('app.commandLine.appendSwitch disable-features '));
    expect(switched?.split(' ').at(-1)?.split(',')).toContain('TrackingProtection3pcd');
    expect(at(events, switched!)).toBeLessThan(at(events, '-- ready --'));
  });

  it('installs the permission handlers, navigation and window-open policies and the app protocol before the first window loads', async () => {
    const { events } = await started();
    const firstLoad = events.findIndex((e) => /^window#\d+\.loadURL /.test(e));
    expect(firstLoad).toBeGreaterThan(0);
    const window = /^window#(\d+)/.exec(events[firstLoad]!)![1];
    for (const installed of [
      'protocol.handle app',
      'session.setPermissionRequestHandler installed',
      'session.setPermissionCheckHandler installed',
      `contents#${window}.on will-navigate`,
      `contents#${window}.on will-redirect`,
      `contents#${window}.setWindowOpenHandler`,
    ]) {
      expect(at(events, installed), installed).toBeLessThan(firstLoad);
    }
    expect(events[firstLoad]).toBe(`window#${window}.loadURL app://softphone/index.html`);
  });

  it('backs the database up before migrating it', async () => {
    await started();
    const backups = readdirSync(join(userData, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Sqlite(join(userData, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_VERSION - 1);
    expect(backup.prepare('SELECT note FROM seed_marker').pluck().get()).toBe('before the upgrade');
    backup.close();
    const live = new Sqlite(databasePath(userData), { readonly: true });
    expect(live.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    live.close();
  });

  it('registers every channel of the registry through the gate, which refuses a page not ours', async () => {
    const { ipc } = await started();
    const inbound = Object.values(CHANNELS).filter((spec) => spec.kind !== 'listen');
    expect([...ipc.keys()].sort()).toEqual(inbound.map((spec) => spec.channel).sort());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const forged = { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } };
      for (const spec of inbound) {
        const registered = ipc.get(spec.channel)!;
        expect(registered.kind).toBe(spec.kind === 'invoke' ? 'handle' : 'on');
        const answer = await registered.listener(forged, {});
        if (spec.kind === 'invoke') expect(answer, spec.channel).toMatchObject({ ok: false });
        expect(warn.mock.calls.some(([line]) => String(line).includes(`ipc ${spec.channel} rejected`)), spec.channel).toBe(true);
      }
    } finally {
      warn.mockRestore();
    }
  });

  it('imports through the worker built into the app, from File > Import Contacts…', async () => {
    const s = await started();
    (s.menuItem('import-contacts')!.click as () => void)();
    await s.summaryShown;
    expect(s.workers).toHaveLength(1);
    const [worker] = s.workers;
    expect(worker!.path.startsWith(join(outDir, 'main') + sep)).toBe(true);
    expect(existsSync(worker!.path)).toBe(true);
    expect(await worker!.exited).toBe(0);
    expect(worker!.messages.at(-1)).toMatchObject({ type: 'done', result: { ok: true } });
    const db = new Sqlite(databasePath(userData), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBeGreaterThan(0);
    db.close();
  });

  const hidden = ['window#1.hide'];
  const minimized = ['window#1.minimize'];
  it.each([
    ['tray', hidden],
    ['minimize', minimized],
    ['quit', ['app.quit', 'window#1 closed']],
    // Unset: this platform's default (Linux minimize, elsewhere the tray).
    [undefined, process.platform === 'linux' ? minimized : hidden],
  ] as const)('with closeAction %s closing the main window does %j', async (closeAction, expected) => {
    const s = await started('linux', closeAction ? { closeAction } : {});
    const before = s.events.length;
    s.windows[0]!.close();
    expect(s.events.slice(before)).toEqual(expected);
  });

  it('sets the Windows AppUserModelID first of all, before any notification can be shown', async () => {
    const { events } = await started('win32');
    expect(events[0]).toBe(`app.setAppUserModelId ${process.execPath}`);
  });

  it('sets no AppUserModelID elsewhere', async () => {
    const { events } = await started('linux');
    expect(events.some((e) => e.startsWith('app.setAppUserModelId'))).toBe(false);
  });
});
