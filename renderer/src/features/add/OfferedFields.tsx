/**
 * What the paste sheet adds for links a ferry:// link offered: where they came from, how many
 * were refused beyond the bound, and the box that lets them reach this computer and its network.
 */
import { useId } from 'react';
import { droppedNotice } from './offered-links';

interface OfferedFieldsProps {
  dropped: number;
  allowLocal: boolean;
  onAllowLocal(allow: boolean): void;
}

export function OfferedFields({ dropped, allowLocal, onAllowLocal }: OfferedFieldsProps) {
  const id = useId();
  const refused = droppedNotice(dropped);
  return (
    <>
      <p className="add-muted">
        These links came from a ferry:// link, which any web page can open. Nothing is queued until you choose Queue.
      </p>
      {refused && <p className="add-problem">{refused}</p>}
      <div className="add-field">
        <label className="add-check">
          <input
            type="checkbox"
            checked={allowLocal}
            aria-describedby={`${id}-local-help`}
            onChange={(event) => onAllowLocal(event.target.checked)}
          />
          Allow links to this computer and local network
        </label>
        <span id={`${id}-local-help`} className="add-muted">
          Unticked, Ferry downloads these links only from public addresses, redirects included.
        </span>
      </div>
    </>
  );
}
