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

/**
 * `path` where it stands as a path of its own: not as the tail of a longer name (`/data` in
 * `/database`) nor inside a link (`https://cdn.example/data/…` keeps its `/data`).
 */
const standingAlone = (path: string) => new RegExp(`(?<![\\w.~%/\\]-])${escaped(path)}(?![\\w~%-]|\\.\\w)`, 'g');

/** `text` with each path replaced, longest first (a file inside the data directory before the directory). */
export function hideInText(text: string, hidden: readonly HiddenPath[]): string {
  // A root or empty path (a home of "/") would swallow every slash.
  const usable = hidden.filter((one) => one.path.length > 1).sort((a, b) => b.path.length - a.path.length);
  return usable.reduce((shown, one) => shown.replace(standingAlone(one.path), () => one.shownAs), text);
}

/** `value` (JSON data) with every string's host paths hidden. */
export function hideHostPaths<T>(value: T, hidden: readonly HiddenPath[]): T {
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return hideInText(item, hidden);
    if (Array.isArray(item)) return item.map(walk);
    if (typeof item === 'object' && item !== null)
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, walk(inner)]));
    return item;
  };
  return walk(value) as T;
}
