import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

interface FakeImage {
  path: string;
  template: boolean;
  setTemplateImage(on: boolean): void;
}

const electron = {
  appMenu: null as MenuItemConstructorOptions[] | null,
  trays: [] as Array<{ image: FakeImage; menu: MenuItemConstructorOptions[] | null; handlers: Map<string, () => void> }>,
  themeHandlers: [] as Array<() => void>,
  dark: false,
};

const fakeElectron = {
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
    setApplicationMenu: (menu: MenuItemConstructorOptions[]) => (electron.appMenu = menu),
  },
  Tray: class {
    state = { image: null as unknown as FakeImage, menu: null as MenuItemConstructorOptions[] | null, handlers: new Map<string, () => void>() };
    constructor(image: FakeImage) {
      this.state.image = image;
      electron.trays.push(this.state);
    }
    setContextMenu(menu: MenuItemConstructorOptions[]) {
      this.state.menu = menu;
    }
    setToolTip() {}
    setImage(image: FakeImage) {
      this.state.image = image;
    }
    on(event: string, handler: () => void) {
      this.state.handlers.set(event, handler);
    }
  },
  nativeImage: {
    createFromPath: (p: string): FakeImage => ({
      path: p,
      template: false,
      setTemplateImage(on: boolean) {
        this.template = on;
      },
    }),
  },
  nativeTheme: {
    get shouldUseDarkColors() {
      return electron.dark;
    },
    on: (_e: string, handler: () => void) => electron.themeHandlers.push(handler),
  },
};

import { installShellUi } from '../../../src/main/app/shell-ui';

function setup(platform: NodeJS.Platform = 'linux') {
  const windowHandlers = new Map<string, () => void>();
  let visible = true;
  const window = {
    isVisible: () => visible,
    isFocused: () => true,
    isMinimized: () => false,
    hide: vi.fn(() => {
      visible = false;
      windowHandlers.get('hide')?.();
    }),
    show: vi.fn(() => {
      visible = true;
      windowHandlers.get('show')?.();
    }),
    restore: vi.fn(),
    focus: vi.fn(),
    on: (e: string, f: () => void) => windowHandlers.set(e, f),
    webContents: { reload: vi.fn() },
  };
  const app = {
    getName: () => 'Contacts Softphone',
    getVersion: () => '0.1.0',
    getAppPath: () => '/app',
    setAboutPanelOptions: vi.fn(),
    showAboutPanel: vi.fn(),
  };
  const deps = { importContacts: vi.fn(), syncContacts: vi.fn(), openSettings: vi.fn(), openAddressBooks: vi.fn(), quit: vi.fn(), log: vi.fn() };
  installShellUi({ electron: fakeElectron as never, platform, app: app as never, window: window as never, ...deps });
  return { window, app, deps, tray: electron.trays.at(-1)! };
}

const item = (menu: MenuItemConstructorOptions[] | null, id: string): MenuItemConstructorOptions | undefined =>
  (menu ?? []).flatMap((i) => [i, ...((i.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]).find((i) => i.id === id);

describe('app/installShellUi', () => {
  it('wires the application menu to the actions and the window', () => {
    const { window, app, deps } = setup();
    (item(electron.appMenu, 'import-contacts')!.click as () => void)();
    (item(electron.appMenu, 'reload')!.click as () => void)();
    (item(electron.appMenu, 'about')!.click as () => void)();
    (item(electron.appMenu, 'quit')!.click as () => void)();
    expect(deps.importContacts).toHaveBeenCalled();
    expect(window.webContents.reload).toHaveBeenCalled();
    expect(app.showAboutPanel).toHaveBeenCalled();
    expect(deps.quit).toHaveBeenCalled();
  });

  it('keeps the tray Show/Hide label in step with the window', () => {
    const { tray } = setup();
    expect(item(tray.menu, 'toggle-window')!.label).toBe('Hide');
    (item(tray.menu, 'toggle-window')!.click as () => void)();
    expect(item(tray.menu, 'toggle-window')!.label).toBe('Show');
    (item(tray.menu, 'sync-contacts')!.click as () => void)();
  });

  it('switches the tray icon with the OS theme', () => {
    electron.dark = false;
    const { tray } = setup('linux');
    expect(tray.image.path).toMatch(/tray-dark\.png$/);
    electron.dark = true;
    electron.themeHandlers.at(-1)!();
    expect(tray.image.path).toMatch(/tray-light\.png$/);
    expect(tray.image.template).toBe(false);
  });

  it('gives macOS a template image, which the menu bar recolours itself, whatever the theme', () => {
    electron.dark = false;
    const { tray } = setup('darwin');
    expect(tray.image).toMatchObject({ template: true });
    expect(tray.image.path).toMatch(/tray-dark\.png$/);
    electron.dark = true;
    electron.themeHandlers.at(-1)!();
    expect(tray.image).toMatchObject({ template: true });
  });
});
