import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../electron/main/app-menu';
import { quitsWithLastWindow, trayIconFile, trayMenu, traySummary } from '../../electron/main/tray-menu';
import { totals } from './queue-totals';

const actions = () => ({
  addFiles: vi.fn(),
  importList: vi.fn(),
  openSettings: vi.fn(),
  pauseAll: vi.fn(),
  resumeAll: vi.fn(),
  openLibrary: vi.fn(),
});

/** Every item of a template, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const byLabel = (template: MenuItemConstructorOptions[], label: string) =>
  items(template).find((item) => item.label === label);

describe('the menu bar', () => {
  it("has macOS's app menu on macOS only, and Edit and Window menus everywhere", () => {
    const roles = (platform: NodeJS.Platform) => appMenuTemplate(platform, actions(), false).map((menu) => menu.role);
    expect(roles('darwin')[0]).toBe('appMenu');
    expect(roles('win32')).not.toContain('appMenu');
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(roles(platform)).toEqual(expect.arrayContaining(['editMenu', 'windowMenu']));
    }
  });

  it('adds files with Cmd/Ctrl+O and pauses or resumes all with their shortcuts', () => {
    const menu = actions();
    const template = appMenuTemplate('linux', menu, false);
    const add = byLabel(template, 'Add Files…')!;
    expect(add.accelerator).toBe('CmdOrCtrl+O');
    add.click?.({} as never, undefined, {} as never);
    expect(menu.addFiles).toHaveBeenCalledOnce();
    expect(byLabel(template, 'Pause All')?.accelerator).toBe('CmdOrCtrl+Shift+P');
    expect(byLabel(template, 'Resume All')?.accelerator).toBe('CmdOrCtrl+Shift+R');
  });

  it('quits from File on Windows and Linux, and offers developer tools only to developers', () => {
    const fileRoles = (platform: NodeJS.Platform) =>
      items([byLabel(appMenuTemplate(platform, actions(), false), '&File')!]).map((i) => i.role);
    expect(fileRoles('win32')).toContain('quit');
    expect(fileRoles('darwin')).not.toContain('quit'); // the app menu has it
    expect(items(appMenuTemplate('darwin', actions(), false)).map((i) => i.role)).toContain('quit');
    expect(items(appMenuTemplate('linux', actions(), false)).map((i) => i.role)).not.toContain('toggleDevTools');
    expect(items(appMenuTemplate('linux', actions(), true)).map((i) => i.role)).toContain('toggleDevTools');
  });

  it("opens Settings… with Cmd/Ctrl+, from macOS's app menu, and from File elsewhere", () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const menu = actions();
      const template = appMenuTemplate(platform, menu, false);
      const home = template.find((top) => Array.isArray(top.submenu) && byLabel(top.submenu, 'Settings…'));
      expect(home?.role ?? home?.label).toBe(platform === 'darwin' ? 'appMenu' : '&File');
      const settings = byLabel(template, 'Settings…')!;
      expect(settings.accelerator).toBe('CmdOrCtrl+,');
      settings.click?.({} as never, undefined, {} as never);
      expect(menu.openSettings).toHaveBeenCalledOnce();
    }
  });

  it("keeps macOS's usual app menu around Settings…", () => {
    const appMenu = appMenuTemplate('darwin', actions(), false)[0]!;
    expect(items([appMenu]).map((item) => item.role)).toEqual(
      expect.arrayContaining(['appMenu', 'about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']),
    );
  });

  it('imports a list from File', () => {
    const menu = actions();
    byLabel(appMenuTemplate('win32', menu, false), 'Import List…')!.click?.({} as never, undefined, {} as never);
    expect(menu.importList).toHaveBeenCalledOnce();
  });
});

describe('the tray', () => {
  it('uses a template image on macOS and a colour icon matching the bar elsewhere', () => {
    expect(trayIconFile('darwin', true)).toBe('trayTemplate.png');
    expect(trayIconFile('win32', true)).toBe('tray-dark.png');
    expect(trayIconFile('linux', false)).toBe('tray-light.png');
  });

  it('keeps Ferry working with its window closed where a tray or dock shows it, and quits on Linux', () => {
    expect(quitsWithLastWindow('win32')).toBe(false);
    expect(quitsWithLastWindow('darwin')).toBe(false);
    expect(quitsWithLastWindow('linux')).toBe(true);
  });

  it('sums up the queue', () => {
    expect(traySummary(totals({ downloading: 2, inprogress: 1, queued: 7, error: 1 }))).toBe(
      '3 working, 7 waiting, 1 failed',
    );
    expect(traySummary(totals({ ready: 12 }))).toBe('12 ready');
    expect(traySummary(totals({ queued: 4 }, { paused: true }))).toBe('Paused (4 waiting)');
  });

  it('offers Pause All while running and Resume All while paused, each doing that', () => {
    const tray = { show: vi.fn(), pauseAll: vi.fn(), resumeAll: vi.fn(), quit: vi.fn() };
    const running = trayMenu(totals({ queued: 1 }), tray);
    expect(byLabel(running, 'Resume All')).toBeUndefined();
    byLabel(running, 'Pause All')!.click?.({} as never, undefined, {} as never);
    expect(tray.pauseAll).toHaveBeenCalledOnce();
    const paused = trayMenu(totals({ queued: 1 }, { paused: true }), tray);
    expect(byLabel(paused, 'Pause All')).toBeUndefined();
    byLabel(paused, 'Resume All')!.click?.({} as never, undefined, {} as never);
    expect(tray.resumeAll).toHaveBeenCalledOnce();
    expect(paused[0]).toMatchObject({ label: 'Paused (1 waiting)', enabled: false });
  });
});
