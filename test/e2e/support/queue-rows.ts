/** The queue's rows as a user finds them in Chromium: by the video's name, the link each row carries. */
import type { Locator, Page } from 'playwright-core';

export const rowOf = (page: Page, name: string): Locator =>
  page
    .getByRole('list', { name: 'Videos' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
