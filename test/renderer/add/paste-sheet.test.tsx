// @vitest-environment happy-dom
/**
 * The paste sheet: a paste on the page shows what Ferry recognised (a share link with the direct
 * link it becomes, a duplicate, an invalid line with why) before anything is queued, checks the
 * request headers typed for the links, and queues with the options chosen.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LinkCheck } from '../../../shared/link-check';
import { FerryError } from '../../../shared/ferry-error';
import type { FakeTransport } from '../../../renderer/src/transport/fake-transport';
import { giveElementsASize } from '../support/render-queue';
import { makeVideo } from '../support/videos';
import { makeTarget } from '../targets/targets';
import { pasteOnPage, renderAdd } from './render-add';

beforeAll(giveElementsASize);
afterEach(cleanup);

const share = 'https://drive.google.com/file/d/1AbC/view?usp=sharing';
const direct = 'https://drive.usercontent.google.com/download?id=1AbC&export=download&confirm=t';
const known = makeVideo('a', 'talk');

/** What the engine's checkLinks answers for the pasted text (the fake reads plain lines only). */
const check: LinkCheck = {
  format: 'text',
  counts: { new: 1, duplicate: 1, invalid: 1 },
  rows: [
    { line: 1, input: share, status: 'new', url: direct, rewritten: true },
    { line: 2, input: 'https://media.example.test/talk.mp4', status: 'duplicate', duplicateOf: known.uid },
    {
      line: 3,
      input: 'ftp://old.example/x.mp4',
      status: 'invalid',
      reason: 'Ferry downloads http, https and s3 links.',
    },
  ],
};

const withCheck = (fake: FakeTransport) => {
  fake.api.checkLinks = async () => structuredClone(check);
};

const targets = [
  makeTarget('cf', 'Cloudflare', { provider: 'cloudflare', endpoint: 'https://api.test', account: 'acc' }),
];

async function openSheet(prepare: (fake: FakeTransport) => void = withCheck) {
  const rendered = renderAdd([known], { prepare, targets });
  await screen.findByRole('list', { name: 'Videos' });
  act(() => pasteOnPage(`${share}\nhttps://media.example.test/talk.mp4\nftp://old.example/x.mp4`));
  const sheet = await screen.findByRole('dialog', { name: 'Add links' });
  await within(sheet).findByRole('list', { name: 'Recognised lines' });
  return { ...rendered, sheet };
}

