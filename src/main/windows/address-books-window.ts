/** The Address books window (menu and tray): every source, its state and its actions. */
import { createUtilityWindow, type UtilityWindow, type UtilityWindowDeps } from './utility-window';

export function createAddressBooksWindow(deps: Omit<UtilityWindowDeps, 'title' | 'width' | 'height'>): UtilityWindow {
  return createUtilityWindow({ ...deps, title: 'Address Books', width: 820, height: 520 });
}
