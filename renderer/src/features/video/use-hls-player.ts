/**
 * Puts the video's stream in a <video>: its HLS through hls.js where the browser has Media Source
 * Extensions (Chromium, Electron), the HLS itself where the browser plays HLS natively (Safari),
 * else the MP4. When hls.js fails for good, the MP4 takes over; when nothing plays, the answer says why.
 */
import Hls from 'hls.js';
import { useEffect, useState, type RefObject } from 'react';

export function useHlsPlayer(
  ref: RefObject<HTMLVideoElement | null>,
  hlsUrl: string | null,
  mp4Url: string | null,
): string | null {
  // Kept with the stream it is about, so a new stream starts without the old one's problem.
  const [problem, setProblem] = useState<{ hlsUrl: string | null; text: string } | null>(null);

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    const fail = (why: string) =>
      setProblem({
        hlsUrl,
        text: `The video cannot be played here (${why}). Try another browser, or play its MP4 from the video's folder.`,
      });
    const playMp4 = (why: string) => (mp4Url ? (video.src = mp4Url) : fail(why));
    let hls: Hls | null = null;
    // What the element itself could not play (native HLS, the MP4); hls.js reports its own failures.
    const onError = () => {
      if (hls) return;
      const why = video.error?.message || 'the browser could not decode it';
      if (mp4Url && video.src !== mp4Url) playMp4(why);
      else fail(why);
    };
    video.addEventListener('error', onError);
    if (hlsUrl && Hls.isSupported()) {
      hls = new Hls();
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        hls?.destroy();
        hls = null;
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
      video.removeAttribute('src');
    };
  }, [ref, hlsUrl, mp4Url]);

  return problem && problem.hlsUrl === hlsUrl ? problem.text : null;
}
