/** The storyboard's cues for the timeline's previews; none while loading, or when the video has no storyboard. */
import { useEffect, useState } from 'react';
import { parseStoryboardVtt, type StoryboardCue } from './storyboard-vtt';

export function useStoryboard(vttUrl: string | null): StoryboardCue[] {
  // Kept with the URL they came from, so a changed URL never shows the previous video's tiles.
  const [loaded, setLoaded] = useState<{ url: string; cues: StoryboardCue[] } | null>(null);
  useEffect(() => {
    if (!vttUrl) return;
    const controller = new AbortController();
    fetch(vttUrl, { signal: controller.signal })
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => setLoaded({ url: vttUrl, cues: parseStoryboardVtt(text, vttUrl) }))
      // Previews are a help, not the video: without them the timeline still shows the time.
      .catch(() => undefined);
    return () => controller.abort();
  }, [vttUrl]);
  return loaded && loaded.url === vttUrl ? loaded.cues : [];
}
