/**
 * The whole app over the fake transport, for the adding tests: the sheets are the App's, opened
 * the way a user opens them (a paste, a drop, the window's focus). `platform` replaces members of
 * the browser platform (a clipboard that answers, a picker that picks).
 */
import { render } from '@testing-library/react';
import type { DeliveryTarget } from '../../../shared/delivery-targets';
import type { Video } from '../../../shared/video';
import { App } from '../../../renderer/src/App';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser-platform';
import type { Platform } from '../../../renderer/src/platform/platform';
import { createVideoStore } from '../../../renderer/src/store/video-store';
import { createFakeTransport, type FakeTransport } from '../../../renderer/src/transport/fake-transport';

export function renderAdd(
  videos: readonly Video[] = [],
  options: {
    platform?: Partial<Platform>;
    prepare?: (fake: FakeTransport) => void;
    /** The delivery targets the fake engine has. */
    targets?: readonly DeliveryTarget[];
  } = {},
) {
  const fake = createFakeTransport(videos, options.targets);
  options.prepare?.(fake);
  const store = createVideoStore(fake.api);
  const platform: Platform = { ...createBrowserPlatform('http://ferry.test'), ...options.platform };
  const result = render(<App api={fake.api} store={store} platform={platform} />);
  return { ...result, fake, store };
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
