// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FerryError } from '../../../shared/ferry-error';
import { renderScreen } from './render-screen';

const GiB = 1024 ** 3;

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

const section = async (name: string) => within(await screen.findByRole('region', { name }));
const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });

describe('the settings screen', () => {
  it("shows the library's place, explains where it comes from, and opens it", async () => {
    const { calls } = renderScreen('#/settings');
    const library = await section('Library');
    const path = library.getByRole('textbox', { name: 'Finished videos are kept in' }) as HTMLInputElement;
    expect(path.value).toBe('/home/user/.config/Ferry/library');
    expect(path.readOnly).toBe(true);
    expect(library.getByText(/FERRY_DATA_DIR/)).toBeTruthy();
    fireEvent.click(library.getByRole('button', { name: 'Open folder' }));
    expect(calls.opened).toEqual([undefined]);
  });

  it('saves how much work runs at once, and the low-disk threshold in bytes', async () => {
    const { patches } = renderScreen('#/settings');
    const work = await section('Work');
    type(work.getByRole('spinbutton', { name: 'Downloads at once' }), '8');
    type(work.getByRole('spinbutton', { name: 'Downloads at once from one host' }), '3');
    type(work.getByRole('spinbutton', { name: 'Transcodes at once' }), '2');
    type(work.getByRole('spinbutton', { name: 'Deliveries at once' }), '5');
    type(work.getByRole('spinbutton', { name: /free disk space falls below/ }), '10.5');
    fireEvent.click(work.getByRole('button', { name: 'Save work' }));
    expect(await work.findByText('Saved.')).toBeTruthy();
    type(work.getByRole('spinbutton', { name: 'Downloads at once' }), '9');
    expect(work.queryByText('Saved.')).toBeNull();
    expect(patches()).toEqual([
      {
        concurrency: { downloads: 8, downloadsPerHost: 3, transcodes: 2, deliveries: 5 },
        minFreeDiskBytes: 10.5 * GiB,
      },
    ]);
  });

  it("puts the engine's message beside the field it refused, and saves nothing", async () => {
    const { patches } = renderScreen('#/settings');
    const work = await section('Work');
    type(work.getByRole('spinbutton', { name: 'Transcodes at once' }), '40');
    fireEvent.click(work.getByRole('button', { name: 'Save work' }));
    const field = await work.findByRole('spinbutton', {
      name: 'Transcodes at once',
      description: /Must be a whole number from 1 to 8\./,
    });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(work.getByRole('alert').textContent).toMatch(/Not saved: correct the fields marked below/);
    expect(work.getByRole('spinbutton', { name: 'Downloads at once' }).getAttribute('aria-invalid')).toBeNull();
    expect(patches()).toEqual([]);
  });

  it('says a field is not a number without asking the engine', async () => {
    const { fake } = renderScreen('#/settings');
    const work = await section('Work');
    type(work.getByRole('spinbutton', { name: 'Downloads at once' }), '');
    fireEvent.click(work.getByRole('button', { name: 'Save work' }));
    expect(
      await work.findByRole('spinbutton', { name: 'Downloads at once', description: /Needs a number/ }),
    ).toBeTruthy();
    expect(fake.calls.filter((c) => c.name === 'setSettings')).toEqual([]);
  });

  it('saves the default ladder, the thumbnail position as a fraction, and keeping originals', async () => {
    const { patches } = renderScreen('#/settings');
    const videos = await section('New videos');
    expect((videos.getByRole('checkbox', { name: '1080p' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(videos.getByRole('radio', { name: 'These heights:' }));
    fireEvent.click(videos.getByRole('checkbox', { name: '2160p' }));
    fireEvent.click(videos.getByRole('checkbox', { name: '480p' }));
    type(videos.getByRole('spinbutton', { name: /Thumbnail position/ }), '25');
    fireEvent.click(videos.getByRole('checkbox', { name: 'Keep originals' }));
    fireEvent.click(videos.getByRole('button', { name: 'Save new videos' }));
    expect(await videos.findByText('Saved.')).toBeTruthy();
    expect(patches()).toEqual([
      { defaults: { ladder: [2160, 1080, 720], thumbnailTimestampPct: 0.25 }, keepOriginal: true },
    ]);

    fireEvent.click(videos.getByRole('radio', { name: /Auto/ }));
    fireEvent.click(videos.getByRole('button', { name: 'Save new videos' }));
    await videos.findByText('Saved.');
    expect(patches()[1]).toEqual({ defaults: { ladder: 'auto', thumbnailTimestampPct: 0.25 }, keepOriginal: true });
  });

  it("shows the engine's message for a ladder without heights, and a percentage out of range", async () => {
    renderScreen('#/settings');
    const videos = await section('New videos');
    fireEvent.click(videos.getByRole('radio', { name: 'These heights:' }));
    for (const height of ['1080p', '720p', '480p']) fireEvent.click(videos.getByRole('checkbox', { name: height }));
    fireEvent.click(videos.getByRole('button', { name: 'Save new videos' }));
    expect(
      await videos.findByRole('group', { name: /ladder/, description: 'Needs at least one height.' }),
    ).toBeTruthy();

    type(videos.getByRole('spinbutton', { name: /Thumbnail position/ }), '150');
    fireEvent.click(videos.getByRole('button', { name: 'Save new videos' }));
    expect(
      await videos.findByRole('spinbutton', { name: /Thumbnail position/, description: /from 0 to 100/ }),
    ).toBeTruthy();
  });

  it('saves the webhook URL (empty turns it off), refuses one that is not http, and copies the secret', async () => {
    const { patches, calls } = renderScreen('#/settings');
    const hooks = await section('Webhooks');
    const url = hooks.getByRole('textbox', { name: 'Webhook URL' });
    type(url, 'ftp://example.com/hook');
    fireEvent.click(hooks.getByRole('button', { name: 'Save webhooks' }));
    expect(
      await hooks.findByRole('textbox', { name: 'Webhook URL', description: /Must be an http:\/\/ or https:\/\/ URL/ }),
    ).toBeTruthy();
    type(url, ' https://example.com/hook ');
    fireEvent.click(hooks.getByRole('button', { name: 'Save webhooks' }));
    await hooks.findByText('Saved.');
    type(url, '');
    fireEvent.click(hooks.getByRole('button', { name: 'Save webhooks' }));
    await hooks.findByText('Saved.');
    expect(patches()).toEqual([{ webhookUrl: 'https://example.com/hook' }, { webhookUrl: null }]);

    expect((hooks.getByRole('textbox', { name: 'Signing secret' }) as HTMLInputElement).value).toBe('fake-secret');
    fireEvent.click(hooks.getByRole('button', { name: 'Copy secret' }));
    expect(calls.copied).toEqual(['fake-secret']);
    expect(await screen.findByText('The webhook secret is on the clipboard.')).toBeTruthy();
  });

  it('turns browser access on at a port, and says where', async () => {
    const { patches } = renderScreen('#/settings');
    const access = await section('Browser access');
    const port = access.getByRole('spinbutton', { name: 'Port' });
    type(port, '9000');
    fireEvent.click(access.getByRole('checkbox', { name: /http:\/\/127\.0\.0\.1:9000/ }));
    fireEvent.click(access.getByRole('button', { name: 'Save browser access' }));
    await access.findByText('Saved.');
    type(port, '70000');
    fireEvent.click(access.getByRole('button', { name: 'Save browser access' }));
    expect(
      await access.findByRole('spinbutton', { name: 'Port', description: /Must be a port, 1 to 65535/ }),
    ).toBeTruthy();
    expect(patches()).toEqual([{ serve: { enabled: true, port: 9000 } }]);
  });

  it('applies the theme as soon as it is chosen, and saves it', async () => {
    const { patches } = renderScreen('#/settings');
    const appearance = await section('Appearance');
    expect((appearance.getByRole('radio', { name: /System/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(appearance.getByRole('radio', { name: 'Dark' }));
    await appearance.findByText('Saved.');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect((appearance.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(appearance.getByRole('radio', { name: 'Light' }));
    await screen.findByRole('radio', { name: 'Light', checked: true });
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(patches()).toEqual([
      { ui: { theme: 'dark', watchClipboard: false } },
      { ui: { theme: 'light', watchClipboard: false } },
    ]);
  });

  it('goes back to the theme the engine has when it refuses to save, and says why', async () => {
    renderScreen('#/settings', {
      prepare: (fake) => {
        fake.api.setSettings = async () => {
          throw new FerryError('BUSY', 'Another Ferry works this data directory; close it and try again.');
        };
      },
    });
    const appearance = await section('Appearance');
    fireEvent.click(appearance.getByRole('radio', { name: 'Dark' }));
    expect((await appearance.findByRole('alert')).textContent).toBe(
      'Not saved: Another Ferry works this data directory; close it and try again.',
    );
    expect((appearance.getByRole('radio', { name: /System/ }) as HTMLInputElement).checked).toBe(true);
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('offers copied links only once turned on', async () => {
    const { patches } = renderScreen('#/settings');
    const clipboard = await section('Clipboard');
    const watch = clipboard.getByRole('checkbox', { name: 'Offer links I copy in other apps' }) as HTMLInputElement;
    expect(watch.checked).toBe(false);
    fireEvent.click(watch);
    await clipboard.findByText('Saved.');
    expect(watch.checked).toBe(true);
    expect(patches()).toEqual([{ ui: { theme: 'system', watchClipboard: true } }]);
  });

  it('says when the settings cannot be loaded, and tries again', async () => {
    let fail = true;
    renderScreen('#/settings', {
      prepare: (fake) => {
        const getSettings = fake.api.getSettings;
        fake.api.getSettings = async () => {
          if (fail) throw new FerryError('INTERNAL', 'The engine stopped.');
          return getSettings();
        };
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Could not load the settings: The engine stopped.',
    );
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Library' })).toBeTruthy();
  });
});
