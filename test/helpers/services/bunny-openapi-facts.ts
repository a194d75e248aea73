/**
 * The facts of Bunny Stream's own OpenAPI file that the adapter and the double rely on, written
 * out as schemas so tests can check both against them (the file itself is not copied here).
 * Source: BunnyWay/bunny-stream-ios, Sources/BunnyStreamAPI/openapi.yml at commit
 * 9aacfc260db8f5f80c12f360129a1dbfa84c741f (file last changed in d93d794); line numbers are that file's.
 * Objects are strict: a field the spec does not list fails, so neither side can invent one.
 */
import { z } from 'zod';

/** VideoModelStatus, lines 1386–1408: 0 Created … 4 Finished, 5 Error, 6 UploadFailed, 7 JitSegmenting, 8 JitPlaylistsCreated. */
export const videoModelStatus = z.union([0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => z.literal(n)));

/** TranscodingMessageModel, lines 1469–1489, with Severity 0–3 (lines 1490–1502). */
const transcodingMessage = z.strictObject({
  timeStamp: z.iso.datetime().optional(),
  level: z.union([0, 1, 2, 3].map((n) => z.literal(n))).optional(),
  message: z.string().nullable().optional(),
  value: z.string().nullable().optional(),
});

/** VideoModel, lines 1261–1385: the properties the double answers, with their types. */
export const videoModel = z.strictObject({
  videoLibraryId: z.int().optional(), // 1266
  guid: z.string().nullable().optional(), // 1270
  title: z.string().nullable().optional(), // 1274
  dateUploaded: z.iso.datetime().optional(), // 1278, format date-time
  status: videoModelStatus.optional(), // 1293
  availableResolutions: z.string().nullable().optional(), // 1313, comma-separated
  encodeProgress: z.int().optional(), // 1325, int32
  transcodingMessages: z.array(transcodingMessage).nullable().optional(), // 1380
});

/** PaginationListOfVideoModel, lines 1685–1707. */
export const videoList = z.strictObject({
  totalItems: z.int().optional(),
  currentPage: z.int().optional(),
  itemsPerPage: z.int().optional(),
  items: z.array(videoModel).nullable().optional(),
});

/** StatusModel, lines 1245–1260: what videos/fetch answers (it names no video). */
export const statusModel = z.strictObject({
  success: z.boolean().optional(),
  message: z.string().nullable().optional(),
  statusCode: z.int().optional(),
});

/** CreateVideoModel, lines 1708–1727: POST /library/{libraryId}/videos (Video_CreateVideo, line 744). */
export const createVideoModel = z.strictObject({
  title: z.string().min(1),
  collectionId: z.string().nullable().optional(),
  thumbnailTime: z.int().nullable().optional(), // milliseconds
});

/** FetchVideoRequest, lines 1759–1779: POST /library/{libraryId}/videos/fetch (Video_FetchNewVideo, line 823). */
export const fetchVideoRequest = z.strictObject({
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).nullable().optional(),
  title: z.string().nullable().optional(),
});

/** The query parameters each operation declares (lines 676–725 for Video_List, 832–844 for fetch). */
export const queryParameters: Record<string, readonly string[]> = {
  'GET /videos': ['page', 'itemsPerPage', 'search', 'collection', 'orderBy'],
  'POST /videos': [],
  'POST /videos/fetch': ['collectionId', 'thumbnailTime'],
  'GET /videos/{videoId}': [],
};

/** The operations' paths under /library/{libraryId} (Video_GetVideo line 240, Video_List 682, Video_CreateVideo 744, Video_FetchNewVideo 823), as patterns for a request's path. */
export function operationOf(method: string, path: string): string | null {
  if (path === '/videos' && (method === 'GET' || method === 'POST')) return `${method} /videos`;
  if (path === '/videos/fetch' && method === 'POST') return 'POST /videos/fetch';
  if (/^\/videos\/[^/]+$/.test(path) && method === 'GET') return 'GET /videos/{videoId}';
  return null;
}
