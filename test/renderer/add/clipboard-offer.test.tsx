// @vitest-environment happy-dom
/**
 * The clipboard watcher: off by default; when the setting is on and the window gets focus, links
 * copied elsewhere are offered once, and the offer opens the paste sheet with them. A clipboard
 * the platform may not read is said once.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeTransport } from '../../../renderer/src/transport/fake-transport';
import { giveElementsASize } from '../support/render-queue';
import { renderAdd } from './render-add';

beforeAll(giveElementsASize);
afterEach(cleanup);

const watching = (fake: FakeTransport) => {
  const { getSettings } = fake.api;
  fake.api.getSettings = async () => {
    const settings = await getSettings();
    return { ...settings, ui: { ...settings.ui, watchClipboard: true } };
  };
};

/** A clipboard that answers `text` (or refuses) and counts how often it was read. */
function clipboard(text: string | null) {
  const reads = { count: 0 };
  const readClipboard = async () => {
    reads.count++;
    if (text === null) throw new Error('Read permission denied.');
    return text;
  };
  return { reads, readClipboard };
}

async function focusWindow() {
  await act(async () => {
    window.dispatchEvent(new Event('focus'));
    await Promise.resolve();
  });
}

/** With the watcher on, the window focused once the setting is in: the offer that then shows. */
async function offerOnFocus(readClipboard: () => Promise<string>) {
  renderAdd([], { platform: { readClipboard }, prepare: watching });
  await screen.findByRole('heading', { name: 'No videos yet' });
  // The setting is read from the engine: the watcher starts once it is in.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  await focusWindow();
  return screen.findByRole('complementary', { name: 'Clipboard' });
}

describe('the clipboard offer', () => {
  it('is off by default: focus reads nothing', async () => {
    const { reads, readClipboard } = clipboard('https://a.test/1.mp4');
    renderAdd([], { platform: { readClipboard } });
    await screen.findByRole('heading', { name: 'No videos yet' });
    await focusWindow();
    expect(reads.count).toBe(0);
    expect(screen.queryByRole('complementary', { name: 'Clipboard' })).toBeNull();
  });

  it('offers links copied elsewhere once, and opens the paste sheet with them', async () => {
    const { readClipboard } = clipboard('see https://a.test/1.mp4 and https://a.test/2.mp4');
    const offer = await offerOnFocus(readClipboard);
    expect(offer.textContent).toContain('2 links copied:');
    fireEvent.click(within(offer).getByRole('button', { name: 'Add…' }));

    const sheet = await screen.findByRole('dialog', { name: 'Add links' });
    const rows = within(await within(sheet).findByRole('list', { name: 'Recognised lines' })).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('https://a.test/1.mp4'),
      expect.stringContaining('https://a.test/2.mp4'),
    ]);
    expect(within(sheet).getByRole('button', { name: 'Queue 2 videos' })).toBeTruthy();
    fireEvent.click(within(sheet).getByRole('button', { name: 'Cancel' }));

    // The same copy is not offered again.
    await focusWindow();
    expect(screen.queryByRole('complementary', { name: 'Clipboard' })).toBeNull();
  });

  it('says once when the clipboard may not be read, then stays quiet', async () => {
    const { reads, readClipboard } = clipboard(null);
    const offer = await offerOnFocus(readClipboard);
    expect(offer.textContent).toContain('may not read the clipboard');
    fireEvent.click(within(offer).getByRole('button', { name: 'Dismiss' }));
    await focusWindow();
    expect(reads.count).toBe(1);
    expect(screen.queryByRole('complementary', { name: 'Clipboard' })).toBeNull();
  });
});
