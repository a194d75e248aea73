/**
 * The optional clipboard watcher (the `ui.watchClipboard` setting, off by default): when the
 * window gets focus, links copied elsewhere that were not offered before are offered. A platform
 * that may not read the clipboard (a browser that refused) is said once, then left alone.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { linksToOffer } from './clipboard-links';

export type ClipboardNotice = { kind: 'links'; links: string[] } | { kind: 'refused' } | null;

export function useClipboardWatcher(readClipboard: () => Promise<string>, enabled: boolean) {
  const [notice, setNotice] = useState<ClipboardNotice>(null);
  const offered = useRef(new Set<string>());
  const refused = useRef(false);

  useEffect(() => {
    if (!enabled) return;
    const look = () => {
      if (refused.current) return;
      readClipboard().then(
        (text) => {
          const links = linksToOffer(text, offered.current);
          if (links.length === 0) return;
          links.forEach((link) => offered.current.add(link));
          setNotice({ kind: 'links', links });
        },
        () => {
          refused.current = true;
          setNotice({ kind: 'refused' });
        },
      );
    };
    window.addEventListener('focus', look);
    return () => window.removeEventListener('focus', look);
  }, [readClipboard, enabled]);

  const dismiss = useCallback(() => setNotice(null), []);
  return { notice: enabled ? notice : null, dismiss };
}
