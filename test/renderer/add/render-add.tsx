/**
 * The whole app over the fake transport (support/render-queue.tsx), for the adding tests, and the
 * ways a user opens the sheets: a paste, a drop.
 */
import type { Video } from '../../../shared/video';
import { renderQueue, type RenderOptions } from '../support/render-queue';

export function renderAdd(videos: readonly Video[] = [], options: Omit<RenderOptions, 'windowSize'> = {}) {
  return renderQueue(videos, options);
}

/** What Ctrl/Cmd+V on the page (outside a text field) hands the page. */
export function pasteOnPage(text: string): void {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
  document.body.dispatchEvent(event);
}

/** A drop of these files on the page, as a DataTransfer from the desktop would carry them. */
export function dropOnPage(files: readonly File[]): void {
  const dataTransfer = {
    types: ['Files'],
    items: files.map((file) => ({ kind: 'file', webkitGetAsEntry: () => null, getAsFile: () => file })),
    files,
  };
  for (const type of ['dragover', 'drop']) {
    const event = new Event(type, { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
    document.body.dispatchEvent(event);
  }
}
