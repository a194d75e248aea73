/**
 * What the paste sheet adds for links a ferry:// link offered: at the top, where they came from
 * and how many were refused beyond the bound; below the links, the box that lets them reach this
 * computer and its network (not first in the sheet, so the focus a sheet opens with is not on it).
 */
import { useId } from 'react';
import { droppedNotice } from './offered-links';

export function OfferedNotice({ dropped }: { dropped: number }) {
  const refused = droppedNotice(dropped);
  return (
    <>
      <p className="add-muted">
        These links came from a ferry:// link, which any web page can open. Nothing is queued until you choose Queue.
      </p>
      {refused && <p className="add-problem">{refused}</p>}
    </>
  );
}

export function AllowLocalField({ allowLocal, onChange }: { allowLocal: boolean; onChange(allow: boolean): void }) {
  const id = useId();
  return (
    <div className="add-field">
      <label className="add-check">
        <input
          type="checkbox"
          checked={allowLocal}
          aria-describedby={`${id}-help`}
          onChange={(event) => onChange(event.target.checked)}
        />
        Allow links to this computer and local network
      </label>
      <span id={`${id}-help`} className="add-muted">
        Unticked, Ferry downloads these links only from public addresses, redirects included.
      </span>
    </div>
  );
}
