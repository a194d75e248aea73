/**
 * The native menu bar: macOS's app menu, then File, Edit, View, Queue and Window, with the
 * usual accelerators. Built per platform from roles, so labels and shortcuts are the system's own. Pure.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  addFiles(): void;
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
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Add Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.addFiles() },
      { label: 'Show Library Folder', click: () => actions.openLibrary() },
      { type: 'separator' },
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
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    view,
    queue,
    { role: 'windowMenu' },
  ];
}
