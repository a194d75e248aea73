/**
 * Puts the video's stream in a <video>: its HLS through hls.js where the browser has Media Source
 * Extensions (Chromium, Electron), the HLS itself where the browser plays HLS natively (Safari),
 * else the MP4. When hls.js fails for good, the MP4 takes over; when nothing plays, the answer says why.
 * Through hls.js the renditions can be chosen: automatic (hls.js picks by bandwidth) or one rung.
 */
import Hls from 'hls.js';
import { useEffect, useRef, useState, type RefObject } from 'react';

/** A rung of the ladder as hls.js has it: its index is what `choose` takes. */
export interface Rung {
  index: number;
  height: number;
  bitrate: number;
  /** Frames a second, from the playlist's FRAME-RATE (0 when it gives none). */
  frameRate: number;
}

export interface HlsPlayer {
  /** Why nothing plays, or null. */
  problem: string | null;
  /** The ladder's rungs, highest first; none where the browser plays the stream itself. */
  rungs: Rung[];
  /** The rung chosen, or -1 for automatic. */
  chosen: number;
  choose(index: number): void;
}

export function useHlsPlayer(
  ref: RefObject<HTMLVideoElement | null>,
  hlsUrl: string | null,
  mp4Url: string | null,
): HlsPlayer {
  // Kept with the stream it is about, so a new stream starts without the old one's problem.
  const [problem, setProblem] = useState<{ hlsUrl: string | null; text: string } | null>(null);
  const [rungs, setRungs] = useState<Rung[]>([]);
  const [chosen, setChosen] = useState(-1);
  const hlsRef = useRef<Hls | null>(null);
  // The MP4 is only a fallback, and appears when the video is ready: that must not restart a stream
  // that has been playing since the video became playable.
  const mp4Ref = useRef(mp4Url);
  useEffect(() => {
    mp4Ref.current = mp4Url;
  }, [mp4Url]);

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    const fail = (why: string) =>
      setProblem({
        hlsUrl,
        text: `The video cannot be played here (${why}). Try another browser, or play its MP4 from the video's folder.`,
      });
    const playMp4 = (why: string) => (mp4Ref.current ? (video.src = mp4Ref.current) : fail(why));
    let hls: Hls | null = null;
    // What the element itself could not play (native HLS, the MP4); hls.js reports its own failures.
    const onError = () => {
      if (hls) return;
      const why = video.error?.message || 'the browser could not decode it';
      if (mp4Ref.current && video.src !== mp4Ref.current) playMp4(why);
      else fail(why);
    };
    video.addEventListener('error', onError);
    if (hlsUrl && Hls.isSupported()) {
      // From the beginning: a video still being encoded has growing (EVENT) playlists, which hls.js
      // would otherwise join near their end, as it joins a live stream.
      hls = new Hls({ startPosition: 0 });
      hlsRef.current = hls;
      hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) =>
        setRungs(
          data.levels
            .map((level, index) => ({
              index,
              height: level.height,
              bitrate: level.bitrate,
              frameRate: level.frameRate || 0,
            }))
            .sort((a, b) => b.height - a.height || b.bitrate - a.bitrate),
        ),
      );
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        hls?.destroy();
        hls = null;
        hlsRef.current = null;
        setRungs([]);
        playMp4(data.details);
      });
      hls.loadSource(hlsUrl);
      hls.attachMedia(video);
    } else if (hlsUrl && video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = hlsUrl;
    } else {
      playMp4('this browser plays no HLS');
    }
    return () => {
      video.removeEventListener('error', onError);
      hls?.destroy();
      hlsRef.current = null;
      setRungs([]);
      setChosen(-1);
      video.removeAttribute('src');
    };
  }, [ref, hlsUrl]);

  const choose = (index: number) => {
    // currentLevel switches at once (flushing the buffer), as a viewer who picked a rung expects.
    if (hlsRef.current) hlsRef.current.currentLevel = index;
    setChosen(index);
  };
  return { problem: problem && problem.hlsUrl === hlsUrl ? problem.text : null, rungs, chosen, choose };
}
