/**
 * What `ferry serve`'s TUS routes share while it runs: @tus/server with its file store under
 * `<dataDir>/uploads/` (so an upload goes on after a restart), the room uploads take on disk, which
 * upload became which video, and the ids and one-time URLs of uploads being created.
 */
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import { queueUpload } from './queue-upload';
import type { ServerContext } from './server-context';
import { readUploadRef, UploadVideos } from './upload-links';
import { UploadRoom } from './upload-room';
import { defaultUploadExpiryMs } from './upload-sweep';

export interface TusUploads {
  context: ServerContext;
  directory: string;
  expiryMs: number;
  store: FileStore;
  videos: UploadVideos;
  room: UploadRoom;
  tus: Server;
  /** Where each upload created just now is reached, read once by `generateUrl`. */
  locations: Map<string, string>;
  /** The id reserved for each creation request, announced in its `stream-media-id` before @tus/server names the upload. */
  reservedIds: WeakMap<object, string>;
  /** Queues a complete upload through the dispatcher (`addFiles`, the metadata's options) as a normal video. */
  queue(upload: Upload): Promise<Record<string, never>>;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function openTusUploads(context: ServerContext): TusUploads {
  const directory = context.paths.uploads;
  const expiryMs = context.uploadExpiryMs ?? defaultUploadExpiryMs;
  const store = new FileStore({ directory, expirationPeriodInMilliseconds: expiryMs });
  const videos = new UploadVideos(directory);
  const room = new UploadRoom(context);
  const locations = new Map<string, string>();
  const reservedIds = new WeakMap<object, string>();
  const queue = (upload: Upload) => queueUpload(context, directory, videos, upload);
  const tus = tusServer({ context, store, room, locations, reservedIds, queue });
  return { context, directory, expiryMs, store, videos, room, tus, locations, reservedIds, queue };
}

function tusServer(uploads: Omit<TusUploads, 'tus' | 'directory' | 'expiryMs' | 'videos'>): Server {
  const { context, reservedIds, locations } = uploads;
  return new Server({
    path: '/tus',
    datastore: uploads.store,
    // A complete upload is a queued video's source file: it stays.
    disableTerminationForFinishedUploads: true,
    allowedHeaders: ['Upload-Creator', 'Upload-Checksum', 'Range'],
    exposedHeaders: ['stream-media-id', 'Upload-Expires'],
    // Announced as Tus-Max-Size; each request was held to it (and to an upload's own limit) before.
    maxSize: () => uploads.room.maxSizeBytes(),
    namingFunction: (request) => {
      const id = request.runtime?.node && reservedIds.get(request.runtime.node.req);
      if (id === undefined) throw { status_code: 500, body: 'Ferry lost the id of this upload.\n' };
      return id;
    },
    generateUrl: (_request, { id }) => locations.get(id) ?? `${context.baseUrl()}/tus/${id}`,
    getFileIdFromRequest: (_request, last) => {
      const ref = last === undefined ? undefined : readUploadRef(context.signingKey, last, nowSeconds());
      return ref && ref.kind !== 'invalid' ? ref.id : undefined;
    },
    // The creator given as a header is kept with the upload, as a metadata key of its own.
    onUploadCreate: async (request, upload) => {
      const creator = request.headers.get('upload-creator');
      return creator === null ? {} : { metadata: { ...upload.metadata, creator } };
    },
    onUploadFinish: async (_request, upload) => uploads.queue(upload),
  });
}
