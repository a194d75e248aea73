// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderScreen } from './render-screen';
import { makeTarget } from '../targets/targets';

afterEach(cleanup);

const MiB = 1024 ** 2;
const section = async () => within(await screen.findByRole('region', { name: 'Delivery' }));
const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });

const targets = () => [
  makeTarget('t1', 'Archive'),
  makeTarget('t2', 'Stream', { provider: 'cloudflare', endpoint: 'https://api.cloudflare.com', account: 'abc' }),
];

describe("the settings' delivery section", () => {
  it('saves the targets every finished video goes to as they are ticked, and the upload limit in bytes a second', async () => {
    const { patches } = renderScreen('#/settings', { targets: targets() });
    const delivery = await section();
    const group = within(delivery.getByRole('group', { name: 'Deliver every finished video to' }));
    const stream = await group.findByRole('checkbox', { name: 'Stream (Cloudflare Stream)' });
    expect((group.getByRole('checkbox', { name: 'Archive (TUS server)' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(stream);
    await group.findByRole('checkbox', { name: 'Stream (Cloudflare Stream)', checked: true });
    fireEvent.click(group.getByRole('checkbox', { name: 'Archive (TUS server)' }));
    await group.findByRole('checkbox', { name: 'Archive (TUS server)', checked: true });
    const limit = delivery.getByRole('spinbutton', { name: 'Upload limit (MiB/s)' });
    type(limit, '2.5');
    fireEvent.blur(limit);
    await screen.findByText('All changes saved.');
    expect(patches()).toEqual([
      { delivery: { deliverTo: ['t2'], maxUploadBytesPerSecond: null } },
      { delivery: { deliverTo: ['t1', 't2'], maxUploadBytesPerSecond: null } },
      { delivery: { deliverTo: ['t1', 't2'], maxUploadBytesPerSecond: 2.5 * MiB } },
    ]);

    // Emptied: no limit, and the targets stay as ticked.
    type(limit, '');
    fireEvent.blur(limit);
    await delivery.findByRole('spinbutton', { name: 'Upload limit (MiB/s)', description: /Leave it empty/ });
    await act(async () => {});
    expect(patches().at(-1)).toEqual({ delivery: { deliverTo: ['t1', 't2'], maxUploadBytesPerSecond: null } });
  });

  it('shows what is saved, and a limit too low beside its field in its own unit', async () => {
    const { patches } = renderScreen('#/settings', {
      targets: targets(),
      prepare: (fake) =>
        void fake.api.setSettings({ delivery: { deliverTo: ['t2'], maxUploadBytesPerSecond: 4 * MiB } }),
    });
    const delivery = await section();
    expect(
      ((await delivery.findByRole('checkbox', { name: 'Stream (Cloudflare Stream)' })) as HTMLInputElement).checked,
    ).toBe(true);
    const limit = delivery.getByRole('spinbutton', { name: 'Upload limit (MiB/s)' }) as HTMLInputElement;
    expect(limit.value).toBe('4');
    const before = patches().length;
    type(limit, '0.01');
    fireEvent.blur(limit);
    expect(
      await delivery.findByRole('spinbutton', {
        name: 'Upload limit (MiB/s)',
        description: /at least 0\.0625 MiB\/s.*Not saved: 4 MiB\/s stays\./,
      }),
    ).toBeTruthy();
    expect(patches()).toHaveLength(before);
  });

  it('points to the targets screen when there is no target yet', async () => {
    renderScreen('#/settings');
    const delivery = await section();
    expect((await delivery.findByRole('link', { name: 'Add a target' })).getAttribute('href')).toBe('#/targets');
  });
});
