/** Uploads in progress and the files left out of a drop, kept until the user clears them. */
import type { Skipped, UploadRow } from './use-file-intake';

interface FilesPanelProps {
  uploads: readonly UploadRow[];
  skipped: readonly Skipped[];
  onCancel(id: number): void;
  onClear(): void;
}

export function FilesPanel({ uploads, skipped, onCancel, onClear }: FilesPanelProps) {
  if (uploads.length === 0 && skipped.length === 0) return null;
  return (
    <aside className="add-files-panel" aria-label="Added files">
      {uploads.length > 0 && (
        <ul aria-label="Uploads">
          {uploads.map((row) => (
            <li key={row.id}>
              <span className="add-file-name">{row.name}</span>
              {row.state === 'uploading' && (
                <>
                  <progress max={100} value={row.pct} aria-label={`Uploading ${row.name} ${row.pct}%`} />
                  <button
                    type="button"
                    aria-label={`Cancel the upload of ${row.name}`}
                    onClick={() => onCancel(row.id)}
                  >
                    Cancel
                  </button>
                </>
              )}
              {row.state === 'canceled' && <span className="add-muted">Canceled: not queued</span>}
              {row.state === 'done' && <span>Uploaded; queued</span>}
              {row.state === 'failed' && (
                <span className="add-problem">
                  Upload failed: {row.message}. Check that Ferry is still running, then add the file again.
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <>
          <p className="add-panel-heading">Skipped</p>
          <ul aria-label="Skipped files">
            {skipped.map((item) => (
              <li key={`${item.input}\u0000${item.reason}`}>
                <span className="add-file-name">{item.input}</span>: {item.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onClear}>
        Clear
      </button>
    </aside>
  );
}
