/**
 * The video's own player: the local HLS output (use-hls-player.ts), a play button, the time and a
 * scrubber with the storyboard's previews, then sound, speed, rendition and full screen
 * (PlayerSettings.tsx), and the in and out points (TrimBar.tsx). Its box keeps the video's shape before anything loads, so the page does
 * not jump when the picture arrives.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Video } from '../../../../shared/video';
import { useApp } from '../../app/app-context';
import { PlayerSettings } from './PlayerSettings';
import { Timeline } from './Timeline';
import { TrimBar } from './TrimBar';
import { useHlsPlayer } from './use-hls-player';
import { useStoryboard } from './use-storyboard';
import { useTrimDraft } from './use-trim-draft';
import { clock } from './video-facts';

export function VideoPlayer({ video, autoPlay = false }: { video: Video; autoPlay?: boolean }) {
  const { platform } = useApp();
  const ref = useRef<HTMLVideoElement>(null);
  const box = useRef<HTMLElement>(null);
  const player = useHlsPlayer(ref, platform.mediaUrl(video, 'hls'), platform.mediaUrl(video, 'mp4'));
  const { problem } = player;
  const cues = useStoryboard(platform.mediaUrl(video, 'storyboard'));
  const [time, setTime] = useState(0);
  const [length, setLength] = useState(video.duration > 0 ? video.duration : 0);
  const [playing, setPlaying] = useState(false);
  // New outputs (a trim applied, or cleared) start a new draft.
  const trim = useTrimDraft(`${video.uid}:${video.duration}`, length);
  const trimmable = video.status.state === 'ready' || video.trim !== null;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      setTime(element.currentTime);
      if (Number.isFinite(element.duration) && element.duration > 0) setLength(element.duration);
      setPlaying(!element.paused);
    };
    const events = ['timeupdate', 'durationchange', 'play', 'pause', 'ended', 'seeked'];
    events.forEach((name) => element.addEventListener(name, update));
    return () => events.forEach((name) => element.removeEventListener(name, update));
  }, []);

  const { width, height } = video.input;
  const aspectRatio = width > 0 && height > 0 ? `${width} / ${height}` : '16 / 9';
  const toggle = () => {
    const element = ref.current;
    if (!element) return;
    if (element.paused) void element.play().catch(() => undefined);
    else element.pause();
  };
  const seek = (seconds: number) => {
    if (ref.current) ref.current.currentTime = seconds;
    setTime(seconds);
  };
  // I and O, as in editing programs: the in or out point at the player's time.
  const setPoint = (event: KeyboardEvent<HTMLElement>) => {
    const handle = { i: 'in', o: 'out' }[event.key.toLowerCase()] as 'in' | 'out' | undefined;
    if (!handle || !trimmable || video.status.state !== 'ready' || event.ctrlKey || event.metaKey || event.altKey)
      return;
    event.preventDefault();
    trim.move(handle, time);
  };

  return (
    <section className="video-player" aria-label="Player" ref={box} onKeyDown={setPoint}>
      <video
        ref={ref}
        className="video-element"
        style={{ aspectRatio }}
        poster={platform.mediaUrl(video, 'thumbnail') ?? undefined}
        playsInline
        autoPlay={autoPlay}
        onClick={toggle}
      />
      <div className="player-controls">
        <button type="button" onClick={toggle} className="play-button">
          {playing ? 'Pause' : 'Play'}
        </button>
        <Timeline time={time} duration={length} cues={cues} onSeek={seek} />
        <span className="player-time">
          {clock(time)} / {clock(length)}
        </span>
        <PlayerSettings video={ref} box={box} player={player} />
      </div>
      {trimmable && (
        <TrimBar
          video={video}
          time={time}
          duration={length}
          cues={cues}
          trim={trim}
          // The ladder's frame rate, as its playlist says; 30 fps until it is known.
          frameSeconds={1 / (player.rungs[0]?.frameRate || 30)}
          onSeek={seek}
        />
      )}
      {problem && (
        <p role="alert" className="page-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
