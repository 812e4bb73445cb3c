/** The Settings window (menu and tray: Settings…; macOS: Preferences…, ⌘,). */
import { createUtilityWindow, type UtilityWindow, type UtilityWindowDeps } from './utility-window';

export function createSettingsWindow(deps: Omit<UtilityWindowDeps, 'title' | 'width' | 'height'>): UtilityWindow {
  return createUtilityWindow({ ...deps, title: 'Settings', width: 560, height: 680 });
}
