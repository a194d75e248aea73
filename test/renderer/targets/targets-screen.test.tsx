// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FerryError } from '../../../shared/ferry-error';
import { renderScreen } from '../settings/render-screen';
import { makeTarget } from './targets';

afterEach(cleanup);

const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });
const saved = (fake: ReturnType<typeof renderScreen>['fake']) =>
  fake.calls.filter((c) => c.name === 'saveTarget').map((c) => c.input);

async function openAddDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'Add target' }));
  return within(await screen.findByRole('dialog', { name: 'Add a delivery target' }));
}

const radios = (dialog: ReturnType<typeof within>, group: string) =>
  within(dialog.getByRole('group', { name: group }))
    .getAllByRole('radio')
    .map((r) => (r as HTMLInputElement).labels?.[0]?.textContent);

describe('the targets screen', () => {
  it('teaches what a target is when there are none', async () => {
    renderScreen('#/targets');
    const empty = within(await screen.findByRole('region', { name: 'No delivery targets yet' }));
    expect(empty.getByText(/streaming service Ferry sends finished videos to/)).toBeTruthy();
    expect(empty.getByRole('button', { name: 'Add target' })).toBeTruthy();
  });

  it("shows only the chosen service's fields, under its own names", async () => {
    renderScreen('#/targets');
    const dialog = await openAddDialog();
    const service = dialog.getByRole('combobox', { name: 'Service' }) as HTMLSelectElement;
    const endpoint = () => dialog.getByRole('textbox', { name: 'Endpoint URL' }) as HTMLInputElement;
    const choose = (provider: string) => fireEvent.change(service, { target: { value: provider } });

    // A TUS server: its address is required, it only takes pushes, and has no renditions to wait for.
    expect(service.value).toBe('tus');
    expect(endpoint().required).toBe(true);
    expect(endpoint().placeholder).toBe('https://tus.example.com/files/');
    expect(radios(dialog, 'Mode')).toEqual(['Push']);
    expect(dialog.queryByRole('group', { name: 'Ready when' })).toBeNull();
    expect(dialog.queryByRole('textbox', { name: /ID$/ })).toBeNull();
    expect(dialog.getByLabelText('Credential (optional)')).toBeTruthy();

    choose('cloudflare');
    expect(endpoint().required).toBe(false);
    expect(endpoint().placeholder).toBe('https://api.cloudflare.com');
    expect(dialog.getByRole('textbox', { name: 'Account ID' })).toBeTruthy();
    expect(radios(dialog, 'Mode')).toEqual(['Push', 'Pull']);
    expect(dialog.getByRole('radio', { name: 'Pull', description: /saving your upload bandwidth/ })).toBeTruthy();
    expect(radios(dialog, 'Ready when')).toEqual(['As soon as it can be played', 'When every rendition is done']);
    expect(radios(dialog, 'Sends')).toEqual(['MP4', 'Original file']);
    const credential = dialog.getByLabelText('Credential');
    expect(credential.getAttribute('type')).toBe('password');
    expect(credential.getAttribute('aria-describedby')).toBeTruthy();
    expect(dialog.getByText(/API token with Stream Write\. Stored in the OS keychain/)).toBeTruthy();

    choose('bunny');
    expect(dialog.getByRole('textbox', { name: 'Library ID' })).toBeTruthy();
    expect(dialog.queryByRole('textbox', { name: 'Account ID' })).toBeNull();
    choose('twelvelabs');
    expect(dialog.getByRole('textbox', { name: 'Index ID' })).toBeTruthy();

    // Omega only pulls: the push chosen before gives way.
    choose('omega');
    expect(radios(dialog, 'Mode')).toEqual(['Pull']);
    expect((dialog.getByRole('radio', { name: 'Pull' }) as HTMLInputElement).checked).toBe(true);
    // …and is never sent a file, so what a push sends is not asked.
    expect(dialog.queryByRole('group', { name: 'Sends' })).toBeNull();
  });

  it("sends the service's fields and the choices made, and lists the target without its credential", async () => {
    const { fake } = renderScreen('#/targets');
    const dialog = await openAddDialog();
    fireEvent.change(dialog.getByRole('combobox', { name: 'Service' }), { target: { value: 'cloudflare' } });
    type(dialog.getByRole('textbox', { name: 'Name' }), ' Stream ');
    type(dialog.getByRole('textbox', { name: 'Account ID' }), ' 023e105f4ecef8ad9ca31a8372d0c353 ');
    fireEvent.click(dialog.getByRole('radio', { name: 'Pull' }));
    fireEvent.click(dialog.getByRole('radio', { name: 'Original file' }));
    fireEvent.click(dialog.getByRole('radio', { name: 'As soon as it can be played' }));
    type(dialog.getByLabelText('Credential'), 's3cret-token');
    fireEvent.click(dialog.getByRole('button', { name: 'Add target' }));

    const table = await screen.findByRole('table');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(saved(fake)).toEqual([
      {
        name: 'Stream',
        provider: 'cloudflare',
        mode: 'pull',
        account: '023e105f4ecef8ad9ca31a8372d0c353',
        send: 'original',
        readyWhen: 'playable',
        credential: 's3cret-token',
      },
    ]);
    const row = within(within(table).getByRole('row', { name: /Stream/ }));
    expect(row.getByText('Cloudflare Stream')).toBeTruthy();
    expect(row.getByText('https://api.cloudflare.com')).toBeTruthy();
    expect(row.getByText('Account ID 023e105f4ecef8ad9ca31a8372d0c353')).toBeTruthy();
    expect(row.getByText('Pull')).toBeTruthy();
    expect(row.getByText('Original file')).toBeTruthy();
    expect(row.getByText('Stored')).toBeTruthy();
    expect(table.textContent).not.toContain('s3cret');
    expect(screen.getByText('Added the delivery target “Stream”.')).toBeTruthy();
  });

  it('asks for what the service needs before asking the engine', async () => {
    const { fake } = renderScreen('#/targets');
    const dialog = await openAddDialog();
    fireEvent.click(dialog.getByRole('button', { name: 'Add target' }));
    expect(await dialog.findByRole('textbox', { name: 'Name', description: 'Give the target a name.' })).toBeTruthy();
    const endpoint = dialog.getByRole('textbox', { name: 'Endpoint URL', description: /upload URL/ });
    expect(endpoint.getAttribute('aria-invalid')).toBe('true');
    // The keyboard is taken to the first field refused.
    expect(document.activeElement).toBe(dialog.getByRole('textbox', { name: 'Name' }));

    fireEvent.change(dialog.getByRole('combobox', { name: 'Service' }), { target: { value: 'bunny' } });
    type(dialog.getByRole('textbox', { name: 'Name' }), 'Videos');
    fireEvent.click(dialog.getByRole('button', { name: 'Add target' }));
    expect(
      await dialog.findByRole('textbox', { name: 'Library ID', description: 'Give the library ID.' }),
    ).toBeTruthy();
    expect(saved(fake)).toEqual([]);
  });

  it("shows the engine's message beside the field it names, and keeps the dialog open", async () => {
    renderScreen('#/targets', {
      prepare: (fake) => {
        fake.api.saveTarget = async () => {
          throw new FerryError('INVALID_INPUT', 'Invalid input', [
            { path: 'account', message: 'is an id as the service shows it: letters, digits, dot, dash, underscore' },
          ]);
        };
      },
    });
    const dialog = await openAddDialog();
    fireEvent.change(dialog.getByRole('combobox', { name: 'Service' }), { target: { value: 'cloudflare' } });
    type(dialog.getByRole('textbox', { name: 'Name' }), 'Stream');
    type(dialog.getByRole('textbox', { name: 'Account ID' }), 'not/an id');
    fireEvent.click(dialog.getByRole('button', { name: 'Add target' }));
    const account = await dialog.findByRole('textbox', {
      name: 'Account ID',
      description: /Is an id as the service shows it/,
    });
    expect(account.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it("also checks the engine's own rules (the contract's schema) beside the field", async () => {
    renderScreen('#/targets');
    const dialog = await openAddDialog();
    type(dialog.getByRole('textbox', { name: 'Name' }), 'Archive');
    type(dialog.getByRole('textbox', { name: 'Endpoint URL' }), 'ftp://tus.example.com');
    fireEvent.click(dialog.getByRole('button', { name: 'Add target' }));
    const endpoint = await dialog.findByRole('textbox', {
      name: 'Endpoint URL',
      description: /Must be an http:\/\/ or https:\/\/ URL/,
    });
    expect(endpoint.getAttribute('aria-invalid')).toBe('true');
  });

  it("tests a target and reads out the service's answer, whether it works or not", async () => {
    const targets = [makeTarget('t1', 'Archive'), makeTarget('t2', 'Stream', { provider: 'cloudflare' })];
    renderScreen('#/targets', {
      targets,
      prepare: (f) => {
        f.api.testTarget = async ({ id }) =>
          id === 't1'
            ? { ok: true, message: 'The TUS server answered and took the credential.' }
            : { ok: false, message: 'Cloudflare Stream refused the token (401): give a token with Stream Write.' };
      },
    });
    const archive = within(await screen.findByRole('row', { name: /Archive/ }));
    fireEvent.click(archive.getByRole('button', { name: 'Test Archive' }));
    expect((await archive.findByRole('status')).textContent).toBe(
      'Archive: Works: The TUS server answered and took the credential.',
    );
    const stream = within(screen.getByRole('row', { name: /Stream/ }));
    fireEvent.click(stream.getByRole('button', { name: 'Test Stream' }));
    await waitFor(() => expect(stream.getByRole('status').textContent).toMatch(/Failed: Cloudflare Stream refused/));
    expect(stream.getByRole('status').className).toContain('error');
  });

  it('edits a target: the dialog shows what is saved, and a blank credential keeps the stored one', async () => {
    const target = makeTarget('t1', 'Videos', {
      provider: 'bunny',
      endpoint: 'https://video.bunnycdn.com',
      library: '12345',
      readyWhen: 'playable',
    });
    const { fake } = renderScreen('#/targets', { targets: [target] });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Videos' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit “Videos”' }));
    expect((dialog.getByRole('combobox', { name: 'Service' }) as HTMLSelectElement).value).toBe('bunny');
    expect((dialog.getByRole('textbox', { name: 'Library ID' }) as HTMLInputElement).value).toBe('12345');
    expect((dialog.getByRole('textbox', { name: 'Endpoint URL' }) as HTMLInputElement).value).toBe('');
    expect((dialog.getByRole('radio', { name: 'As soon as it can be played' }) as HTMLInputElement).checked).toBe(true);
    expect((dialog.getByLabelText('Credential') as HTMLInputElement).value).toBe('');
    expect(dialog.getByText(/Leave blank to keep the stored one/)).toBeTruthy();
    type(dialog.getByRole('textbox', { name: 'Name' }), 'Bunny videos');
    fireEvent.click(dialog.getByRole('button', { name: 'Save target' }));

    expect(await screen.findByRole('row', { name: /Bunny videos/ })).toBeTruthy();
    expect(saved(fake)).toEqual([
      {
        id: 't1',
        name: 'Bunny videos',
        provider: 'bunny',
        mode: 'push',
        library: '12345',
        send: 'mp4',
        readyWhen: 'playable',
      },
    ]);
    expect(within(screen.getByRole('row', { name: /Bunny videos/ })).getByText('Stored')).toBeTruthy();
  });

  it('removes a target after asking', async () => {
    renderScreen('#/targets', { targets: [makeTarget('t1', 'Archive')] });
    const row = within(await screen.findByRole('row', { name: /Archive/ }));
    fireEvent.click(row.getByRole('button', { name: 'Remove Archive' }));
    const confirm = within(await screen.findByRole('alertdialog', { name: 'Remove “Archive”?' }));
    fireEvent.click(confirm.getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    fireEvent.click(row.getByRole('button', { name: 'Remove Archive' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove target' }));
    expect(await screen.findByRole('region', { name: 'No delivery targets yet' })).toBeTruthy();
  });

  it('says when the targets cannot be loaded', async () => {
    renderScreen('#/targets', {
      prepare: (fake) => {
        fake.api.listTargets = async () => {
          throw new FerryError('INTERNAL', 'The engine stopped.');
        };
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Could not load the delivery targets: The engine stopped.',
    );
  });
});
