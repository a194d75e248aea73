/**
 * In and out points on the video's page: under the player, the storyboard as a filmstrip with a
 * handle at each end of the part kept (dragged, or moved by the arrow keys: a second, Shift for
 * ten, Alt one frame), buttons that set them at the player's time (I and O do too, while the player has focus),
 * the trimmed duration, Apply (`edit` with the trim: the video is transcoded again) and Clear.
 * The times are the video's as it plays; `edit` is sent the source's (trim-draft.ts).
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { formatSeconds } from '../../../../shared/trim';
import type { Video } from '../../../../shared/video';
import { useApp } from '../../app/app-context';
import { cueAt, type StoryboardCue } from './storyboard-vtt';
import { cutsSomething, handleKeyTarget, trimForDraft, type TrimHandle } from './trim-draft';
import type { TrimDraftState } from './use-trim-draft';
import './trim-bar.css';

const stripHeight = 36;

interface TrimBarProps {
  video: Video;
  time: number;
  duration: number;
  cues: readonly StoryboardCue[];
  trim: TrimDraftState;
  /** One frame of the outputs, for Alt+arrow. */
  frameSeconds: number;
  onSeek(seconds: number): void;
}

/** The track's width in pixels, followed as the window changes. */
function useWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(node);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/** The storyboard's tiles side by side at the strip's height, each showing the time under its middle. */
function Filmstrip({ duration, cues, width }: { duration: number; cues: readonly StoryboardCue[]; width: number }) {
  const first = cues[0];
  if (!first || width <= 0 || duration <= 0) return <div className="trim-strip" aria-hidden="true" />;
  const scale = stripHeight / first.height;
  const tileWidth = first.width * scale;
  const count = Math.ceil(width / tileWidth);
  return (
    <div className="trim-strip" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => {
        const cue = cueAt(cues, Math.min(duration, (((i + 0.5) * tileWidth) / width) * duration));
        return (
          <div key={i} className="trim-strip-cell" style={{ width: tileWidth }}>
            {cue && (
              <div
                className="trim-strip-tile"
                style={{
                  width: cue.width,
                  height: cue.height,
                  backgroundImage: `url("${cue.sprite}")`,
                  backgroundPosition: `${-cue.x}px ${-cue.y}px`,
                  transform: `scale(${scale})`,
                }}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

export function TrimBar({ video, time, duration, cues, trim, frameSeconds, onSeek }: TrimBarProps) {
  const { api, report, tell } = useApp();
  const track = useRef<HTMLDivElement>(null);
  const width = useWidth(track);
  const { draft } = trim;
  const ready = video.status.state === 'ready';
  const changed = cutsSomething(draft, duration);
  const pct = (seconds: number) => `${duration > 0 ? (seconds / duration) * 100 : 0}%`;

  const place = (handle: TrimHandle, to: number) => {
    trim.move(handle, to);
    onSeek(Math.min(duration, Math.max(0, to)));
  };
  const drag = (handle: TrimHandle) => (event: PointerEvent<HTMLDivElement>) => {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width <= 0 || !event.currentTarget.hasPointerCapture(event.pointerId)) return;
    place(handle, ((event.clientX - box.left) / box.width) * duration);
  };
  const keys = (handle: TrimHandle) => (event: KeyboardEvent<HTMLDivElement>) => {
    const modifiers = { shift: event.shiftKey, alt: event.altKey };
    const to = handleKeyTarget(event.key, modifiers, draft[handle], duration, frameSeconds);
    if (to === null) return;
    event.preventDefault();
    // The player's own I/O and arrow keys are not this handle's.
    event.stopPropagation();
    place(handle, to);
  };
  const apply = () => {
    const next = trimForDraft(draft, video.trim);
    api
      .edit({ uid: video.uid, changes: { trim: next } })
      .then(() => tell(`Trimmed to ${formatSeconds(next.end - next.start)}: the video is being transcoded again.`))
      .catch(report);
  };
  const clear = () => {
    trim.reset();
    if (!video.trim) return;
    api
      .edit({ uid: video.uid, changes: { trim: null } })
      .then(() => tell('Trim cleared: the whole video is being transcoded again.'))
      .catch(report);
  };

  const handle = (which: TrimHandle, label: string) => (
    <div
      role="slider"
      tabIndex={ready ? 0 : -1}
      aria-label={label}
      aria-disabled={!ready}
      aria-valuemin={0}
      aria-valuemax={duration}
      aria-valuenow={Math.round(draft[which] * 1000) / 1000}
      aria-valuetext={`${formatSeconds(draft[which])} of ${formatSeconds(duration)}`}
      className={`trim-handle trim-handle-${which}`}
      style={{ left: pct(draft[which]) }}
      onPointerDown={(event) => ready && event.currentTarget.setPointerCapture(event.pointerId)}
      onPointerMove={drag(which)}
      onKeyDown={ready ? keys(which) : undefined}
    />
  );

  return (
    <div className="trim-bar" role="group" aria-label="Trim">
      <div className="trim-track" ref={track}>
        <Filmstrip duration={duration} cues={cues} width={width} />
        <div className="trim-shade" style={{ left: 0, width: pct(draft.in) }} />
        <div className="trim-shade" style={{ left: pct(draft.out), right: 0 }} />
        <div className="trim-kept" style={{ left: pct(draft.in), width: pct(draft.out - draft.in) }} />
        <div className="trim-playhead" style={{ left: pct(time) }} aria-hidden="true" />
        {handle('in', 'In point')}
        {handle('out', 'Out point')}
      </div>
      <div className="trim-actions">
        <button type="button" disabled={!ready} onClick={() => place('in', time)}>
          Set in at current time
        </button>
        <button type="button" disabled={!ready} onClick={() => place('out', time)}>
          Set out
        </button>
        <span className="trim-summary" aria-live="polite">
          {formatSeconds(draft.in)} – {formatSeconds(draft.out)} · trimmed duration{' '}
          <strong>{formatSeconds(draft.out - draft.in)}</strong>
        </span>
        <button type="button" className="primary" disabled={!ready || !changed} onClick={apply}>
          Apply
        </button>
        <button type="button" disabled={!ready || (!changed && !video.trim)} onClick={clear}>
          Clear
        </button>
      </div>
      <p className="muted trim-hint">
        {ready
          ? video.trim
            ? `Trimmed to ${formatSeconds(video.trim.start)} – ${formatSeconds(video.trim.end)} of the original; Clear gives back all of it. I and O set the in and out points while the player has focus.`
            : 'I and O set the in and out points at the current time while the player has focus; Apply transcodes the part kept.'
          : 'The in and out points can be changed once the video is ready.'}
      </p>
    </div>
  );
}
