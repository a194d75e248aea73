/**
 * The Twelve Labs double's current upload flow, from twelvelabs-js 1.3.4 (`api/resources/assets/client/Client.js`,
 * `api/resources/indexes/resources/indexedAssets/client/Client.js`, `serialization/types/Asset.js`,
 * `AssetDetail.js`, `IndexedAsset.js`, `IndexedAssetDetailed.js`, `IndexedAssetSummary.js`,
 * `serialization/resources/indexes/resources/indexedAssets/**`):
 * - POST /assets (multipart: `method` direct|url, `file` | `url`, `filename`, `enable_hls`,
 *   `enable_thumbnail`, `user_metadata`): the asset, `processing`, then `ready` (or `failed` with
 *   `error.message` when a url cannot be fetched) on the next GET /assets/{id};
 * - GET /assets/{id}/indexed-assets: `{data: [{_id, index: {_id, name}}]}`;
 * - POST /indexes/{id}/indexed-assets (JSON `{asset_id, enable_video_stream?, user_metadata?}`, the
 *   asset must be `ready`): `{_id, asset_id}`;
 * - GET /indexes/{id}/indexed-assets/{id}: status pending → queued → indexing → ready | failed, one
 *   step per GET, with `hls.video_url` once ready.
 */
import type http from 'node:http';
import { readJson, sendJson as send } from './respond';
import { fetchVideo, hexId, readForm, receivedOf, type Received } from './twelvelabs-double-form';

export interface DoubleAsset {
  id: string;
  method: string;
  filename: string | null;
  url: string | null;
  /** The uploaded file, or what the double fetched from `url` (null when that failed). */
  received: Received | null;
  status: string;
}

export interface DoubleIndexedAsset {
  id: string;
  assetId: string;
  indexId: string;
  status: string;
  stream: boolean;
}

interface AssetRecord extends DoubleAsset {
  createdAt: string;
  fetching: Promise<void>;
  reads: number;
}

export interface AssetContext {
  indexes: Record<string, string>;
  end: 'ready' | 'failed';
  origin(): string;
  /** Each multipart form's field names, and each JSON body, in order. */
  forms: string[][];
  bodies: Record<string, unknown>[];
  /** Every upload answers 400 with this body. */
  refuse?: { code: string; message: string };
}

const indexingSteps = ['pending', 'queued', 'indexing'];
const notFound = (res: http.ServerResponse, id: string, what: string) =>
  send(res, 404, { code: 'resource_not_exist', message: `Resource with id ${id} does not exist in ${what}.` });

