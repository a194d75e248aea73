/**
 * The storyboard for timeline hover previews: one sprite sheet of small frames taken at a fixed
 * interval, and a WebVTT file that maps each time range to its tile (`#xywh=`). Pure. The
 * interval is a multiple of the keyframe interval, so tiles can be cut from keyframes alone.
 */

export interface StoryboardPlan {
  intervalSeconds: number;
  tileWidth: number;
  tileHeight: number;
  columns: number;
  rows: number;
  tiles: number;
}

const maxTiles = 100;
const tileLongSide = 160;

export function planStoryboard(
  duration: number,
  frame: { width: number; height: number },
  keyframeSeconds: number,
): StoryboardPlan {
  const intervalSeconds = keyframeSeconds * Math.max(1, Math.ceil(duration / maxTiles / keyframeSeconds));
  const tiles = Math.max(1, Math.ceil(duration / intervalSeconds - 1e-6));
  const landscape = frame.width >= frame.height;
  const scale = tileLongSide / Math.max(frame.width, frame.height);
  const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));
  const tileWidth = landscape ? tileLongSide : even(frame.width * scale);
  const tileHeight = landscape ? even(frame.height * scale) : tileLongSide;
  const columns = Math.min(10, tiles);
  return { intervalSeconds, tileWidth, tileHeight, columns, rows: Math.ceil(tiles / columns), tiles };
}

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

export function storyboardVtt(plan: StoryboardPlan, duration: number, spriteName: string): string {
  const cues: string[] = ['WEBVTT', ''];
  for (let i = 0; i < plan.tiles; i++) {
    const start = i * plan.intervalSeconds;
    const end = Math.min(duration, start + plan.intervalSeconds);
    const x = (i % plan.columns) * plan.tileWidth;
    const y = Math.floor(i / plan.columns) * plan.tileHeight;
    cues.push(
      `${timestamp(start)} --> ${timestamp(end)}`,
      `${spriteName}#xywh=${x},${y},${plan.tileWidth},${plan.tileHeight}`,
      '',
    );
  }
  return cues.join('\n');
}
