/**
 * Bunny Stream, on its documented HTTP shapes (../shared/reference/providers.md §4): REST with the
 * library's `AccessKey`, a push by TUS after creating the video (signed with bunny-signer.ts), a
 * pull by `videos/fetch`, and the video's integer status (bunny-status.ts). A thin adapter rather than an SDK: five
 * calls and one hash need none, and an SDK's own HTTP client and retries would fight the deliver
 * stage, which owns retries, resume and the stop signal.
 */
import { bunnyServingNotice, bunnyThumbnailTime } from './bunny-serving';
import { bunnySigner, type BunnySignerOptions } from './bunny-signer';
import { bunnyStatus, type BunnyVideoState } from './bunny-status';
import type { ProviderAdapter, ProviderCall } from './provider';
import { record } from './read-answer';
import { ServiceError, sentFor, serviceRequest } from './service-request';

export interface BunnyAdapterOptions {
  /** The TUS signature's lifetime, margin and clock (tests make it short). */
  signature?: Pick<BunnySignerOptions, 'lifetimeMs' | 'marginMs' | 'now'>;
  /** Pull: how often, and how long apart, the library is searched for the fetched video. */
  lookup?: { tries: number; delayMs: number };
}

/** The fields of Bunny's VideoModel the adapter reads besides its status. */
interface BunnyVideo extends BunnyVideoState {
  guid?: string;
  title?: string;
  dateUploaded?: string;
}

function required(call: ProviderCall): { library: string; apiKey: string } {
  const { name, library } = call.target;
  if (!library)
    throw new Error(`Bunny Stream target "${name}" has no library ID. Save the target with its library ID.`);
  if (!call.credential) {
    throw new Error(
      `Bunny Stream target "${name}" has no library API key. Save the target with the library's API key.`,
    );
  }
  return { library, apiKey: call.credential };
}

function libraryRequest(call: ProviderCall, method: 'GET' | 'POST', path: string, json?: unknown) {
  const { library, apiKey } = required(call);
  return serviceRequest({
    method,
    url: `${call.target.endpoint}/library/${encodeURIComponent(library)}${path}`,
    headers: { AccessKey: apiKey },
    ...(json === undefined ? {} : { json }),
    ...sentFor(call),
  });
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * The video a fetch created. The reference says fetch answers {success, message, statusCode} and
 * does not say it names the video, so a guid is taken from the answer when present, otherwise the
 * library is searched for the title, newest first (two fetches of one title at once can confuse it).
 */
async function fetchedVideo(
  call: ProviderCall,
  body: unknown,
  title: string,
  lookup: { tries: number; delayMs: number },
) {
  const answer = record(body);
  for (const key of ['guid', 'id', 'videoId']) {
    const value = answer[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  const query = `?page=1&itemsPerPage=100&orderBy=date&search=${encodeURIComponent(title)}`;
  for (let attempt = 1; attempt <= lookup.tries && !call.signal.aborted; attempt++) {
    const listed = await libraryRequest(call, 'GET', `/videos${query}`);
    const items = record(listed.body).items;
    const found = (Array.isArray(items) ? (items as BunnyVideo[]) : [])
      .filter((v) => v.title === title && typeof v.guid === 'string')
      .sort((a, b) => (b.dateUploaded ?? '').localeCompare(a.dateUploaded ?? ''))[0];
    if (found?.guid) return found.guid;
    if (attempt < lookup.tries) await wait(lookup.delayMs, call.signal);
  }
  // 404, so the stage fails the delivery instead of asking Bunny to fetch the link once more.
  throw new ServiceError({
    status: 404,
    method: 'GET',
    message:
      `Bunny Stream accepted the link but no video titled "${title}" appeared in library ${call.target.library}. ` +
      `Look for it in the library, then retry the delivery if it is not there.`,
  });
}

export function createBunnyAdapter(options: BunnyAdapterOptions = {}): ProviderAdapter {
  const lookup = options.lookup ?? { tries: 5, delayMs: 1000 };
  return {
    id: 'bunny',
    renewsAuthorization: true,
    servingNotice: bunnyServingNotice,
    async test(call) {
      const { library } = required(call);
      const response = await libraryRequest(call, 'GET', '/videos?page=1&itemsPerPage=1');
      const total = record(response.body).totalItems;
      const holds = typeof total === 'number' ? `; it holds ${total} video${total === 1 ? '' : 's'}` : '';
      return `Bunny Stream library ${library} took the API key${holds}.`;
    },
    push: {
      kind: 'tus',
      async session(call, file, resume, chunkSize) {
        const { library, apiKey } = required(call);
        let videoId = resume?.remoteId ?? null;
        // An upload belongs to its video: without the video's id, an earlier upload cannot be continued.
        const uploadUrl = videoId ? (resume?.uploadUrl ?? null) : null;
        if (!videoId) {
          const thumbnailTime = bunnyThumbnailTime(file.serving);
          const created = await libraryRequest(call, 'POST', '/videos', {
            title: file.name,
            ...(thumbnailTime === null ? {} : { thumbnailTime }),
          });
          const guid = record(created.body).guid;
          if (typeof guid !== 'string' || guid === '') {
            throw new ServiceError({
              status: created.status,
              method: 'POST',
              message: `Bunny Stream created no video in library ${library}: its answer has no guid.`,
            });
          }
          videoId = guid;
        }
        // Asked before every request, so a long upload renews its signature before Bunny refuses it.
        const signer = bunnySigner({ libraryId: library, apiKey, videoId, ...options.signature });
        return {
          endpoint: `${call.target.endpoint}/tusupload`,
          uploadUrl,
          metadata: { filetype: file.type, title: file.name },
          headers: () => signer.headers(),
          chunkSize,
          remoteId: videoId,
          state: {},
        };
      },
    },
    async pull(call, link) {
      const thumbnailTime = bunnyThumbnailTime(link.serving);
      const query = thumbnailTime === null ? '' : `?thumbnailTime=${thumbnailTime}`;
      const response = await libraryRequest(call, 'POST', `/videos/fetch${query}`, {
        url: link.url,
        headers: link.headers,
        title: link.name,
      });
      const answer = record(response.body);
      if (answer.success === false) {
        const text = typeof answer.message === 'string' && answer.message !== '' ? answer.message : 'refused the link';
        throw new ServiceError({
          status: typeof answer.statusCode === 'number' ? answer.statusCode : 400,
          method: 'POST',
          message: `Bunny Stream did not fetch ${link.url}: ${text}`,
          serviceText: text,
        });
      }
      return { remoteId: await fetchedVideo(call, response.body, link.name, lookup) };
    },
    async status(call, remoteId) {
      const response = await libraryRequest(call, 'GET', `/videos/${encodeURIComponent(remoteId)}`);
      return bunnyStatus(record(response.body) as BunnyVideo, call.target.readyWhen);
    },
  };
}

export const bunnyAdapter = createBunnyAdapter();