export function assetRoutes(ctx: AssetContext) {
  const assets = new Map<string, AssetRecord>();
  const indexed = new Map<string, DoubleIndexedAsset & { step: number }>();

  async function create(req: http.IncomingMessage, res: http.ServerResponse): Promise<true> {
    const form = await readForm(req, res);
    if (!form) return true;
    ctx.forms.push([...new Set(form.keys())]);
    if (ctx.refuse) return send(res, 400, ctx.refuse);
    const method = form.get('method');
    const file = form.get('file');
    const url = form.get('url');
    if (method !== 'direct' && method !== 'url') {
      return send(res, 400, { code: 'parameter_invalid', message: 'The method parameter must be direct or url.' });
    }
    if (method === 'direct' ? !(file instanceof File) : typeof url !== 'string' || url === '') {
      const needed = method === 'direct' ? 'file' : 'url';
      return send(res, 400, { code: 'parameter_not_provided', message: `The ${needed} parameter is required.` });
    }
    const name = form.get('filename');
    const asset: AssetRecord = {
      id: hexId(),
      method,
      filename: typeof name === 'string' ? name : file instanceof File ? file.name : null,
      url: typeof url === 'string' ? url : null,
      received: file instanceof File ? await receivedOf(file) : null,
      status: 'processing',
      createdAt: new Date().toISOString(),
      fetching: Promise.resolve(),
      reads: 0,
    };
    if (asset.url) {
      asset.fetching = fetchVideo(asset.url).then((got) => {
        asset.received = got;
      });
    }
    assets.set(asset.id, asset);
    return send(res, 201, assetJson(asset));
  }

  function assetJson(asset: AssetRecord): Record<string, unknown> {
    return {
      _id: asset.id,
      method: asset.method,
      status: asset.status,
      ...(asset.filename ? { filename: asset.filename } : {}),
      file_type: 'video/mp4',
      created_at: asset.createdAt,
      ...(asset.status === 'ready' && asset.received ? { size: asset.received.size } : {}),
      ...(asset.status === 'failed'
        ? { error: { message: 'The platform could not access the file at the URL.' } }
        : {}),
    };
  }

  async function readAsset(res: http.ServerResponse, id: string): Promise<true> {
    const asset = assets.get(id);
    if (!asset) return notFound(res, id, 'assets');
    await asset.fetching;
    asset.reads += 1;
    // Processing on the first read, then done: failed when the double could not fetch the url.
    if (asset.reads > 1 && asset.status === 'processing') asset.status = asset.received ? 'ready' : 'failed';
    return send(res, 200, assetJson(asset));
  }

  async function index(req: http.IncomingMessage, res: http.ServerResponse, indexId: string): Promise<true> {
    const body = await readJson(req);
    ctx.bodies.push(body);
    if (!(indexId in ctx.indexes)) {
      return send(res, 404, { code: 'index_not_found', message: `The index ${indexId} does not exist.` });
    }
    const asset = typeof body.asset_id === 'string' ? assets.get(body.asset_id) : undefined;
    if (!asset || asset.status !== 'ready') {
      return send(res, 400, { code: 'parameter_invalid', message: 'The asset_id parameter must name a ready asset.' });
    }
    const made = {
      id: hexId(),
      assetId: asset.id,
      indexId,
      status: 'pending',
      stream: body.enable_video_stream === true,
    };
    indexed.set(made.id, { ...made, step: 0 });
    return send(res, 201, { _id: made.id, asset_id: asset.id });
  }

  function readIndexed(res: http.ServerResponse, indexId: string, id: string): true {
    const one = indexed.get(id);
    if (!one || one.indexId !== indexId) return notFound(res, id, 'indexed assets');
    const now = new Date().toISOString();
    send(res, 200, {
      _id: one.id,
      asset_id: one.assetId,
      created_at: now,
      updated_at: now,
      status: one.status,
      system_metadata: { filename: assets.get(one.assetId)?.filename ?? undefined },
      ...(one.status === 'ready' && one.stream
        ? { hls: { video_url: `${ctx.origin()}/hls/${one.id}/stream.m3u8`, thumbnail_urls: [], updated_at: now } }
        : {}),
    });
    if (one.status !== 'ready' && one.status !== 'failed') {
      one.step += 1;
      one.status = indexingSteps[one.step] ?? ctx.end;
    }
    return true;
  }

  /** Answers the request if it is one of these routes; false otherwise. */
  async function handle(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<boolean> {
    if (req.method === 'POST' && path === '/v1.3/assets') return create(req, res);
    let m = /^\/v1\.3\/assets\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && m) return readAsset(res, decodeURIComponent(m[1]!));
    m = /^\/v1\.3\/assets\/([^/]+)\/indexed-assets$/.exec(path);
    if (req.method === 'GET' && m) {
      const assetId = decodeURIComponent(m[1]!);
      const data = [...indexed.values()]
        .filter((i) => i.assetId === assetId)
        .map((i) => ({ _id: i.id, index: { _id: i.indexId, name: ctx.indexes[i.indexId] } }));
      return send(res, 200, { data });
    }
    m = /^\/v1\.3\/indexes\/([^/]+)\/indexed-assets$/.exec(path);
    if (req.method === 'POST' && m) return index(req, res, decodeURIComponent(m[1]!));
    m = /^\/v1\.3\/indexes\/([^/]+)\/indexed-assets\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && m) return readIndexed(res, decodeURIComponent(m[1]!), decodeURIComponent(m[2]!));
    return false;
  }

  return {
    handle,
    assets: (): DoubleAsset[] =>
      [...assets.values()].map(({ id, method, filename, url, received, status }) => ({
        id,
        method,
        filename,
        url,
        received,
        status,
      })),
    indexedAssets: (): DoubleIndexedAsset[] =>
      [...indexed.values()].map(({ id, assetId, indexId, status, stream }) => ({
        id,
        assetId,
        indexId,
        status,
        stream,
      })),
  };
}
