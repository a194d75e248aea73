/**
 * Where and how big the watermark is on a frame of the top rendition: pure. Scale is a fraction
 * of the video's width (0 keeps the image's own size); padding a fraction of the width
 * (horizontally) and of the height (vertically), as in Cloudflare Stream's watermark profiles.
 */
import type { Watermark } from '../../../shared/video';

export interface WatermarkPlacement {
  width: number;
  height: number;
  x: number;
  y: number;
  opacity: number;
}

export function placeWatermark(
  watermark: Watermark,
  image: { width: number; height: number },
  frame: { width: number; height: number },
): WatermarkPlacement {
  const scaled = watermark.scale > 0 ? frame.width * watermark.scale : image.width;
  const width = Math.max(2, Math.min(frame.width, 2 * Math.round(scaled / 2)));
  const height = Math.max(2, Math.min(frame.height, 2 * Math.round((width * image.height) / image.width / 2)));
  const padX = Math.round(frame.width * watermark.padding);
  const padY = Math.round(frame.height * watermark.padding);
  const left = padX;
  const right = frame.width - width - padX;
  const top = padY;
  const bottom = frame.height - height - padY;
  const clamp = (v: number, max: number) => Math.max(0, Math.min(v, max));
  const [x, y] = {
    upperLeft: [left, top],
    upperRight: [right, top],
    lowerLeft: [left, bottom],
    lowerRight: [right, bottom],
    center: [Math.round((frame.width - width) / 2), Math.round((frame.height - height) / 2)],
  }[watermark.position];
  return {
    width,
    height,
    x: clamp(x as number, frame.width - width),
    y: clamp(y as number, frame.height - height),
    opacity: watermark.opacity,
  };
}
