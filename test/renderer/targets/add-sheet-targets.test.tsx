// @vitest-environment happy-dom
/** The targets an add sheet offers: the settings' own ticked to begin with, and what the user changes sent as chosen. */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeTransport } from '../../../renderer/src/transport/fake-transport';
import { pasteOnPage, renderAdd } from '../add/render-add';
import { makeTarget } from './targets';

afterEach(cleanup);

const link = 'https://media.example.test/talk.mp4';

/** Two targets, the first delivered to by default; a third default id is a target removed since. */
const targets = [
  makeTarget('t1', 'Archive'),
  makeTarget('t2', 'Stream', { provider: 'cloudflare', endpoint: 'https://api.cloudflare.com', account: 'a' }),
];

function prepare(fake: FakeTransport) {
  void fake.api.setSettings({ delivery: { deliverTo: ['t1', 'gone'], maxUploadBytesPerSecond: null } });
}

async function openSheet() {
  const rendered = renderAdd([], { prepare, targets });
  await screen.findByRole('heading', { level: 2 });
  act(() => pasteOnPage(link));
  const sheet = within(await screen.findByRole('dialog', { name: 'Add links' }));
  const group = within(sheet.getByRole('group', { name: 'Deliver to' }));
  await group.findByRole('checkbox', { name: /Archive/ });
  return { ...rendered, sheet, group };
}

const sentOptions = (fake: FakeTransport) => {
  const call = fake.calls.find((c) => c.name === 'addLinks');
  return (call?.input as { options?: unknown } | undefined)?.options;
};

describe("an add sheet's delivery targets", () => {
  it("ticks the settings' targets to begin with, names each service, and leaves the settings to the engine", async () => {
    const { sheet, group, fake } = await openSheet();
    expect((group.getByRole('checkbox', { name: 'Archive (TUS server)' }) as HTMLInputElement).checked).toBe(true);
    expect((group.getByRole('checkbox', { name: 'Stream (Cloudflare Stream)' }) as HTMLInputElement).checked).toBe(
      false,
    );
    fireEvent.click(await sheet.findByRole('button', { name: 'Queue 1 video' }));
    await screen.findByText(/Queued 1 video/);
    expect(sentOptions(fake)).toEqual({ ladder: 'auto' });
  });

  it('sends the targets as changed, only ones that exist, and an empty list when all are unticked', async () => {
    const first = await openSheet();
    fireEvent.click(first.group.getByRole('checkbox', { name: /Stream/ }));
    fireEvent.click(await first.sheet.findByRole('button', { name: 'Queue 1 video' }));
    await screen.findByText(/Queued 1 video/);
    expect(sentOptions(first.fake)).toEqual({ ladder: 'auto', deliverTo: ['t1', 't2'] });
    cleanup();

    const second = await openSheet();
    fireEvent.click(second.group.getByRole('checkbox', { name: /Archive/ }));
    fireEvent.click(await second.sheet.findByRole('button', { name: 'Queue 1 video' }));
    await screen.findByText(/Queued 1 video/);
    expect(sentOptions(second.fake)).toEqual({ ladder: 'auto', deliverTo: [] });
  });
});
