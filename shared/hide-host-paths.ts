/**
 * Paths of this machine taken out of what `ferry serve` answers: the engine's texts name the
 * data directory, a source file or the home folder ("The file is gone: /home/…/uploads/…"), and a
 * caller over HTTP or the socket learns nothing of the host's layout from them. Pure.
 */

/** A path of this machine and the words shown in its place. */
export interface HiddenPath {
  path: string;
  shownAs: string;
}

/** The paths every answer hides: the data directory (uploads, originals, the library) and the home folder. */
export function hostPaths(dataDir: string, home: string): HiddenPath[] {
  return [
    { path: dataDir, shownAs: "Ferry's data directory" },
    { path: home, shownAs: '~' },
  ];
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each path's pattern, made once: every string of every answer is looked through (the API's hot path). */
const patterns = new Map<string, RegExp>();

/**
 * `path` where it stands as a path of its own: not as the tail of a longer name (`/data` in
 * `/database`) nor inside a link (`https://cdn.example/data/…` keeps its `/data`).
 */
function standingAlone(path: string): RegExp {
  let pattern = patterns.get(path);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\w.~%/\\]-])${escaped(path)}(?![\\w~%-]|\\.\\w)`, 'g');
    patterns.set(path, pattern);
  }
  return pattern;
}

/** A function hiding these paths in a text, longest first (a file inside the data directory before the directory). */
function hider(hidden: readonly HiddenPath[]): (text: string) => string {
  // A root or empty path (a home of "/") would swallow every slash.
  const usable = hidden.filter((one) => one.path.length > 1).sort((a, b) => b.path.length - a.path.length);
  return (text) =>
    usable.reduce(
      (shown, one) => (shown.includes(one.path) ? shown.replace(standingAlone(one.path), () => one.shownAs) : shown),
      text,
    );
}

/** `text` with each path replaced. */
export function hideInText(text: string, hidden: readonly HiddenPath[]): string {
  return hider(hidden)(text);
}

/**
 * `value` (JSON data) with every string's host paths hidden. Only what changes is copied: this
 * runs on every answer of the API, and most answers name no path.
 */
export function hideHostPaths<T>(value: T, hidden: readonly HiddenPath[]): T {
  const hide = hider(hidden);
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return hide(item);
    if (Array.isArray(item)) {
      const shown = item.map(walk);
      return shown.some((one, index) => one !== item[index]) ? shown : item;
    }
    if (typeof item !== 'object' || item === null) return item;
    let copy: Record<string, unknown> | undefined;
    for (const [key, inner] of Object.entries(item)) {
      const shown = walk(inner);
      if (shown !== inner) (copy ??= { ...item })[key] = shown;
    }
    return copy ?? item;
  };
  return walk(value) as T;
}