describe('the paste sheet', () => {
  it('shows each line as recognised: a share link with its direct link, a duplicate, an invalid line with why', async () => {
    const { sheet, fake } = await openSheet();
    const rows = within(within(sheet).getByRole('list', { name: 'Recognised lines' })).getAllByRole('listitem');
    expect(rows[0]!.textContent).toContain(`Share link ${share} → direct link ${direct}`);
    expect(rows[1]!.textContent).toContain('Already in the queue');
    expect(rows[2]!.textContent).toContain('Invalid');
    expect(rows[2]!.textContent).toContain('Ferry downloads http, https and s3 links.');
    expect(within(sheet).getByText('1 new · 1 already in the queue or repeated · 1 invalid')).toBeTruthy();
    // Nothing is queued until the user says so.
    expect(fake.calls.filter((c) => c.name === 'addLinks')).toEqual([]);
    expect(within(sheet).getByRole('button', { name: 'Queue 1 video' })).toBeTruthy();
  });

  it('checks the request headers as typed, and queues with the name, headers and options chosen', async () => {
    const { sheet, fake } = await openSheet();
    const headers = within(sheet).getByLabelText('Request headers (optional)');
    const queue = within(sheet).getByRole('button', { name: 'Queue 1 video' });
    fireEvent.change(headers, { target: { value: 'Authorization Bearer abc' } });
    expect(headers.getAttribute('aria-invalid')).toBe('true');
    expect(within(sheet).getByText(/Line 1 is not a header: write it as Name: value/)).toBeTruthy();
    expect((queue as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(headers, { target: { value: 'Authorization: Bearer abc\nX-Team: video' } });
    expect(headers.getAttribute('aria-invalid')).toBe('false');
    fireEvent.change(within(sheet).getByLabelText('Name (optional)'), { target: { value: 'Keynote' } });
    fireEvent.click(within(sheet).getByLabelText('Keep the original (no transcode)'));
    fireEvent.click(await within(sheet).findByRole('checkbox', { name: /Cloudflare/ }));
    fireEvent.click(queue);

    expect(await screen.findByText(/Queued 1 video/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls.find((c) => c.name === 'addLinks')?.input).toEqual({
      links: [{ url: share, name: 'Keynote', headers: { Authorization: 'Bearer abc', 'X-Team': 'video' } }],
      options: { transcode: false, deliverTo: ['cf'] },
    });
  });

  it('sends the ladder chosen, highest first', async () => {
    const { sheet, fake } = await openSheet();
    fireEvent.click(within(sheet).getByLabelText('Chosen heights'));
    const heights = within(sheet).getByRole('group', { name: 'Heights' });
    fireEvent.click(within(heights).getByLabelText('1080p'));
    fireEvent.click(within(heights).getByLabelText('360p'));
    fireEvent.click(within(heights).getByLabelText('2160p'));
    fireEvent.click(within(sheet).getByRole('button', { name: 'Queue 1 video' }));
    await screen.findByText(/Queued 1 video/);
    expect(fake.calls.find((c) => c.name === 'addLinks')?.input).toMatchObject({
      options: { ladder: [2160, 720, 480] },
    });
  });

  it('sends the speed and quality preset and the codec chosen for these videos, none when left as in Settings', async () => {
    const { sheet, fake } = await openSheet();
    const preset = within(sheet).getByRole('combobox', { name: 'Speed and quality' }) as HTMLSelectElement;
    expect(preset.value).toBe('');
    expect([...preset.options].map((o) => o.text)).toContain('Very slow (x264 veryslow, RF 18)');
    fireEvent.change(preset, { target: { value: 'veryslow' } });
    fireEvent.change(within(sheet).getByRole('combobox', { name: 'Codec' }), { target: { value: 'av1' } });
    fireEvent.change(within(sheet).getByRole('combobox', { name: 'Codec' }), { target: { value: '' } });
    fireEvent.click(within(sheet).getByRole('button', { name: 'Queue 1 video' }));
    await screen.findByText(/Queued 1 video/);
    expect(fake.calls.find((c) => c.name === 'addLinks')?.input).toMatchObject({
      options: { ladder: 'auto', preset: 'veryslow' },
    });
    expect((fake.calls.find((c) => c.name === 'addLinks')?.input as { options: object }).options).not.toHaveProperty(
      'codec',
    );
  });

  it("shows the engine's refusal of a header by the headers field, and keeps the sheet open", async () => {
    const { sheet } = await openSheet((fake) => {
      withCheck(fake);
      fake.api.addLinks = async () => {
        throw new FerryError('INVALID_INPUT', 'links.0.headers.X-Team: too long', [
          { path: 'links.0.headers.X-Team', message: 'header "X-Team" is too long; shorten it' },
        ]);
      };
    });
    // A header the sheet itself accepts (it refuses Host and the like before asking the engine).
    fireEvent.change(within(sheet).getByLabelText('Request headers (optional)'), { target: { value: 'X-Team: x' } });
    fireEvent.click(within(sheet).getByRole('button', { name: 'Queue 1 video' }));
    expect(await within(sheet).findByText('header "X-Team" is too long; shorten it')).toBeTruthy();
    expect(within(sheet).getByLabelText('Request headers (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('dialog', { name: 'Add links' })).toBeTruthy();
  });

  it('closes on Cancel without queueing, and a paste into a text field is left to the field', async () => {
    const { sheet, fake } = await openSheet();
    fireEvent.click(within(sheet).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const search = screen.getByRole('searchbox');
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: { getData: () => share } });
    act(() => void search.dispatchEvent(event));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls.filter((c) => c.name === 'addLinks')).toEqual([]);
  });
});
