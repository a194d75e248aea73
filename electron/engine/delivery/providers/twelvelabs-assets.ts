/**
 * Twelve Labs' current flow (twelvelabs-js 1.3.4 assets and indexes.indexedAssets): POST /assets
 * uploads the file (`method: direct`) or has Twelve Labs fetch a link (`method: url`); once the
 * asset is `ready`, POST /indexes/{id}/indexed-assets indexes it, and GET
 * /indexes/{id}/indexed-assets/{id} is followed to `ready`. The delivery's remote id is the asset's
 * (`assets/<id>`): each poll finds the asset's indexed asset in the target's index again
 * (GET /assets/{id}/indexed-assets), so nothing but that id needs keeping, and a poll that died
 * after indexing never indexes twice.
 */
import type { ProviderCall, RemoteStatus } from './provider';
import { record, text } from './read-answer';
import { createdId, indexId, twelvelabsRequest } from './twelvelabs-request';

/** A local file goes to /assets in one request up to 200 MB (assets.create); larger ones go by task. */
export const directUploadMaxBytes = 200 * 1000 * 1000;
export const assetPrefix = 'assets/';

/** POST /assets; the remote id of the delivery that follows it. */
export async function createAsset(call: ProviderCall, form: FormData | Blob): Promise<{ remoteId: string }> {
  const { body } = await twelvelabsRequest(call, 'POST', '/assets', { form });
  return { remoteId: `${assetPrefix}${createdId(body, 'an asset')}` };
}

/** The asset's state while it is not ready yet, or null once it is. Pure. */
export function assetPhase(asset: unknown, id: string): RemoteStatus | null {
  const status = text(record(asset).status);
  if (status === 'ready') return null;
  if (status === 'failed') {
    const reason = text(record(record(asset).error).message);
    return {
      phase: 'error',
      word: 'asset failed',
      error: reason ?? `Twelve Labs could not process the file (asset ${id} failed without a reason).`,
    };
  }
  return { phase: 'processing', word: `asset ${status ?? 'processing'}` };
}

/** The indexed asset's `status` and `hls.video_url`, as the deliver stage follows them. Pure. */
export function indexedAssetStatus(indexed: unknown, id: string): RemoteStatus {
  const word = text(record(indexed).status) ?? 'unknown';
  const hls = text(record(record(indexed).hls).video_url);
  const playback = hls ? { playbackUrl: hls } : {};
  if (word === 'ready') return { phase: 'ready', word, ...playback };
  if (word === 'failed') {
    return {
      phase: 'error',
      word,
      error:
        `Twelve Labs could not index the video (indexed asset ${id} failed without a reason). ` +
        "Check it against the index model's video requirements, then retry.",
    };
  }
  // pending, queued, indexing: still under way.
  return { phase: 'processing', word, ...playback };
}

/** One poll of the asset flow: the asset, then its indexed asset in the target's index (made once the asset is ready). */
export async function assetStatus(call: ProviderCall, assetId: string): Promise<RemoteStatus> {
  const path = `/assets/${encodeURIComponent(assetId)}`;
  const waiting = assetPhase((await twelvelabsRequest(call, 'GET', path)).body, assetId);
  if (waiting) return waiting;
  const index = indexId(call);
  const listed = record((await twelvelabsRequest(call, 'GET', `${path}/indexed-assets`)).body).data;
  const mine = (Array.isArray(listed) ? listed : []).find((entry) => text(record(record(entry).index)._id) === index);
  const indexedId = text(record(mine)._id);
  const indexPath = `/indexes/${encodeURIComponent(index)}/indexed-assets`;
  if (!indexedId) {
    // The stream on, as the task flow's default: the delivery's playbackUrl is its HLS manifest.
    const json = { asset_id: assetId, enable_video_stream: true };
    createdId((await twelvelabsRequest(call, 'POST', indexPath, { json })).body, 'an indexed asset');
    return { phase: 'processing', word: 'pending' };
  }
  const { body } = await twelvelabsRequest(call, 'GET', `${indexPath}/${encodeURIComponent(indexedId)}`);
  return indexedAssetStatus(body, indexedId);
}
