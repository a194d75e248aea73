/**
 * The player's other controls: sound (mute and volume), speed, the rendition (automatic or one
 * rung of the ladder, where hls.js plays the stream) and full screen. Native controls, so each is
 * operable by keyboard and read by screen readers; they follow the element's own events, so
 * keyboard shortcuts of the browser's and these agree.
 */
import { useEffect, useState, type RefObject } from 'react';
import type { HlsPlayer } from './use-hls-player';
import { rungLabel } from './video-facts';

export const speeds = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

interface Sound {
  volume: number;
  muted: boolean;
  rate: number;
}

function useSound(ref: RefObject<HTMLVideoElement | null>): Sound {
  const [sound, setSound] = useState<Sound>({ volume: 1, muted: false, rate: 1 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => setSound({ volume: element.volume, muted: element.muted, rate: element.playbackRate });
    update();
    element.addEventListener('volumechange', update);
    element.addEventListener('ratechange', update);
    return () => {
      element.removeEventListener('volumechange', update);
      element.removeEventListener('ratechange', update);
    };
  }, [ref]);
  return sound;
}

function useFullscreen(box: RefObject<HTMLElement | null>): [boolean, () => void] {
  const [full, setFull] = useState(false);
  useEffect(() => {
    const update = () => setFull(document.fullscreenElement !== null && document.fullscreenElement === box.current);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, [box]);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void box.current?.requestFullscreen().catch(() => undefined);
  };
  return [full, toggle];
}

export function PlayerSettings({
  video,
  box,
  player,
}: {
  video: RefObject<HTMLVideoElement | null>;
  box: RefObject<HTMLElement | null>;
  player: HlsPlayer;
}) {
  const sound = useSound(video);
  const [full, toggleFull] = useFullscreen(box);
  const element = () => video.current;
  const shownVolume = sound.muted ? 0 : Math.round(sound.volume * 100);
  return (
    <div className="player-settings">
      <button
        type="button"
        aria-pressed={sound.muted}
        onClick={() => {
          const v = element();
          if (v) v.muted = !v.muted;
        }}
      >
        {sound.muted ? 'Unmute' : 'Mute'}
      </button>
      <input
        type="range"
        className="player-volume"
        aria-label="Volume"
        min={0}
        max={100}
        step={5}
        value={shownVolume}
        aria-valuetext={`${shownVolume}%`}
        onChange={(e) => {
          const v = element();
          if (!v) return;
          v.volume = Number(e.target.value) / 100;
          v.muted = v.volume === 0;
        }}
      />
      <label className="player-choice">
        <span>Speed</span>
        <select
          value={String(sound.rate)}
          onChange={(e) => {
            const v = element();
            if (v) v.playbackRate = Number(e.target.value);
          }}
        >
          {speeds.map((speed) => (
            <option key={speed} value={String(speed)}>
              {speed}×
            </option>
          ))}
        </select>
      </label>
      {player.rungs.length > 1 && (
        <label className="player-choice">
          <span>Quality</span>
          <select value={String(player.chosen)} onChange={(e) => player.choose(Number(e.target.value))}>
            <option value="-1">Auto</option>
            {player.rungs.map((rung) => (
              <option key={rung.index} value={String(rung.index)}>
                {rungLabel(rung)}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" aria-pressed={full} onClick={toggleFull}>
        {full ? 'Exit full screen' : 'Full screen'}
      </button>
    </div>
  );
}
