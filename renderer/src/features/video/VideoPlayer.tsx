/**
 * The video's own player: the local HLS output (use-hls-player.ts), a play button, the time and a
 * scrubber with the storyboard's previews, then sound, speed, rendition and full screen
 * (PlayerSettings.tsx). Its box keeps the video's shape before anything loads, so the page does
 * not jump when the picture arrives.
 */
import { useEffect, useRef, useState } from 'react';
import type { Video } from '../../../../shared/video';
import { useApp } from '../../app/app-context';
import { PlayerSettings } from './PlayerSettings';
import { Timeline } from './Timeline';
import { useHlsPlayer } from './use-hls-player';
import { useStoryboard } from './use-storyboard';
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

  return (
    <section className="video-player" aria-label="Player" ref={box}>
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
        <Timeline
          time={time}
          duration={length}
          cues={cues}
          onSeek={(seconds) => {
            if (ref.current) ref.current.currentTime = seconds;
            setTime(seconds);
          }}
        />
        <span className="player-time">
          {clock(time)} / {clock(length)}
        </span>
        <PlayerSettings video={ref} box={box} player={player} />
      </div>
      {problem && (
        <p role="alert" className="page-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
