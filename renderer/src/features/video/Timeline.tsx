/**
 * The player's scrubber: a native range input (arrow keys, Home/End, screen readers) with the
 * storyboard's tile and the time above it, where the pointer hovers or, from the keyboard, where
 * the thumb is while it has focus.
 */
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { cueAt, type StoryboardCue } from './storyboard-vtt';
import { clock } from './video-facts';

/** Arrow keys move this far: the range's fine step (for dragging) would be a tenth of a second a press. */
const keyStepSeconds = 5;
const keySteps: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 };

interface TimelineProps {
  time: number;
  duration: number;
  cues: readonly StoryboardCue[];
  onSeek(seconds: number): void;
}

function Preview({ seconds, duration, cues }: { seconds: number; duration: number; cues: readonly StoryboardCue[] }) {
  const cue = cueAt(cues, seconds);
  const left = `${duration > 0 ? Math.min(100, Math.max(0, (seconds / duration) * 100)) : 0}%`;
  return (
    <div className="timeline-preview" style={{ left }} aria-hidden="true">
      {cue && (
        <div
          className="storyboard-tile"
          style={{
            width: cue.width,
            height: cue.height,
            backgroundImage: `url("${cue.sprite}")`,
            backgroundPosition: `${-cue.x}px ${-cue.y}px`,
          }}
        />
      )}
      <span className="timeline-preview-time">{clock(seconds)}</span>
    </div>
  );
}

export function Timeline({ time, duration, cues, onSeek }: TimelineProps) {
  const [hover, setHover] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const track = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0 || duration <= 0) return;
    setHover(Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)) * duration);
  };
  const step = (event: KeyboardEvent<HTMLInputElement>) => {
    const direction = keySteps[event.key];
    if (direction === undefined) return;
    event.preventDefault();
    onSeek(Math.min(duration, Math.max(0, time + direction * keyStepSeconds)));
  };
  const shown = hover ?? (focused ? time : null);
  return (
    <div className="timeline" onPointerMove={track} onPointerLeave={() => setHover(null)}>
      {shown !== null && <Preview seconds={shown} duration={duration} cues={cues} />}
      <input
        type="range"
        className="timeline-range"
        aria-label="Seek"
        aria-valuetext={`${clock(time)} of ${clock(duration)}`}
        min={0}
        max={duration > 0 ? duration : 0}
        step={0.1}
        value={Math.min(time, duration > 0 ? duration : 0)}
        disabled={duration <= 0}
        onChange={(e) => onSeek(Number(e.target.value))}
        onKeyDown={step}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
    </div>
  );
}
