/**
 * The native menu bar: macOS's app menu, then File, Edit, View, Queue and Window, with the
 * usual accelerators. Built per platform from roles, so labels and shortcuts are the system's own;
 * Settings… sits where each system expects it (the app menu on macOS, File elsewhere). Pure.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  addFiles(): void;
  importList(): void;
  openSettings(): void;
  pauseAll(): void;
  resumeAll(): void;
  openLibrary(): void;
}

export function appMenuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
  developer: boolean,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.openSettings(),
  };
  // macOS's own app menu, with Settings… where its apps have it; the role keeps the app's name as its title.
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Add Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.addFiles() },
      { label: 'Import List…', click: () => actions.importList() },
      { label: 'Show Library Folder', click: () => actions.openLibrary() },
      { type: 'separator' },
      ...(mac ? [] : ([settings, { type: 'separator' }] as MenuItemConstructorOptions[])),
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(developer
        ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const queue: MenuItemConstructorOptions = {
    label: '&Queue',
    submenu: [
      { label: 'Pause All', accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.pauseAll() },
      { label: 'Resume All', accelerator: 'CmdOrCtrl+Shift+R', click: () => actions.resumeAll() },
    ],
  };
  return [...(mac ? [appMenu] : []), file, { role: 'editMenu' }, view, queue, { role: 'windowMenu' }];
}
