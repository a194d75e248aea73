/** The window's size and place, kept as JSON in userData between runs (decisions: window-bounds.ts). */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import type { WindowPlace } from './window-bounds';

const fileName = 'window-place.json';

/** What was saved, unchecked; undefined on a first run. */
export function readWindowPlace(userData: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(userData, fileName), 'utf8')) as unknown;
  } catch (error) {
    // No file yet, or a broken one: the window opens at its default size and the next close rewrites it.
    if (error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Saves the window's normal (unmaximized) bounds whenever it closes. */
export function rememberWindowPlace(window: BrowserWindow, userData: string): void {
  window.on('close', () => {
    const place: WindowPlace = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      fs.writeFileSync(path.join(userData, fileName), JSON.stringify(place));
    } catch (error) {
      // Not worth stopping the window from closing: it opens at its default place next time.
      console.warn('Ferry could not remember where its window was:', error);
    }
  });
}
