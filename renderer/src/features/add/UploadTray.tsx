/**
 * One tray for the files being added (as Uppy's Dashboard): the total progress, speed and time
 * left in its header, each file's below with Cancel, Retry, or "Add again / Skip" for a file whose
 * content is in Ferry already. Docked under the screen, so the list above shrinks instead of being
 * covered; its files fold away to the header.
 */
import { useId, useState } from 'react';
import { itemStatus, traySummary } from './describe-upload';
import { isActive, percent, trayTotals, type TrayItem } from './tray-items';

interface UploadTrayProps {
  items: readonly TrayItem[];
  onCancel(id: number): void;
  onRetry(id: number): void;
  onAddAgain(id: number): void;
  onSkip(id: number): void;
  onClear(): void;
}

function TrayRow({ item, ...act }: { item: TrayItem } & Omit<UploadTrayProps, 'items' | 'onClear'>) {
  const { name } = item;
  return (
    <li className={`add-tray-item add-tray-${item.state}`}>
      <span className="add-file-name">{name}</span>
      {item.state === 'uploading' && (
        <progress max={100} value={percent(item.sent, item.size)} aria-label={`Uploading ${name}`} />
      )}
      <span className={item.state === 'failed' || item.state === 'already' ? 'add-problem' : 'add-muted'}>
        {itemStatus(item)}
      </span>
      <span className="add-tray-actions">
        {(item.state === 'uploading' || item.state === 'waiting' || item.state === 'checking') && (
          <button type="button" aria-label={`Cancel the upload of ${name}`} onClick={() => act.onCancel(item.id)}>
            Cancel
          </button>
        )}
        {(item.state === 'failed' || item.state === 'canceled') && (
          <button type="button" aria-label={`Retry the upload of ${name}`} onClick={() => act.onRetry(item.id)}>
            Retry
          </button>
        )}
        {item.state === 'already' && (
          <>
            <button type="button" aria-label={`Add ${name} again`} onClick={() => act.onAddAgain(item.id)}>
              Add again
            </button>
            <button type="button" aria-label={`Skip ${name}`} onClick={() => act.onSkip(item.id)}>
              Skip
            </button>
          </>
        )}
      </span>
    </li>
  );
}

export function UploadTray({ items, onClear, ...act }: UploadTrayProps) {
  const [open, setOpen] = useState(true);
  const listId = useId();
  if (items.length === 0) return null;
  const totals = trayTotals(items);
  const clearable = items.some((item) => !isActive(item) && item.state !== 'already');
  return (
    <section className="add-tray" aria-label="Uploads">
      <div className="add-tray-head">
        <button
          type="button"
          className="add-tray-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide files' : `Show ${items.length.toLocaleString('en')} files`}
        </button>
        <p className="add-tray-summary" aria-live="polite">
          {traySummary(totals)}
        </p>
        {totals.size > 0 && <progress max={100} value={percent(totals.sent, totals.size)} aria-label="All uploads" />}
        {clearable && (
          <button type="button" onClick={onClear}>
            Clear finished
          </button>
        )}
      </div>
      {open && (
        <ul id={listId} className="add-tray-list" aria-label="Files">
          {items.map((item) => (
            <TrayRow key={item.id} item={item} {...act} />
          ))}
        </ul>
      )}
    </section>
  );
}
