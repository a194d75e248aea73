/**
 * Main's keeping of the links ferry:// links brought, until the window takes them into the paste
 * sheet: at most maxOfferedLinks wait at a time (a web page can open ferry:// links, many times
 * and with thousands of urls each); the rest are refused and counted, so the sheet can say so.
 */
import type { NewLink } from '../../shared/api';
import { maxOfferedLinks, type OfferedLinks } from '../../shared/platform-bridge';

export interface OfferedLinksBox {
  /** Keeps what fits; answers how many of `links` were refused. */
  offer(links: readonly NewLink[]): number;
  /** What waits (null when nothing does), emptying the box. */
  take(): OfferedLinks | null;
}

export function createOfferedLinksBox(limit = maxOfferedLinks): OfferedLinksBox {
  let waiting: NewLink[] = [];
  let dropped = 0;
  return {
    offer(links) {
      const kept = links.slice(0, Math.max(0, limit - waiting.length));
      waiting = [...waiting, ...kept.map((link) => ({ ...link }))];
      const refused = links.length - kept.length;
      dropped += refused;
      return refused;
    },
    take() {
      if (waiting.length === 0 && dropped === 0) return null;
      const taken = { links: waiting, dropped };
      waiting = [];
      dropped = 0;
      return taken;
    },
  };
}
