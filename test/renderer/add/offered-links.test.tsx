// @vitest-environment happy-dom
/**
 * Links a ferry:// link brought (any web page can open one), from main's box through the preload's
 * window.ferryPlatform and the Electron platform into the paste sheet: nothing is queued until the
 * user chooses Queue, they are queued kept to public addresses unless the user ticks the box that
 * allows this computer and its network, and the links refused beyond the bound are told.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOfferedLinksBox } from '../../../electron/main/offered-links';
import { createPlatformHandlers } from '../../../electron/main/platform-handlers';
import type { SenderInfo } from '../../../electron/main/trusted-sender';
import { createPlatformBridge, type Invoke } from '../../../electron/preload/create-platform-bridge';
import { createElectronPlatform } from '../../../renderer/src/platform/electron-platform';
import type { NewLink } from '../../../shared/api';
import { linksOfferedChannel, platformCalls, platformChannels } from '../../../shared/platform-bridge';
import { giveElementsASize } from '../support/render-queue';
import { makeVideo } from '../support/videos';
import { renderAdd } from './render-add';

beforeAll(giveElementsASize);
afterEach(cleanup);

const localLinks = ['http://192.168.1.1/router.mp4', 'http://127.0.0.1:8080/admin.mp4'];
const allowLocal = 'Allow links to this computer and local network';
const known = makeVideo('a', 'talk');

/** Main's box and handlers, the preload's bridge over them, and main's notice to the window (webContents.send). */
function desktop() {
  const box = createOfferedLinksBox();
  const appFrame: SenderInfo = { url: 'file:///app/index.html', isMainFrame: true };
  const handlers = createPlatformHandlers(
    {
      library: '/nowhere',
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      openPath: async () => '',
      readClipboard: () => '',
      takeOfferedLinks: () => box.take(),
    },
    (sender) => sender === appFrame,
  );
  const invoke: Invoke = async (channel, input) => {
    const call = platformCalls.find((name) => platformChannels[name] === channel);
    if (!call) throw new Error(`No handler registered for '${channel}'`);
    return handlers[call](appFrame, input);
  };
  const listeners = new Set<() => void>();
  const bridge = createPlatformBridge(
    invoke,
    () => '',
    (channel, listener) => {
      if (channel !== linksOfferedChannel) throw new Error(`Nothing is sent on '${channel}'`);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  );
  const { offeredLinks } = createElectronPlatform(bridge);
  /** What main does with a ferry:// link's links: into the box, and a notice to the window. */
  const offer = (links: readonly NewLink[]) => {
    box.offer(links);
    act(() => listeners.forEach((listener) => listener()));
  };
  return { offeredLinks, offer };
}

async function offeredSheet(links: readonly NewLink[]) {
  const { offeredLinks, offer } = desktop();
  const rendered = renderAdd([known], { platform: { offeredLinks } });
  await screen.findByRole('list', { name: 'Videos' });
  offer(links);
  const sheet = await screen.findByRole('dialog', { name: 'Add links' });
  await within(sheet).findByRole('list', { name: 'Recognised lines' });
  return { ...rendered, sheet, offer };
}

const queuedInput = (calls: { name: string; input: unknown }[]) => calls.find((c) => c.name === 'addLinks')?.input;

describe('links a ferry:// link brought', () => {
  it('open the paste sheet filled in, queue nothing by themselves, and are queued kept to public addresses', async () => {
    const { sheet, fake } = await offeredSheet(localLinks.map((url) => ({ url })));
    expect((within(sheet).getByLabelText('Links, one per line') as HTMLTextAreaElement).value).toBe(
      localLinks.join('\n'),
    );
    expect(within(sheet).getByText(/came from a ferry:\/\/ link, which any web page can open/)).toBeTruthy();
    const box = within(sheet).getByRole('checkbox', { name: allowLocal }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(fake.calls.filter((c) => c.name === 'addLinks')).toEqual([]);

    fireEvent.click(within(sheet).getByRole('button', { name: 'Queue 2 videos' }));
    expect(await screen.findByText(/Queued 2 videos/)).toBeTruthy();
    expect(queuedInput(fake.calls)).toEqual({
      links: localLinks.map((url) => ({ url })),
      options: { ladder: 'auto', privateNetworks: false },
    });
  });

  it('are queued without the guard once the user ticks the box', async () => {
    const { sheet, fake } = await offeredSheet([{ url: localLinks[0]!, name: 'Router' }]);
    expect((within(sheet).getByLabelText('Name (optional)') as HTMLInputElement).value).toBe('Router');
    fireEvent.click(within(sheet).getByRole('checkbox', { name: allowLocal }));
    fireEvent.click(within(sheet).getByRole('button', { name: 'Queue 1 video' }));
    await screen.findByText(/Queued 1 video/);
    expect(queuedInput(fake.calls)).toEqual({
      links: [{ url: localLinks[0], name: 'Router' }],
      options: { ladder: 'auto' },
    });
  });

  it('are offered 100 at most, the sheet saying how many were refused and why', async () => {
    const urls = Array.from({ length: 5000 }, (_, i) => `https://cdn.example.com/${i}.mp4`);
    const { sheet } = await offeredSheet(urls.map((url) => ({ url })));
    expect(
      within(sheet).getByText(
        '4,900 more links were refused: a ferry:// link may offer at most 100 at a time, since any web page can open one.',
      ),
    ).toBeTruthy();
    expect(within(sheet).getByRole('button', { name: 'Queue 100 videos' })).toBeTruthy();
  });

  it('leave a paste on the page as it was: no box, the links queued as the user pasted them', async () => {
    const { fake } = renderAdd([known], { platform: { offeredLinks: desktop().offeredLinks } });
    await screen.findByRole('list', { name: 'Videos' });
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: { getData: () => localLinks[0] } });
    act(() => void document.body.dispatchEvent(event));
    const sheet = await screen.findByRole('dialog', { name: 'Add links' });
    expect(within(sheet).queryByRole('checkbox', { name: allowLocal })).toBeNull();
    fireEvent.click(await within(sheet).findByRole('button', { name: 'Queue 1 video' }));
    await screen.findByText(/Queued 1 video/);
    expect(queuedInput(fake.calls)).toEqual({ links: [{ url: localLinks[0] }], options: { ladder: 'auto' } });
  });
});
