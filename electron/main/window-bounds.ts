/**
 * Where the window reopens: the size and place it was closed at, if that is still on a screen
 * (a monitor may be gone), moved and shrunk to lie fully in that screen's work area. Pure.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowPlace {
  bounds: Rect;
  maximized: boolean;
}

/** What opens when nothing usable was saved: a size, placed by the system. */
export interface DefaultSize {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

export type Restored = { bounds: Rect | { width: number; height: number }; maximized: boolean };

const isRect = (value: unknown): value is Rect =>
  typeof value === 'object' &&
  value !== null &&
  ['x', 'y', 'width', 'height'].every((key) => Number.isFinite((value as Record<string, unknown>)[key]));

/** A saved place, read from JSON that may be anything (an old version's, a hand-edited one). */
export function parseWindowPlace(saved: unknown): WindowPlace | undefined {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const { bounds, maximized } = saved as Record<string, unknown>;
  if (!isRect(bounds) || bounds.width <= 0 || bounds.height <= 0) return undefined;
  return { bounds, maximized: maximized === true };
}

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), high);

/** Shown so little a user could not grab it: treated as off screen. */
const minVisibleArea = 100 * 50;

export function restoreWindow(saved: unknown, workAreas: readonly Rect[], defaults: DefaultSize): Restored {
  const place = parseWindowPlace(saved);
  const fallback = { bounds: { width: defaults.width, height: defaults.height }, maximized: false };
  if (!place) return fallback;
  const screen = [...workAreas].sort((a, b) => overlap(place.bounds, b) - overlap(place.bounds, a))[0];
  if (!screen || overlap(place.bounds, screen) < minVisibleArea) return { ...fallback, maximized: place.maximized };
  const width = clamp(Math.round(place.bounds.width), Math.min(defaults.minWidth, screen.width), screen.width);
  const height = clamp(Math.round(place.bounds.height), Math.min(defaults.minHeight, screen.height), screen.height);
  const x = clamp(Math.round(place.bounds.x), screen.x, screen.x + screen.width - width);
  const y = clamp(Math.round(place.bounds.y), screen.y, screen.y + screen.height - height);
  return { bounds: { x, y, width, height }, maximized: place.maximized };
}
