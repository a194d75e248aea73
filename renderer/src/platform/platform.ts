/**
 * What the renderer needs from where it runs that is not a command of the engine: a dropped
 * file's path, pickers, uploads, opening a folder, a video's media URLs, the clipboard, the links
 * ferry:// links brought. Electron
 * answers through its preload (window.ferryPlatform); a browser (`ferry serve`) with what a page
 * can do (browser-platform.ts).
 */
import type { OfferedLinks } from '../../../shared/platform-bridge';
import type { Video } from '../../../shared/video';
import type { Upload, UploadReport } from './upload-file';

export type MediaKind = 'thumbnail' | 'hls' | 'dash' | 'mp4' | 'storyboard';

export interface Platform {
  /** The file's path on disk, when the platform can tell (Electron's webUtils.getPathForFile); null in a browser. */
  pathForFile(file: File): string | null;
  /** Lets the user choose files (or folders) as File objects; resolves with none when they cancel. */
  pickFiles(options: { folders?: boolean; accept?: readonly string[] }): Promise<File[]>;
  /**
   * The OS's own picker, answering paths the engine reads where they are (a folder is scanned by
   * the engine); null where the page cannot give paths (a browser picks Files to upload).
   */
  readonly pickPaths: ((options: { folders?: boolean; extensions?: readonly string[] }) => Promise<string[]>) | null;
  /**
   * Sends a file to the engine, which queues it once the last byte is in (a browser on `ferry
   * serve`, over TUS); null where files are added by path instead.
   */
  readonly uploadFile: ((file: File, report: UploadReport) => Upload) | null;
  /**
   * The door the user came through: the address of the `ferry serve` this page was loaded from
   * (a browser), or null in the desktop app's window.
   */
  readonly servedBy: string | null;
  /** Whether openFolder does anything here (a browser cannot open a local folder). */
  readonly canOpenFolder: boolean;
  /** Shows a video's folder in the library (or the library itself without a uid) in the OS's file manager. */
  openFolder(uid?: string): Promise<void>;
  /** Where this platform serves the video's media from, or null while the video has none of that kind. */
  mediaUrl(video: Video, kind: MediaKind): string | null;
  copyText(text: string): Promise<void>;
  /** The clipboard's text; rejects when the platform may not read it (a browser that was refused). */
  readClipboard(): Promise<string>;
  /**
   * The links `ferry://add?url=…` links handed the desktop app, for the paste sheet to offer: `take`
   * empties main's box, `onOffer` hears when it has more. null where no ferry:// link arrives (a browser).
   */
  readonly offeredLinks: { take(): Promise<OfferedLinks | null>; onOffer(listener: () => void): () => void } | null;
}
