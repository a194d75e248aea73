/**
 * Cloudflare Stream (and `ferry serve`, which answers the same routes): TUS push to
 * `…/accounts/{account}/stream` with the id in `stream-media-id`, pull by `…/stream/copy`, and
 * `GET …/stream/{uid}` until the video plays. Written on the documented HTTP shapes rather than the
 * official `cloudflare` SDK: the SDK does not do TUS, and it is a large dependency for four calls.
 * The requests' fields are the SDK's (7.3.0), which the tests' Stream double holds them to.
 */
import type { DeliveryTarget } from '../../../../shared/delivery-targets';
import { cloudflareCopyBody, cloudflareServingNotice, cloudflareVideoOptions } from './cloudflare-options';
import { cloudflareChunkSize, cloudflareCreatorHeader, cloudflareMetadata } from './cloudflare-rules';
import { cloudflareStatus, envelopeResult, videoUid } from './cloudflare-video';
import type { ProviderAdapter, ProviderCall } from './provider';
import { sentFor, serviceRequest } from './service-request';

/** Under 0.1 s Stream ends the video in ERR_DURATION_TOO_SHORT. */
const shortestSeconds = 0.1;

/** `…/client/v4/accounts/{account}`: every call of this adapter is under it. */
export function cloudflareAccountBase(target: DeliveryTarget): string {
  if (!target.account)
    throw new Error(
      `Target "${target.name}" has no Cloudflare account ID; add it (Cloudflare dashboard → Stream → Account ID) and save the target again.`,
    );
  return `${target.endpoint}/client/v4/accounts/${encodeURIComponent(target.account)}`;
}

/** The token as a Bearer header; a "Bearer " the user typed with it is not doubled. */
function cloudflareAuthorization(credential: string | null): Record<string, string> {
  const token = credential?.trim().replace(/^Bearer\s+/i, '');
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function call(request: ProviderCall, method: 'GET' | 'POST', url: string, json?: unknown): Promise<unknown> {
  const response = await serviceRequest({
    method,
    url,
    headers: cloudflareAuthorization(request.credential),
    ...sentFor(request),
    ...(json === undefined ? {} : { json }),
  });
  return envelopeResult(response.body, method, url);
}

export const cloudflareAdapter: ProviderAdapter = {
  id: 'cloudflare',

  async test(request) {
    const url = `${cloudflareAccountBase(request.target)}/stream?limit=1`;
    const result = await call(request, 'GET', url);
    const listed = Array.isArray(result) ? result.length : 0;
    return (
      `Cloudflare Stream account ${request.target.account} took the token` +
      ` (its video list answered${listed > 0 ? '' : ', empty so far'}).`
    );
  },

  servingNotice: (serving) => cloudflareServingNotice(serving, Date.now()),

  refuses(media) {
    if (media.duration >= 0 && media.duration < shortestSeconds)
      return `Cloudflare Stream refuses videos shorter than ${shortestSeconds} s (ERR_DURATION_TOO_SHORT); this one lasts ${media.duration} s.`;
    return null;
  },

  push: {
    kind: 'tus',
    session(request, file, resume, chunkSize) {
      const endpoint = `${cloudflareAccountBase(request.target)}/stream`;
      const options = cloudflareVideoOptions(file.serving, Date.now());
      return Promise.resolve({
        endpoint,
        uploadUrl: resume?.uploadUrl ?? null,
        // Stream ignores metadata after the creation request, so a resumed upload keeps its first name.
        metadata: cloudflareMetadata(file.name, options),
        headers: () => ({ ...cloudflareAuthorization(request.credential), ...cloudflareCreatorHeader(options) }),
        chunkSize: cloudflareChunkSize(chunkSize, file.size),
        // Stream names the video only in the creation response's stream-media-id; an upload that
        // is gone is created anew (here, or by tus-js-client after a failed HEAD) under a new id,
        // so an id from an earlier attempt would follow a dead video.
        remoteId: null,
        remoteIdHeader: 'stream-media-id',
        state: {},
      });
    },
  },

  async pull(request, link) {
    if (Object.keys(link.headers).length > 0)
      throw new Error(
        'Cloudflare Stream cannot send request headers when it fetches a link; push this video instead (the target\'s mode "push").',
      );
    const url = `${cloudflareAccountBase(request.target)}/stream/copy`;
    const result = await call(request, 'POST', url, cloudflareCopyBody(link, Date.now()));
    return { remoteId: videoUid(result, 'POST', url) };
  },

  async status(request, remoteId) {
    const url = `${cloudflareAccountBase(request.target)}/stream/${encodeURIComponent(remoteId)}`;
    return cloudflareStatus(await call(request, 'GET', url), request.target.readyWhen);
  },
};
