// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderScreen } from '../settings/render-screen';
import { makeTarget } from './targets';

afterEach(cleanup);

describe("a failed target test's advice", () => {
  it.each([
    ['credential', /the API token is wrong or no longer valid\. Choose Edit and paste the right one\.$/],
    ['endpoint', /check the endpoint\. Choose Edit to correct it\.$/],
  ] as const)('says what to do in the app when the %s is wrong, not a command to run', async (fix, advice) => {
    renderScreen('#/targets', {
      targets: [makeTarget('t1', 'Stream', { provider: 'cloudflare' })],
      prepare: (f) => {
        f.api.testTarget = async () => ({
          ok: false,
          fix,
          message:
            fix === 'credential'
              ? 'Cloudflare Stream refused the credential (401): the API token is wrong or no longer valid.'
              : 'Cloudflare Stream answered 404 at https://api.cloudflare.com: check the endpoint.',
        });
      },
    });
    const row = within(await screen.findByRole('row', { name: /Stream/ }));
    fireEvent.click(row.getByRole('button', { name: 'Test Stream' }));
    await waitFor(() => expect(row.getByRole('status').textContent).toMatch(advice));
    expect(row.getByRole('status').textContent).not.toMatch(/ferry|--credential/);
  });
});
