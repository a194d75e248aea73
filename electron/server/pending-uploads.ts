/**
 * The uploads still under way (TUS, or a direct upload not yet posted), as the videos they will
 * be: Cloudflare's `pendingupload`, under the id each announced, for `GET …/stream/{id}` and
 * `GET …/stream?status=pendingupload`.
 */
import { FileStore } from '@tus/file-store';
import { previewUrl } from '../../shared/shown-video';
import type { ServerContext } from './server-context';
import { findUpload, UploadVideos } from './upload-links';
import { parseUploadMetadata } from './upload-metadata';
import { pendingUploadVideo, type StreamVideo } from './stream-video';

export interface PendingFilter {
  creator?: string;
  search?: string;
  asc?: boolean;
  limit?: number;
}

export class PendingUploads {
  private store: FileStore | undefined;

  constructor(private readonly context: Pick<ServerContext, 'paths' | 'baseUrl'>) {}

  /** The upload's video while it is under way; undefined when there is no such upload, or it is a video now. */
  async get(id: string): Promise<StreamVideo | undefined> {
    const directory = this.context.paths.uploads;
    // Made when first needed: its constructor creates the folder, which a server may never use.
    this.store ??= new FileStore({ directory });
    const upload = await findUpload(this.store, id);
    if (!upload || new UploadVideos(directory).videoOf(id) !== undefined) return undefined;
    const parsed = parseUploadMetadata(upload.metadata ?? {});
    if (!parsed.ok) return undefined;
    return pendingUploadVideo(upload, parsed.value.options, previewUrl(this.context.baseUrl(), id));
  }

  /** Ends an upload under way, as deleting its video does on Cloudflare; false when there is none. */
  async remove(id: string): Promise<boolean> {
    if ((await this.get(id)) === undefined || this.store === undefined) return false;
    await this.store.remove(id);
    return true;
  }

  /** Every upload under way that the filter keeps, newest first unless `asc`. */
  async list(filter: PendingFilter): Promise<StreamVideo[]> {
    const ids = new UploadVideos(this.context.paths.uploads).withoutVideo();
    const search = filter.search?.toLowerCase();
    const videos = (await Promise.all(ids.map((id) => this.get(id)))).flatMap((video) =>
      video &&
      (filter.creator === undefined || video.creator === filter.creator) &&
      (search === undefined || (video.meta?.name ?? '').toLowerCase().includes(search))
        ? [video]
        : [],
    );
    const order = filter.asc ? 1 : -1;
    videos.sort((a, b) => order * (a.created ?? '').localeCompare(b.created ?? ''));
    return videos.slice(0, filter.limit ?? 1000);
  }
}
