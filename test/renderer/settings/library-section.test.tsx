// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryStatus } from '../../../shared/api';
import { renderScreen } from './render-screen';

afterEach(cleanup);

const librarySection = async () => within(await screen.findByRole('region', { name: 'Library' }));
const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });

describe('the library section', () => {
  it('moves the library: the refusal beside the folder, then each step with its progress, then the new place', async () => {
    let release = () => {};
    let copying = false;
    renderScreen('#/settings', {
      prepare: (fake) => {
        const { moveLibrary, libraryStatus } = fake.api;
        // Held while the test looks at the progress, as a real move of many gigabytes is.
        fake.api.moveLibrary = async (input) => {
          if (input.to.startsWith('/')) {
            copying = true;
            await new Promise<void>((resolve) => (release = resolve));
            copying = false;
          }
          return moveLibrary(input);
        };
        fake.api.libraryStatus = async (): Promise<LibraryStatus> => {
          const status = await libraryStatus();
          const move = { to: '/mnt/videos/ferry', phase: 'copying' as const, bytesDone: 3, bytesTotal: 6 };
          return copying ? { ...status, move } : status;
        };
      },
    });
    const library = await librarySection();
    expect(await library.findByText('120 GiB free on its volume.')).toBeTruthy();
    fireEvent.click(library.getByRole('button', { name: 'Move…' }));
    const target = library.getByRole('textbox', { name: 'Move the library to' });
    type(target, 'videos');
    fireEvent.click(library.getByRole('button', { name: 'Move' }));
    expect(await library.findByText('Cannot move the library: videos is not an absolute path.')).toBeTruthy();

    type(target, '/mnt/videos/ferry');
    fireEvent.click(library.getByRole('button', { name: 'Move' }));
    expect(await library.findByText(/Moving to .*: Copying… 50 %/, {}, { timeout: 3000 })).toBeTruthy();
    expect((library.getByRole('progressbar', { name: 'Moving the library' }) as HTMLProgressElement).value).toBe(50);
    expect((library.getByRole('button', { name: 'Move' }) as HTMLButtonElement).disabled).toBe(true);

    release();
    expect(await library.findByText('/mnt/videos/ferry', { selector: 'code' })).toBeTruthy();
    const place = library.getByRole('textbox', { name: 'Finished videos are kept in' }) as HTMLInputElement;
    expect(place.value).toBe('/mnt/videos/ferry');
    expect(library.queryByRole('progressbar')).toBeNull();
  });

  it('in a browser on ferry serve, shows the place and says where it can be moved, offering no Move', async () => {
    renderScreen('#/settings', { servedBy: 'http://127.0.0.1:8787' });
    const library = await librarySection();
    expect(await library.findByText(/120 GiB free on its volume\. Move it on the machine Ferry runs on/)).toBeTruthy();
    expect(library.getByText('ferry settings library <path>')).toBeTruthy();
    expect(library.queryByRole('button', { name: 'Move…' })).toBeNull();
  });
});
