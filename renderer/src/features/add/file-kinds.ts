/**
 * What a file is, by its name: a video (the engine's extensions, scan-folder.ts, so a browser
 * uploads what the desktop app would queue from a folder), a list of links, or something else.
 * Pure; the engine still checks each video's content.
 */
import type { ListFormat } from '../../../../shared/api';

const videoExtensions = new Set(
  'mp4 m4v mov qt mkv webm avi flv f4v ts mts m2ts mpg mpeg m2v vob wmv asf ogv mxf 3gp 3g2 dv gif hevc h264 264 265 ivf nut'.split(
    ' ',
  ),
);

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

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

export function isVideoFileName(name: string): boolean {
  return videoExtensions.has(extensionOf(name));
}

/** The format of a list file, or null when the name is not a list's. */
export function listFormatOf(name: string): ListFormat | null {
  return listFormats[extensionOf(name)] ?? null;
}

/** Hidden files and OS litter (.DS_Store, Thumbs.db) are neither uploaded nor reported, as in the engine's scan. */
export function isLitter(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(part));
}
