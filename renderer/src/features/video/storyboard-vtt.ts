/**
 * The storyboard's WebVTT (electron/engine/media/plan-storyboard.ts): each cue names a time range
 * and the tile of the sprite sheet that shows it (`storyboard.jpg#xywh=x,y,w,h`). Pure.
 */

export interface StoryboardCue {
  start: number;
  end: number;
  /** The sprite sheet, resolved against the VTT's own URL, without the fragment. */
  sprite: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `hh:mm:ss.mmm` or `mm:ss.mmm` in seconds; NaN when it is neither. */
export function vttSeconds(text: string): number {
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return NaN;
  const [, h = '0', m = '0', s = '0', ms = '0'] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms.padEnd(3, '0')) / 1000;
}

function cueOf(timing: string, payload: string, vttUrl: string): StoryboardCue | null {
  const [from, rest] = timing.split('-->');
  // Cue settings may follow the end time: only its first word is the time.
  const start = vttSeconds(from ?? '');
  const end = vttSeconds(rest?.trim().split(/\s+/)[0] ?? '');
  const fragment = /#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(payload);
  if (Number.isNaN(start) || Number.isNaN(end) || !fragment) return null;
  let sprite: URL;
  try {
    sprite = new URL(payload, vttUrl);
  } catch {
    return null;
  }
  sprite.hash = '';
  const [, x, y, width, height] = fragment.map(Number) as [number, number, number, number, number];
  return { start, end, sprite: sprite.href, x, y, width, height };
}

/** The cues with a tile, in file order; anything else in the file (notes, headers, broken cues) is left out. */
export function parseStoryboardVtt(text: string, vttUrl: string): StoryboardCue[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cues: StoryboardCue[] = [];
  lines.forEach((line, i) => {
    if (!line.includes('-->')) return;
    const payload = lines[i + 1]?.trim();
    const cue = payload ? cueOf(line, payload, vttUrl) : null;
    if (cue) cues.push(cue);
  });
  return cues;
}

/** The cue that shows `seconds`: the one whose range holds it, else the last one that starts before it. */
export function cueAt(cues: readonly StoryboardCue[], seconds: number): StoryboardCue | undefined {
  let found: StoryboardCue | undefined;
  for (const cue of cues) {
    if (cue.start > seconds) break;
    found = cue;
    if (seconds < cue.end) break;
  }
  return found;
}
