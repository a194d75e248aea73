/**
 * The app over the fake transport, in a viewport of a real size: happy-dom lays nothing out, so
 * the list's scroller is given the 800×600 box a window would have, and the virtualiser renders
 * the rows that fit in it as it would in Chromium.
 */
import { render } from '@testing-library/react';
import type { DeliveryTarget } from '../../../shared/delivery-targets';
import type { Video } from '../../../shared/video';
import { App } from '../../../renderer/src/App';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser-platform';
import type { Platform } from '../../../renderer/src/platform/platform';
import { createVideoStore } from '../../../renderer/src/store/video-store';
import { createFakeTransport, type FakeTransport } from '../../../renderer/src/transport/fake-transport';

export const viewport = { width: 800, height: 600 };

/** The virtualiser reads a scroller's clientWidth and clientHeight. */
export function giveElementsASize(): void {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => viewport.width });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => viewport.height });
}

export interface RenderOptions {
  windowSize?: number;
  /** Changes the fake before the app first asks it anything (to make a command fail, say). */
  prepare?: (fake: FakeTransport) => void;
  /** Replaces members of the browser platform (a clipboard that answers, a picker that picks). */
  platform?: Partial<Platform>;
  /** The delivery targets the fake engine has. */
  targets?: readonly DeliveryTarget[];
}

export function renderQueue(videos: readonly Video[], options: RenderOptions = {}) {
  const fake = createFakeTransport(videos, options.targets);
  options.prepare?.(fake);
  const store = createVideoStore(fake.api, options.windowSize);
  const platform: Platform = { ...createBrowserPlatform('http://ferry.test'), ...options.platform };
  const result = render(<App api={fake.api} store={store} platform={platform} />);
  return { ...result, fake, store };
}
