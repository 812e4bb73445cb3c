import { describe, expect, it, vi } from 'vitest';
import { createContactWindows, getContactWindowOptions } from '../../../src/main/windows/contact-window';
import { createMainWindow, getMainWindowOptions } from '../../../src/main/windows/main-window';

const SECURE = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
};

describe('windows/getMainWindowOptions', () => {
  it('sets every security preference explicitly', () => {
    const options = getMainWindowOptions({ preload: '/app/out/preload/index.cjs', appOrigin: 'app://softphone' });
    expect(options.webPreferences).toEqual({
      ...SECURE,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/out/preload/index.cjs',
      navigateOnDragDrop: false,
      spellcheck: true,
      additionalArguments: ['--softphone-app-origin=app://softphone'],
      // A softphone hidden in the tray must still ring and keep its timers.
      backgroundThrottling: false,
    });
  });

  it('creates the window hidden and shows it once ready', () => {
    const handlers = new Map<string, () => void>();
    const win = { once: vi.fn((e: string, f: () => void) => handlers.set(e, f)), show: vi.fn(), loadURL: vi.fn(() => Promise.resolve()) };
    const createWindow = vi.fn((_options: unknown) => win);
    createMainWindow({ createWindow: createWindow as never, preload: '/p.cjs', appOrigin: 'app://softphone', url: 'app://softphone/index.html' });
    expect(createWindow.mock.calls[0]![0]).toMatchObject({ show: false });
    expect(win.loadURL).toHaveBeenCalledWith('app://softphone/index.html');
    expect(win.show).not.toHaveBeenCalled();
    handlers.get('ready-to-show')!();
    expect(win.show).toHaveBeenCalled();
  });
});

describe('windows/getContactWindowOptions', () => {
  it('uses the same hardened preferences', () => {
    expect(getContactWindowOptions({ preload: '/p.cjs', appOrigin: 'app://softphone' }, 'Ada').webPreferences).toMatchObject(SECURE);
  });
});

function fakeWindowFactory() {
  let nextId = 10;
  const windows: Array<ReturnType<typeof makeWindow>> = [];
  const makeWindow = () => {
    const handlers = new Map<string, () => void>();
    let destroyed = false;
    const win = {
      webContents: { id: nextId++ },
      once: vi.fn((e: string, f: () => void) => handlers.set(e, f)),
      on: vi.fn((e: string, f: () => void) => handlers.set(e, f)),
      loadURL: vi.fn(() => Promise.resolve()),
      show: vi.fn(),
      focus: vi.fn(),
      restore: vi.fn(),
      isMinimized: vi.fn(() => true),
      isDestroyed: vi.fn(() => destroyed),
      emit(e: string) {
        if (e === 'closed') destroyed = true;
        handlers.get(e)?.();
      },
    };
    return win;
  };
  const createWindow = vi.fn(() => {
    const win = makeWindow();
    windows.push(win);
    return win;
  });
  return { createWindow, windows };
}

describe('windows/createContactWindows', () => {
  const setup = () => {
    const factory = fakeWindowFactory();
    const registry = createContactWindows({
      createWindow: factory.createWindow as never,
      preload: '/p.cjs',
      appOrigin: 'app://softphone',
      url: 'app://softphone/contact.html',
    });
    return { ...factory, registry };
  };

  it('opens one window per contact and focuses it on a second request', () => {
    const { registry, createWindow, windows } = setup();
    registry.open('7', 'Ada');
    registry.open('7', 'Ada');
    expect(createWindow).toHaveBeenCalledTimes(1);
    expect(windows[0]!.restore).toHaveBeenCalled();
    expect(windows[0]!.focus).toHaveBeenCalled();
    registry.open('8', 'Bob');
    expect(createWindow).toHaveBeenCalledTimes(2);
    expect(registry.count()).toBe(2);
  });

  it('knows which contact each window shows, and forgets a closed window', () => {
    const { registry, windows } = setup();
    registry.open('7', 'Ada');
    const id = windows[0]!.webContents.id;
    expect(registry.contactIdFor(id)).toBe('7');
    expect(registry.isContactWindow(id)).toBe(true);
    expect(registry.isContactWindow(999)).toBe(false);
    windows[0]!.emit('closed');
    expect(registry.contactIdFor(id)).toBeUndefined();
    registry.open('7', 'Ada');
    expect(windows).toHaveLength(2);
  });

  it('loads the contact page, never a URL with the id in it', () => {
    const { registry, windows } = setup();
    registry.open('7', 'Ada');
    expect(windows[0]!.loadURL).toHaveBeenCalledWith('app://softphone/contact.html');
  });
});
