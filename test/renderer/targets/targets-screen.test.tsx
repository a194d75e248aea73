// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../../shared/delivery-targets';
import { FerryError } from '../../../shared/ferry-error';
import type { FakeTransport } from '../../../renderer/src/transport/fake-transport';
import { renderScreen } from '../settings/render-screen';

afterEach(cleanup);

/** The fake keeps the targets it is given, as the engine does; it speaks TUS only, as this version of Ferry does. */
function keepTargets(fake: FakeTransport, targets: DeliveryTarget[] = []) {
  const { saveTarget } = fake.api;
  fake.api.listTargets = async () => structuredClone(targets);
  fake.api.saveTarget = async (input) => {
    if (input.provider !== 'tus')
      throw new FerryError('NOT_AVAILABLE', 'Delivery to Vimeo is not available in this version of Ferry.');
    const saved = { ...(await saveTarget(input)), id: `target-${targets.length + 1}` };
    targets.push(saved);
    return saved;
  };
  fake.api.removeTarget = async ({ id }) => {
    const index = targets.findIndex((t) => t.id === id);
    if (index >= 0) targets.splice(index, 1);
    return { removed: index >= 0 };
  };
  return targets;
}

const type = (field: HTMLElement, value: string) => fireEvent.change(field, { target: { value } });

describe('the targets screen', () => {
  it('teaches what a target is when there are none', async () => {
    renderScreen('#/targets', { prepare: (fake) => keepTargets(fake) });
    const empty = within(await screen.findByRole('region', { name: 'No delivery targets yet' }));
    expect(empty.getByText(/streaming service Ferry sends finished videos to/)).toBeTruthy();
    expect(empty.getByRole('button', { name: 'Add target' })).toBeTruthy();
  });

  it('adds a target in a dialog, lists it without its credential, and removes it after asking', async () => {
    let targets: DeliveryTarget[] = [];
    const { fake } = renderScreen('#/targets', { prepare: (f) => (targets = keepTargets(f)) });
    fireEvent.click(await screen.findByRole('button', { name: 'Add target' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add a delivery target' }));
    type(dialog.getByRole('textbox', { name: 'Name' }), ' Archive ');
    expect((dialog.getByRole('combobox', { name: 'Provider' }) as HTMLSelectElement).value).toBe('tus');
    type(dialog.getByRole('textbox', { name: 'Endpoint URL' }), 'https://tus.example.com/files/');
    type(dialog.getByLabelText('Credential (optional)'), 'Bearer s3cret');
    fireEvent.click(dialog.getByRole('button', { name: 'Add target' }));

    const table = await screen.findByRole('table');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const row = within(within(table).getByRole('row', { name: /Archive/ }));
    expect(row.getByText('Any TUS server')).toBeTruthy();
    expect(row.getByText('Upload (TUS)')).toBeTruthy();
    expect(row.getByText('https://tus.example.com/files/')).toBeTruthy();
    expect(row.getByText('Stored')).toBeTruthy();
    expect(table.textContent).not.toContain('s3cret');
    expect(screen.getByText('Added the delivery target “Archive”.')).toBeTruthy();
    // Sent once, trimmed, credential included; never read back.
    expect(fake.calls.filter((c) => c.name === 'saveTarget').map((c) => c.input)).toEqual([
      {
        name: 'Archive',
        provider: 'tus',
        mode: 'push',
        endpoint: 'https://tus.example.com/files/',
        credential: 'Bearer s3cret',
      },
    ]);
    expect(targets.map((t) => t.name)).toEqual(['Archive']);

    fireEvent.click(row.getByRole('button', { name: 'Remove Archive' }));
    const confirm = within(await screen.findByRole('alertdialog', { name: 'Remove “Archive”?' }));
    fireEvent.click(confirm.getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(targets).toHaveLength(1);

    fireEvent.click(row.getByRole('button', { name: 'Remove Archive' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove target' }));
    expect(await screen.findByRole('region', { name: 'No delivery targets yet' })).toBeTruthy();
    expect(targets).toEqual([]);
  });

  it("shows the engine's messages beside the fields, and keeps the dialog open", async () => {
    renderScreen('#/targets', { prepare: (fake) => keepTargets(fake) });
    fireEvent.click(await screen.findByRole('button', { name: 'Add target' }));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.click(dialog.getByRole('button', { name: 'Add target' }));
    expect(await dialog.findByRole('textbox', { name: 'Name', description: 'Give the target a name.' })).toBeTruthy();

    type(dialog.getByRole('textbox', { name: 'Name' }), 'Archive');
    type(dialog.getByRole('textbox', { name: 'Endpoint URL' }), 'ftp://tus.example.com');
    fireEvent.click(dialog.getByRole('button', { name: 'Add target' }));
    const endpoint = await dialog.findByRole('textbox', {
      name: 'Endpoint URL',
      description: /Must be an http:\/\/ or https:\/\/ URL/,
    });
    expect(endpoint.getAttribute('aria-invalid')).toBe('true');

    type(endpoint, 'https://vimeo.example.com');
    fireEvent.change(dialog.getByRole('combobox', { name: 'Provider' }), { target: { value: 'vimeo' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Add target' }));
    expect(
      await dialog.findByRole('combobox', { name: 'Provider', description: /not available in this version/ }),
    ).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
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
