/**
 * What a file is, by its name: a video (shared/video-files.ts, the engine's own list, so a browser
 * uploads what the desktop app would queue from a folder), a list of links, or something else.
 * Pure; the engine still checks each video's content.
 */
import type { ListFormat } from '../../../../shared/link-check';
import { extensionOf, videoExtensions } from '../../../../shared/video-files';

export { isLitter, isVideoFileName } from '../../../../shared/video-files';

/** What the video picker accepts: every video type the OS knows, and the extensions it may not (mkv, mxf…). */
export const videoAccept = ['video/*', ...[...videoExtensions].map((extension) => `.${extension}`)];

const listFormats: Record<string, ListFormat> = {
  txt: 'text',
  csv: 'csv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
};

/** What the list pickers accept. */
export const listExtensions = Object.keys(listFormats);

/** The format of a list file, or null when the name is not a list's. */
export function listFormatOf(name: string): ListFormat | null {
  return listFormats[extensionOf(name)] ?? null;
}
