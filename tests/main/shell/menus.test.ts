import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildAppMenuTemplate } from '../../../src/main/menu/app-menu';
import { buildTrayMenuTemplate, trayIconPath } from '../../../src/main/tray/tray';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
const byId = (items: MenuItemConstructorOptions[], id: string) => flatten(items).find((i) => i.id === id);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

const actions = () => ({
  importContacts: vi.fn(),
  syncContacts: vi.fn(),
  openSettings: vi.fn(),
  openAddressBooks: vi.fn(),
  reload: vi.fn(),
  about: vi.fn(),
  quit: vi.fn(),
});

describe('menu/buildAppMenuTemplate', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('on %s each item calls its action', (platform) => {
    const a = actions();
    const template = buildAppMenuTemplate({ platform, appName: 'Contacts Softphone', actions: a });
    click(byId(template, 'import-contacts'));
    expect(a.importContacts).toHaveBeenCalledTimes(1);
    click(byId(template, 'sync-contacts'));
    expect(a.syncContacts).toHaveBeenCalledTimes(1);
    click(byId(template, 'reload'));
    expect(a.reload).toHaveBeenCalledTimes(1);
    click(byId(template, 'about'));
    expect(a.about).toHaveBeenCalledTimes(1);
    click(byId(template, 'quit'));
    expect(a.quit).toHaveBeenCalledTimes(1);
    click(byId(template, 'settings'));
    expect(a.openSettings).toHaveBeenCalledTimes(1);
    click(byId(template, 'address-books'));
    expect(a.openAddressBooks).toHaveBeenCalledTimes(1);
  });

  it('offers Settings… under File with Ctrl+, on Windows and Linux, Preferences… with Cmd+, in the macOS app menu', () => {
    const linux = buildAppMenuTemplate({ platform: 'linux', appName: 'X', actions: actions() });
    expect(byId(linux, 'settings')).toMatchObject({ label: 'Settings…', accelerator: 'Ctrl+,' });
    const mac = buildAppMenuTemplate({ platform: 'darwin', appName: 'X', actions: actions() });
    const appMenu = mac[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.find((i) => i.id === 'settings')).toMatchObject({ label: 'Preferences…', accelerator: 'Cmd+,' });
    expect(flatten(mac).filter((i) => i.id === 'settings')).toHaveLength(1);
  });

  it('puts Import, Sync and Quit under File on Windows and Linux', () => {
    const template = buildAppMenuTemplate({ platform: 'win32', appName: 'X', actions: actions() });
    const file = template.find((m) => m.label === '&File')!;
    expect((file.submenu as MenuItemConstructorOptions[]).map((i) => i.id).filter(Boolean)).toEqual(['import-contacts', 'sync-contacts', 'address-books', 'settings', 'quit']);
    expect(byId(template, 'quit')!.accelerator).toBe('Ctrl+Q');
    expect(byId(template, 'import-contacts')!.label).toBe('Import Contacts…');
  });

  it('on macOS puts Quit in the app menu with Cmd+Q', () => {
    const template = buildAppMenuTemplate({ platform: 'darwin', appName: 'X', actions: actions() });
    const appMenu = template[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.find((i) => i.id === 'quit')!.accelerator).toBe('Cmd+Q');
  });

  it('has the standard Edit roles so copy and paste work in the widget', () => {
    const template = buildAppMenuTemplate({ platform: 'linux', appName: 'X', actions: actions() });
    const roles = flatten(template).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });
});

describe('tray/buildTrayMenuTemplate', () => {
  const trayActions = () => ({
    toggleWindow: vi.fn(),
    syncContacts: vi.fn(),
    importContacts: vi.fn(),
    openAddressBooks: vi.fn(),
    openSettings: vi.fn(),
    quit: vi.fn(),
  });

  it('offers Show/Hide, Sync, Import, Address Books, Settings and Quit, each calling its action', () => {
    const a = trayActions();
    const template = buildTrayMenuTemplate(a, false);
    expect(template.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual([
      'Show', 'Sync Contacts', 'Import Contacts…', 'Address Books…', 'Settings…', 'Quit',
    ]);
    for (const id of ['toggle-window', 'sync-contacts', 'import-contacts', 'address-books', 'settings', 'quit']) click(byId(template, id));
    for (const fn of Object.values(a)) expect(fn).toHaveBeenCalledTimes(1);
  });

  it('says Hide while the window is visible', () => {
    expect(byId(buildTrayMenuTemplate(trayActions(), true), 'toggle-window')!.label).toBe('Hide');
  });
});

describe('tray/trayIconPath', () => {
  it('uses the light glyph on a dark theme and the dark glyph on a light one', () => {
    expect(trayIconPath('/r', 'linux', true)).toMatch(/tray-light\.png$/);
    expect(trayIconPath('/r', 'win32', false)).toMatch(/tray-dark\.png$/);
  });
});
