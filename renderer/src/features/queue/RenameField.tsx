/**
 * A video's name, edited in its row: Enter or leaving the field saves it (the engine's `edit`,
 * `meta.name`), Escape keeps the old one. An empty name goes back to the one Ferry gives.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Video } from '../../../../shared/video';
import { useQueue } from './queue-context';

interface RenameFieldProps {
  video: Video;
  /** The name as the row shows it. */
  title: string;
  /** `byKeyboard`: Enter or Escape, so the row takes the focus back (not after a click elsewhere). */
  done(byKeyboard: boolean): void;
}

export function RenameField({ video, title, done }: RenameFieldProps) {
  const { api, store, report } = useQueue();
  const [name, setName] = useState(video.meta.name || title);
  const finished = useRef(false);

  const finish = (save: boolean, byKeyboard: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const given = name.trim();
    if (save && given !== title) {
      api
        .edit({ uid: video.uid, changes: { meta: { name: given } } })
        .then((edited) => store.getState().applyChanges([edited]))
        .catch(report);
    }
    done(byKeyboard);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // The field's keys are its own: the list's arrows, Space and Home must not act on rows.
    event.stopPropagation();
    if (event.key === 'Enter') finish(true, true);
    if (event.key === 'Escape') finish(false, true);
  };

  return (
    <input
      className="rename-field"
      aria-label={`Name of ${title}`}
      value={name}
      maxLength={500}
      // The field appears because the user asked to type in it.
      autoFocus
      onFocus={(event) => event.target.select()}
      onChange={(event) => setName(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true, false)}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    />
  );
}
