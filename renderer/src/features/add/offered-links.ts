/**
 * The paste sheet for links a `ferry://add?url=…` link offered (any web page can open one): the
 * text and name it starts with, what it says of the links refused beyond the bound, and the
 * options they are queued with, kept off this computer and its network unless the user allows
 * it. Pure.
 */
import type { IngestOptions } from '../../../../shared/api';
import { maxOfferedLinks, type OfferedLinks } from '../../../../shared/platform-bridge';

export const offeredText = (offered: OfferedLinks): string => offered.links.map((link) => link.url).join('\n');

/** The ferry:// link's name, when it gave one for its one link. */
export const offeredName = (offered: OfferedLinks): string =>
  offered.links.length === 1 ? (offered.links[0]?.name ?? '') : '';

export function droppedNotice(dropped: number): string | null {
  if (dropped === 0) return null;
  const links = dropped === 1 ? '1 more link was' : `${dropped.toLocaleString('en')} more links were`;
  return `${links} refused: a ferry:// link may offer at most ${maxOfferedLinks} at a time, since any web page can open one.`;
}

/** Offered links reach public addresses only (on every redirect too) unless the user allowed local ones. */
export function guardedOptions(options: IngestOptions, offered: boolean, allowLocal: boolean): IngestOptions {
  return offered && !allowLocal ? { ...options, privateNetworks: false } : options;
}
