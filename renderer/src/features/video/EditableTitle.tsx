/**
 * The video's name as the page's title, renamed in place: a click or F2 turns it into a text
 * field, Enter (or leaving the field, as file managers do) saves it (`edit` with `meta.name`),
 * Escape cancels. An empty name is not saved (the video keeps the one it has). Focus returns to
 * the title after Enter or Escape.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Video } from '../../../../shared/video';
import { useApp } from '../../app/app-context';

export function EditableTitle({ video, title }: { video: Video; title: string }) {
  const { api, report, tell } = useApp();
  const [draft, setDraft] = useState<string | null>(null);
  const heading = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const refocus = useRef(false);
  // The field's one ending: Enter, Escape or blur, whichever comes first (Enter's unmount may blur too).
  const editing = useRef(false);
  const isEditing = draft !== null;

  useEffect(() => {
    if (isEditing) field.current?.select();
    else if (refocus.current) {
      refocus.current = false;
      heading.current?.focus();
    }
  }, [isEditing]);

  const start = () => {
    editing.current = true;
    setDraft(title);
  };
  const stop = (focusTitle: boolean) => {
    editing.current = false;
    refocus.current = focusTitle;
    setDraft(null);
  };
  const save = (focusTitle: boolean) => {
    if (!editing.current) return;
    const name = (draft ?? '').trim();
    stop(focusTitle);
    if (name === '' || name === title) return;
    api
      .edit({ uid: video.uid, changes: { meta: { name } } })
      .then(() => tell(`Renamed to ${name}.`))
      .catch(report);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' && event.key !== 'Escape') return;
    // The key is this field's alone: not the title button's once it has focus again (Enter would click it).
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Enter') save(true);
    else stop(true);
  };

  if (draft !== null)
    return (
      <h2 className="video-title">
        <input
          ref={field}
          className="video-title-field"
          aria-label="Name of the video"
          value={draft}
          maxLength={500}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
          onBlur={() => save(false)}
        />
      </h2>
    );
  return (
    <h2 className="video-title">
      <button
        ref={heading}
        type="button"
        className="video-title-button"
        title="Rename (F2)"
        aria-keyshortcuts="F2"
        onClick={start}
        onKeyDown={(e) => {
          if (e.key === 'F2') start();
        }}
      >
        {title}
      </button>
    </h2>
  );
}
