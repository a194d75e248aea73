/**
 * What a drop (or a pick) of files means. One list file on its own is a bulk import; otherwise
 * the videos (and folders, which the engine scans) are added and everything else is listed as
 * skipped with why. Pure.
 */
import { isLitter, isVideoFileName, listFormatOf } from './file-kinds';

export interface DroppedItem {
  /** The name, or the path inside a dropped folder (`trip/day1.mp4`). */
  name: string;
  folder: boolean;
}

export type DropPlan<T> =
  { kind: 'import'; list: T } | { kind: 'add'; videos: T[]; skipped: { item: T; reason: string }[] };

/** `importAlone: false` for the files found inside a folder: a folder is never a list to import. */
export function planDrop<T extends DroppedItem>(items: readonly T[], { importAlone = true } = {}): DropPlan<T> {
  const [only] = items;
  if (importAlone && items.length === 1 && only && !only.folder && listFormatOf(only.name))
    return { kind: 'import', list: only };
  const plan: DropPlan<T> = { kind: 'add', videos: [], skipped: [] };
  for (const item of items) {
    if (isLitter(item.name)) continue;
    if (item.folder || isVideoFileName(item.name)) plan.videos.push(item);
    else if (listFormatOf(item.name))
      plan.skipped.push({ item, reason: 'a list of links: drop or pick it on its own to import it' });
    else plan.skipped.push({ item, reason: 'not a video file (by its extension)' });
  }
  return plan;
}
