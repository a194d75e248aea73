/**
 * Which files are videos by their name, and which are OS litter: one list for the engine's folder
 * scan and the browser's folder upload, so both take the same files from the same folder. The
 * extensions cover the containers the probe accepts (electron/engine/media/media-formats.ts);
 * the probe still checks each file's content.
 */
export const videoExtensions: ReadonlySet<string> = new Set(
  'mp4 m4v mov qt mkv webm avi flv f4v ts mts m2ts mpg mpeg m2v vob wmv asf ogv mxf 3gp 3g2 dv gif hevc h264 264 265 ivf nut'.split(
    ' ',
  ),
);

/** The lower-case extension of a file name, '' when it has none (a leading dot is a hidden file's, not an extension). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function isVideoFileName(name: string): boolean {
  return videoExtensions.has(extensionOf(name));
}

/** Hidden files and OS litter (.DS_Store, Thumbs.db), anywhere in a relative path: neither queued nor reported. */
export function isLitter(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).some((part) => part.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(part));
}
