/**
 * Gcore Streaming (providers.md §2): a thin adapter on the documented HTTP shapes, since Gcore's
 * official SDK is Python. Auth `Authorization: APIKey <key>`; push by TUS to the upload server
 * Gcore names (gcore-upload.ts); pull by `origin_url`; the video's state from GET /streaming/videos/{id}.
 */
import type { DeliveryReadyWhen } from '../../../../shared/delivery-targets';
import { gcoreRequest, videoOf, type GcoreVideo } from './gcore-api';
import { gcorePush } from './gcore-upload';
import type { ProviderAdapter, ProviderCall, PullLink, RemoteStatus } from './provider';
import { unservedNotice } from './unserved-notice';

/**
 * `origin_http_headers` is documented as one `Authorization: <scheme> <parameters>` line
 * (gcore-python CreateVideoParam), so only the link's Authorization header goes; a link that needs
 * others is pushed instead (plan-pull.ts, from providerFacts.gcore.pullHeaderNames). Null: none.
 */
export function originHeaders(headers: Record<string, string>): string | null {
  const found = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization');
  return found ? `Authorization: ${found[1]}` : null;
}

export function gcoreStatus(video: GcoreVideo, readyWhen: DeliveryReadyWhen): RemoteStatus {
  const facts = {
    word: video.status,
    ...(video.progress.length > 0
      ? { pct: Math.round(video.progress.reduce((a, b) => a + b, 0) / video.progress.length) }
      : {}),
    ...(video.hlsUrl ? { playbackUrl: video.hlsUrl } : {}),
  };
  switch (video.status) {
    case 'error':
      return { ...facts, phase: 'error', error: video.error ?? 'Gcore reports an error without a reason.' };
    case 'empty':
      // The file is not all there yet (an upload being assembled, an origin being downloaded).
      // With a reason it never will be: for a pull, Gcore tried the origin three times and gave up.
      if (!video.error) return { ...facts, phase: 'processing' };
      if (video.originUrl) {
        return { ...facts, phase: 'error', error: `the link could not be fetched after three tries: ${video.error}` };
      }
      return { ...facts, phase: 'error', error: `Gcore did not take the uploaded file: ${video.error}` };
    case 'viewable':
      // At least one rendition plays; the rest are still encoding.
      return { ...facts, phase: readyWhen === 'playable' ? 'ready' : 'processing' };
    case 'ready':
      return { ...facts, phase: 'ready' };
    default:
      // `pending`, and any word Gcore adds later: still working.
      return { ...facts, phase: 'processing' };
  }
}

async function pull(call: ProviderCall, link: PullLink): Promise<{ remoteId: string }> {
  const headers = originHeaders(link.headers);
  const response = await gcoreRequest(call, 'POST', '/streaming/videos', {
    video: { name: link.name, origin_url: link.url, ...(headers ? { origin_http_headers: headers } : {}) },
  });
  return { remoteId: videoOf(response.body, 'POST', '/streaming/videos').id };
}

export const gcoreAdapter: ProviderAdapter = {
  id: 'gcore',
  renewsAuthorization: true,
  // CreateVideoParam (gcore-python) has a name but nothing per video for signed URLs, allowed
  // origins, a deletion date, a creator or a thumbnail time (screenshot_id picks one Gcore made).
  servingNotice: (serving) => unservedNotice('Gcore', serving),
  async test(call) {
    // The first page of the account's videos: harmless, and refused without a valid key.
    const response = await gcoreRequest(call, 'GET', '/streaming/videos?page=1');
    const listed = Array.isArray(response.body) ? response.body.length : null;
    const count = listed === null ? '' : ` (${listed} video${listed === 1 ? '' : 's'} on the first page)`;
    return `Gcore accepted the API key and listed the account's videos${count}.`;
  },
  push: gcorePush,
  pull,
  async status(call, remoteId) {
    const route = `/streaming/videos/${encodeURIComponent(remoteId)}`;
    const response = await gcoreRequest(call, 'GET', route);
    return gcoreStatus(videoOf(response.body, 'GET', route), call.target.readyWhen);
  },
};
