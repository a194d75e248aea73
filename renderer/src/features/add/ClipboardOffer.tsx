/** The clipboard watcher's offer, out of the way at the window's foot: links copied elsewhere, one click from the paste sheet. */
import type { ClipboardNotice } from './use-clipboard-watcher';

interface ClipboardOfferProps {
  notice: ClipboardNotice;
  onAdd(links: string[]): void;
  onDismiss(): void;
}

export function ClipboardOffer({ notice, onAdd, onDismiss }: ClipboardOfferProps) {
  if (!notice) return null;
  return (
    <aside className="add-offer" aria-label="Clipboard">
      {notice.kind === 'links' ? (
        <>
          <span>
            {notice.links.length} {notice.links.length === 1 ? 'link' : 'links'} copied:
          </span>
          <button type="button" onClick={() => onAdd(notice.links)}>
            Add…
          </button>
          <button type="button" onClick={onDismiss}>
            Not now
          </button>
        </>
      ) : (
        <>
          <span>
            Ferry may not read the clipboard in this browser. Allow it in the site&apos;s settings, or turn the watcher
            off in Settings.
          </span>
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      )}
    </aside>
  );
}
