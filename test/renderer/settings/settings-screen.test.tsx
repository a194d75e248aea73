// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FerryError } from '../../../shared/ferry-error';
import { renderScreen } from './render-screen';

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

const section = async (name: string) => within(await screen.findByRole('region', { name }));
const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });

describe('the settings screen', () => {
  it("shows the library's place and its free space, and opens it", async () => {
    const { calls } = renderScreen('#/settings');
    const library = await section('Library');
    const path = library.getByRole('textbox', { name: 'Finished videos are kept in' }) as HTMLInputElement;
    expect(path.value).toBe('/home/user/.config/Ferry/library');
    expect(path.readOnly).toBe(true);
    expect(await library.findByText('120 GiB free on its volume.')).toBeTruthy();
    fireEvent.click(library.getByRole('button', { name: 'Open folder' }));
    expect(calls.opened).toEqual([undefined]);
  });

  it('saves the default ladder as it is chosen, the thumbnail position as a fraction, and keeping originals', async () => {
    const { patches } = renderScreen('#/settings');
    const videos = await section('New videos');
    expect((videos.getByRole('checkbox', { name: '1080p' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(videos.getByRole('radio', { name: 'These heights:' }));
    await videos.findByRole('checkbox', { name: '2160p', checked: false });
    fireEvent.click(videos.getByRole('checkbox', { name: '2160p' }));
    await videos.findByRole('checkbox', { name: '2160p', checked: true });
    fireEvent.click(videos.getByRole('checkbox', { name: '480p' }));
    await videos.findByRole('checkbox', { name: '480p', checked: false });
    const thumbnail = videos.getByRole('spinbutton', { name: /Thumbnail position/ });
    type(thumbnail, '25');
    fireEvent.blur(thumbnail);
    fireEvent.click(videos.getByRole('checkbox', { name: 'Keep originals' }));
    await videos.findByRole('checkbox', { name: 'Keep originals', checked: true });
    expect(patches()).toEqual([
      { defaults: { ladder: [1080, 720, 480], thumbnailTimestampPct: 0 } },
      { defaults: { ladder: [2160, 1080, 720, 480], thumbnailTimestampPct: 0 } },
      { defaults: { ladder: [2160, 1080, 720], thumbnailTimestampPct: 0 } },
      { defaults: { ladder: [2160, 1080, 720], thumbnailTimestampPct: 0.25 } },
      { keepOriginal: true },
    ]);
    fireEvent.click(videos.getByRole('radio', { name: /Auto/ }));
    await videos.findByRole('radio', { name: /Auto/, checked: true });
    expect(patches().at(-1)).toEqual({ defaults: { ladder: 'auto', thumbnailTimestampPct: 0.25 } });
  });

  it("shows the engine's message for a ladder without heights, keeping the saved one, and a percentage out of range", async () => {
    renderScreen('#/settings');
    const videos = await section('New videos');
    fireEvent.click(videos.getByRole('radio', { name: 'These heights:' }));
    for (const height of ['1080p', '720p']) {
      fireEvent.click(await videos.findByRole('checkbox', { name: height, checked: true }));
      await videos.findByRole('checkbox', { name: height, checked: false });
    }
    fireEvent.click(videos.getByRole('checkbox', { name: '480p' }));
    expect(
      await videos.findByRole('group', { name: /ladder/, description: 'Needs at least one height. Not saved.' }),
    ).toBeTruthy();
    expect((videos.getByRole('checkbox', { name: '480p' }) as HTMLInputElement).checked).toBe(true);

    const thumbnail = videos.getByRole('spinbutton', { name: /Thumbnail position/ });
    type(thumbnail, '150');
    fireEvent.blur(thumbnail);
    expect(
      await videos.findByRole('spinbutton', {
        name: /Thumbnail position/,
        description: /from 0 to 100\. Not saved: 0 % stays/,
      }),
    ).toBeTruthy();
  });

  it('saves the webhook URL when it is left (empty turns it off), refuses one that is not http, and copies the secret', async () => {
    const { patches, calls } = renderScreen('#/settings');
    const hooks = await section('Webhooks');
    const url = hooks.getByRole('textbox', { name: 'Webhook URL' });
    type(url, 'ftp://example.com/hook');
    fireEvent.blur(url);
    expect(
      await hooks.findByRole('textbox', {
        name: 'Webhook URL',
        description: /Must be an http:\/\/ or https:\/\/ URL\. Not saved: no webhook stays\./,
      }),
    ).toBeTruthy();
    type(url, ' https://example.com/hook ');
    fireEvent.blur(url);
    await hooks.findByRole('textbox', { name: 'Webhook URL', description: 'Leave it empty to send no webhooks.' });
    type(url, '');
    fireEvent.blur(url);
    await screen.findByText('All changes saved.');
    expect(patches()).toEqual([{ webhookUrl: 'https://example.com/hook' }, { webhookUrl: null }]);

    expect((hooks.getByRole('textbox', { name: 'Signing secret' }) as HTMLInputElement).value).toBe('fake-secret');
    fireEvent.click(hooks.getByRole('button', { name: 'Copy secret' }));
    expect(calls.copied).toEqual(['fake-secret']);
    expect(await screen.findByText('The webhook secret is on the clipboard.')).toBeTruthy();
  });

  it('in the app, turns its own browser access on, and saves the port when it is left', async () => {
    const { patches } = renderScreen('#/settings');
    const access = await section('Browser access');
    const port = access.getByRole('spinbutton', { name: 'Port' });
    type(port, '9000');
    expect(patches()).toEqual([]);
    fireEvent.blur(port);
    fireEvent.click(await access.findByRole('checkbox', { name: /http:\/\/127\.0\.0\.1:9000/ }));
    await access.findByRole('checkbox', { name: /9000/, checked: true });
    type(port, '70000');
    fireEvent.blur(port);
    expect(
      await access.findByRole('spinbutton', {
        name: 'Port',
        description: /Must be a port, 1 to 65535\. Not saved: 9000 stays/,
      }),
    ).toBeTruthy();
    expect(patches()).toEqual([{ serve: { enabled: false, port: 9000 } }, { serve: { enabled: true, port: 9000 } }]);
  });

  it('in a browser, says the page is served by ferry serve at its address, with no switch that reads off', async () => {
    renderScreen('#/settings', { servedBy: 'http://127.0.0.1:8787' });
    const access = await section('Browser access');
    expect(access.getByText(/this page is served by/).textContent).toMatch(
      /this page is served by ferry serve at http:\/\/127\.0\.0\.1:8787/,
    );
    expect(access.queryByRole('checkbox')).toBeNull();
  });

  it('applies the theme as soon as it is chosen, and saves it', async () => {
    const { patches } = renderScreen('#/settings');
    const appearance = await section('Appearance');
    expect((appearance.getByRole('radio', { name: /System/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(appearance.getByRole('radio', { name: 'Dark' }));
    await screen.findByText('All changes saved.');
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
    expect(
      await appearance.findByText('Another Ferry works this data directory; close it and try again. Not saved.'),
    ).toBeTruthy();
    expect((appearance.getByRole('radio', { name: /System/ }) as HTMLInputElement).checked).toBe(true);
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('offers copied links only once turned on', async () => {
    const { patches } = renderScreen('#/settings');
    const clipboard = await section('Clipboard');
    const watch = clipboard.getByRole('checkbox', { name: 'Offer links I copy in other apps' }) as HTMLInputElement;
    expect(watch.checked).toBe(false);
    fireEvent.click(watch);
    await screen.findByText('All changes saved.');
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
