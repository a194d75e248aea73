/**
 * Where finished videos are kept, the room left there, and moving them: Move… asks for an empty
 * or new folder, then shows each step of the move with its bytes until the new library is in use.
 * A browser on ferry serve shows the place but moves nothing: the folder is the host's.
 */
import { useState, type FormEvent } from 'react';
import type { LibraryMove, Settings } from '../../../../shared/api';
import { formatBytes } from '../../../../shared/format-units';
import { useApp } from '../../app/app-context';
import { TextField } from './form-fields';
import { SettingsSection } from './SettingsSection';
import { useLibraryMove } from './use-library-move';

const stepText: Record<LibraryMove['phase'], string> = {
  'stopping-work': 'Pausing the queue…',
  copying: 'Copying…',
  verifying: 'Checking every copy…',
  switching: 'Switching to the new library…',
  removing: 'Removing the old copies…',
  unfinished: 'A move was cut short; Ferry finishes or undoes it when the queue next runs.',
};

function MoveProgress({ move }: { move: LibraryMove }) {
  const pct = move.bytesTotal > 0 ? Math.round((move.bytesDone / move.bytesTotal) * 100) : 0;
  return (
    <div className="library-move" role="status">
      <p>
        Moving to <code>{move.to}</code>: {stepText[move.phase]}
        {move.bytesTotal > 0 && ` ${pct} %`}
      </p>
      <progress max={100} value={pct} aria-label="Moving the library" />
      <p className="field-hint">The queue is paused until the move is done; work stopped by it starts again there.</p>
    </div>
  );
}

export function LibrarySection({ settings }: { settings: Settings }) {
  const { platform, report } = useApp();
  const library = useLibraryMove();
  const [asking, setAsking] = useState(false);
  const [to, setTo] = useState('');
  const inBrowser = platform.servedBy !== null;
  const move = library.status?.move ?? null;
  const free = library.status && `${formatBytes(library.status.freeBytes)} free on its volume.`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void library.move(to.trim()).then((moved) => moved && setAsking(false));
  };

  return (
    <SettingsSection title="Library">
      <div className="inline-field">
        <TextField
          label="Finished videos are kept in"
          value={library.status?.library ?? settings.library}
          readOnly
          hint={
            inBrowser ? (
              <>
                {free} Move it on the machine Ferry runs on: in the desktop app, or with{' '}
                <code>ferry settings library &lt;path&gt;</code>.
              </>
            ) : (
              free
            )
          }
        />
        {platform.canOpenFolder && (
          <button type="button" onClick={() => platform.openFolder().catch(report)}>
            Open folder
          </button>
        )}
        {!inBrowser && !asking && (
          <button type="button" disabled={library.moving || move !== null} onClick={() => setAsking(true)}>
            Move…
          </button>
        )}
      </div>
      {asking && (
        <form className="inline-field" onSubmit={submit}>
          <TextField
            label="Move the library to"
            value={to}
            onChange={setTo}
            placeholder="/Volumes/Videos/Ferry library"
            disabled={library.moving}
            hint="An empty or new folder with room for every video: each is copied, checked, then the old copies are removed."
            error={library.error}
          />
          <button type="submit" disabled={library.moving || to.trim() === ''}>
            Move
          </button>
          <button type="button" disabled={library.moving} onClick={() => setAsking(false)}>
            Cancel
          </button>
        </form>
      )}
      {move && <MoveProgress move={move} />}
      {library.movedTo && !move && (
        <p role="status">
          The library is now in <code>{library.movedTo}</code>.
        </p>
      )}
    </SettingsSection>
  );
}
