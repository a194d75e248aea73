/**
 * A failure's reason names the file, not where this machine keeps it: ffprobe and ffmpeg start
 * their errors with the path they were given ("/home/…/originals/<uid>/clip.mp4: Invalid data…"),
 * which tells the user nothing and, over `ferry serve`, the layout of the host. Pure.
 */
import path from 'node:path';
import { hideInText } from '../../../shared/hide-host-paths';

/** `text` with `file` (wherever it stands as a path of its own) replaced by its name. */
export function nameNotPath(text: string, file: string): string {
  return hideInText(text, [{ path: file, shownAs: path.basename(file) }]);
}
