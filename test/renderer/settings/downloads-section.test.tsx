// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderScreen } from './render-screen';

afterEach(cleanup);

const MiB = 1024 ** 2;
const section = async () => within(await screen.findByRole('region', { name: 'Downloads' }));
const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });
const answers = () => act(async () => {});

describe("the settings' downloads section", () => {
  it('saves a download limit for all downloads together, in bytes a second, and lifts it when emptied', async () => {
    const { fake } = renderScreen('#/settings');
    const downloads = await section();
    const limit = downloads.getByRole('spinbutton', { name: 'Download limit (MiB/s)' }) as HTMLInputElement;
    expect(limit.value).toBe('');
    type(limit, '1.5');
    fireEvent.blur(limit);
    await answers();
    expect((await fake.api.getSettings()).download.maxBytesPerSecond).toBe(1.5 * MiB);
    type(limit, '');
    fireEvent.blur(limit);
    await answers();
    expect((await fake.api.getSettings()).download.maxBytesPerSecond).toBeNull();
  });

  it('limits downloads to the night when turned on, then to the hours typed, and to any time when turned off', async () => {
    const { fake } = renderScreen('#/settings');
    const downloads = await section();
    const from = downloads.getByLabelText('From') as HTMLInputElement;
    expect(from.disabled).toBe(true);
    fireEvent.click(downloads.getByRole('checkbox', { name: 'Download only between these hours' }));
    await downloads.findByRole('checkbox', { name: 'Download only between these hours', checked: true });
    expect((await fake.api.getSettings()).download.hours).toEqual({ start: '22:00', end: '07:00' });
    type(from, '23:30');
    fireEvent.blur(from);
    await answers();
    expect((await fake.api.getSettings()).download.hours).toEqual({ start: '23:30', end: '07:00' });

    // The same hour twice is no window: refused beside the field, the saved hours kept.
    const until = downloads.getByLabelText('Until');
    type(until, '23:30');
    fireEvent.blur(until);
    expect(await downloads.findByText(/needs an end different from its start.*Not saved: 07:00 stays/i)).toBeTruthy();
    expect((await fake.api.getSettings()).download.hours).toEqual({ start: '23:30', end: '07:00' });

    fireEvent.click(downloads.getByRole('checkbox', { name: 'Download only between these hours' }));
    await downloads.findByRole('checkbox', { name: 'Download only between these hours', checked: false });
    expect((await fake.api.getSettings()).download.hours).toBeNull();
  });
});
