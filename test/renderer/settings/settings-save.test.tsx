// @vitest-environment happy-dom
/**
 * Save on change: a typed value is saved when the typing pauses or the field is left, a value
 * still waiting when the screen closes is saved then, two fields of one group both stay, and a
 * refusal shows beside its own field with what stays saved.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { typingPauseMs } from '../../../renderer/src/features/settings/use-field-save';
import { renderScreen } from './render-screen';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const section = async (name: string) => within(await screen.findByRole('region', { name }));
const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });
/** Lets the fake engine's answers (promises) arrive. */
const answers = () => act(async () => {});

describe('saving the settings as they change', () => {
  it('has no Save button, and says that changes are saved as they are made', async () => {
    renderScreen('#/settings');
    await section('Work');
    expect(screen.queryAllByRole('button', { name: /^Save/ })).toEqual([]);
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('Changes are saved as you make them.');
  });

  it('saves a typed number once the typing pauses, not at each key', async () => {
    const { patches } = renderScreen('#/settings');
    const work = await section('Work');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const downloads = work.getByRole('spinbutton', { name: 'Downloads at once' });
    type(downloads, '1');
    type(downloads, '12');
    act(() => void vi.advanceTimersByTime(typingPauseMs - 1));
    expect(patches()).toEqual([]);
    act(() => void vi.advanceTimersByTime(1));
    await answers();
    expect(patches()).toEqual([{ concurrency: { downloads: 12, downloadsPerHost: 2, transcodes: 1, deliveries: 2 } }]);
    expect(screen.getByText('All changes saved.')).toBeTruthy();
  });

  it('saves when the field is left, and keeps both of two fields of one group changed in turn', async () => {
    const { fake, patches } = renderScreen('#/settings');
    const work = await section('Work');
    type(work.getByRole('spinbutton', { name: 'Downloads at once' }), '8');
    fireEvent.blur(work.getByRole('spinbutton', { name: 'Downloads at once' }));
    type(work.getByRole('spinbutton', { name: 'Downloads at once from one host' }), '3');
    fireEvent.keyDown(work.getByRole('spinbutton', { name: 'Downloads at once from one host' }), { key: 'Enter' });
    type(work.getByRole('spinbutton', { name: /free disk space falls below/ }), '10.5');
    fireEvent.blur(work.getByRole('spinbutton', { name: /free disk space falls below/ }));
    await answers();
    expect(patches()).toHaveLength(3);
    expect((await fake.api.getSettings()).concurrency).toEqual({
      downloads: 8,
      downloadsPerHost: 3,
      transcodes: 1,
      deliveries: 2,
    });
    expect((await fake.api.getSettings()).minFreeDiskBytes).toBe(10.5 * 1024 ** 3);
  });

  it('saves a change still waiting for its pause when the user leaves the screen', async () => {
    const { fake } = renderScreen('#/settings');
    const work = await section('Work');
    type(work.getByRole('spinbutton', { name: 'Transcodes at once' }), '3');
    act(() => {
      window.location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await answers();
    expect(screen.queryByRole('region', { name: 'Work' })).toBeNull();
    expect((await fake.api.getSettings()).concurrency.transcodes).toBe(3);
  });

  it("puts the engine's refusal beside the field it is about, with the value that stays saved", async () => {
    const { patches } = renderScreen('#/settings');
    const work = await section('Work');
    const transcodes = work.getByRole('spinbutton', { name: 'Transcodes at once' }) as HTMLInputElement;
    type(transcodes, '40');
    fireEvent.blur(transcodes);
    const field = await work.findByRole('spinbutton', {
      name: 'Transcodes at once',
      description: /Must be a whole number from 1 to 8\. Not saved: 1 stays\./,
    });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // What was typed stays to be corrected; no other field is marked, and nothing speaks of "fields below".
    expect(transcodes.value).toBe('40');
    expect(work.getByRole('spinbutton', { name: 'Downloads at once' }).getAttribute('aria-invalid')).toBeNull();
    expect(document.body.textContent).not.toMatch(/marked below/);
    expect(patches()).toEqual([]);

    type(transcodes, '2');
    fireEvent.blur(transcodes);
    await answers();
    expect(transcodes.getAttribute('aria-invalid')).toBeNull();
    expect(patches()).toEqual([{ concurrency: { downloads: 4, downloadsPerHost: 2, transcodes: 2, deliveries: 2 } }]);
  });

  it('says a field is not a number without asking the engine', async () => {
    const { patches } = renderScreen('#/settings');
    const work = await section('Work');
    type(work.getByRole('spinbutton', { name: 'Downloads at once' }), '');
    fireEvent.blur(work.getByRole('spinbutton', { name: 'Downloads at once' }));
    expect(
      await work.findByRole('spinbutton', {
        name: 'Downloads at once',
        description: /Needs a number\. Not saved: 4 stays/,
      }),
    ).toBeTruthy();
    expect(patches()).toEqual([]);
  });
});
