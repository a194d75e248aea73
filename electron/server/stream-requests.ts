/**
 * Cloudflare Stream's request shapes as the contract's inputs, and the contract's refusals
 * named by the fields the caller sent (`url`, `meta.name`, `status`), not by the contract's
 * paths (`links.0.url`, `options.meta.name`, `state`). Pure.
 */
import type { CommandInput, ListQuery, VideoEdit } from '../../shared/api';
import type { FailureInfo } from '../../shared/ferry-error';

/** The body of `POST …/stream/copy`, after fastify's schema (copyBodySchema). */
export interface CopyBody {
  url?: string;
  input?: string;
  meta?: Record<string, string>;
  /** Cloudflare's legacy place for the name. */
  name?: string;
  thumbnailTimestampPct?: number;
  maxDurationSeconds?: number;
  scheduledDeletion?: string;
  requireSignedURLs?: boolean;
  allowedOrigins?: string[];
  creator?: string;
  /** Ferry's own: sent to the origin with the download, never shown again. */
  headers?: Record<string, string>;
  watermark?: unknown;
}

/** The body of `POST …/stream/{uid}` (edit). */
export type EditBody = Omit<CopyBody, 'url' | 'input' | 'headers' | 'name'> & {
  scheduledDeletion?: string | null;
  creator?: string | null;
  uid?: string;
};

/** The query of `GET …/stream`. */
export interface ListParams {
  status?: string;
  search?: string;
  creator?: string;
  start?: string;
  end?: string;
  /** Cloudflare's older names for end and start. */
  before?: string;
  after?: string;
  asc?: boolean;
  limit?: number;
}

const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

const videoFields = {
  meta: stringMap,
  thumbnailTimestampPct: { type: 'number' },
  maxDurationSeconds: { type: 'number' },
  requireSignedURLs: { type: 'boolean' },
  allowedOrigins: { type: 'array', items: { type: 'string' } },
  watermark: {},
} as const;

export const copyBodySchema = {
  type: 'object',
  properties: {
    ...videoFields,
    url: { type: 'string' },
    input: { type: 'string' },
    name: { type: 'string' },
    scheduledDeletion: { type: 'string' },
    creator: { type: 'string' },
    headers: stringMap,
  },
} as const;

export const editBodySchema = {
  type: 'object',
  properties: {
    ...videoFields,
    uid: { type: 'string' },
    scheduledDeletion: { type: ['string', 'null'] },
    creator: { type: ['string', 'null'] },
  },
} as const;

export const listQuerySchema = {
  type: 'object',
  properties: {
    status: { type: 'string' },
    search: { type: 'string' },
    creator: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    before: { type: 'string' },
    after: { type: 'string' },
    asc: { type: 'boolean' },
    limit: { type: 'integer' },
  },
} as const;

export type Translated<T> = { ok: true; input: T } | { ok: false; message: string };

const noWatermarks =
  'watermark: Ferry has no watermark profiles; burn an image in with ferry ingest --watermark instead.';

export function addLinksFromCopy(
  body: CopyBody,
  creatorHeader: string | undefined,
): Translated<CommandInput<'addLinks'>> {
  const link = body.input ?? body.url;
  if (link === undefined)
    return { ok: false, message: "url: is required: the link of the video to fetch (or 'input')." };
  if (body.watermark !== undefined) return { ok: false, message: noWatermarks };
  const name = body.meta?.name ?? body.name;
  const creator = body.creator ?? creatorHeader;
  const options: NonNullable<CommandInput<'addLinks'>['options']> = {
    // As on Cloudflare: every copy is a video of its own, whoever copied the same link before.
    duplicates: 'allow',
    ...(body.meta ? { meta: body.meta } : {}),
    ...(body.thumbnailTimestampPct !== undefined ? { thumbnailTimestampPct: body.thumbnailTimestampPct } : {}),
    ...(body.maxDurationSeconds !== undefined ? { maxDurationSeconds: body.maxDurationSeconds } : {}),
    ...(body.scheduledDeletion !== undefined ? { scheduledDeletion: body.scheduledDeletion } : {}),
    ...(body.requireSignedURLs !== undefined ? { requireSignedURLs: body.requireSignedURLs } : {}),
    ...(body.allowedOrigins !== undefined ? { allowedOrigins: body.allowedOrigins } : {}),
    ...(creator !== undefined ? { creator } : {}),
  };
  const given = {
    url: link,
    ...(name !== undefined ? { name } : {}),
    ...(body.headers ? { headers: body.headers } : {}),
  };
  return { ok: true, input: { links: [given], options } };
}

export function editFromBody(body: EditBody): Translated<VideoEdit> {
  if (body.watermark !== undefined) return { ok: false, message: noWatermarks };
  const changes: VideoEdit = {};
  if (body.meta !== undefined) changes.meta = body.meta;
  if (body.requireSignedURLs !== undefined) changes.requireSignedURLs = body.requireSignedURLs;
  if (body.allowedOrigins !== undefined) changes.allowedOrigins = body.allowedOrigins;
  if (body.thumbnailTimestampPct !== undefined) changes.thumbnailTimestampPct = body.thumbnailTimestampPct;
  if (body.scheduledDeletion !== undefined) changes.scheduledDeletion = body.scheduledDeletion;
  if (body.maxDurationSeconds !== undefined) changes.maxDurationSeconds = body.maxDurationSeconds;
  if (body.creator !== undefined) changes.creator = body.creator;
  return { ok: true, input: changes };
}

/** Cloudflare's list filters as the contract's query: `after`/`before` are the older names of `start`/`end`. */
export function listQueryFrom(params: ListParams): ListQuery {
  const start = params.start ?? params.after;
  const end = params.end ?? params.before;
  return {
    ...(params.status !== undefined ? { state: params.status as ListQuery['state'] } : {}),
    ...(params.search !== undefined ? { search: params.search } : {}),
    ...(params.creator !== undefined ? { creator: params.creator } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
    ...(params.asc !== undefined ? { asc: params.asc } : {}),
    limit: params.limit ?? 1000,
  };
}

/** A contract path as the field the caller sent: `links.0.url` → `url`, `options.meta.name` → `meta.name`, `state` → `status`. */
export function requestField(path: string, renames: Readonly<Record<string, string>> = {}): string {
  const field = path.replace(/^links\.\d+\./, '').replace(/^(options|changes)\./, '');
  return renames[field] ?? field;
}

/** A refusal of the contract, in one sentence that names each field as the caller sent it. */
export function describeFailure(error: FailureInfo, renames: Readonly<Record<string, string>> = {}): string {
  if (!error.issues?.length) return error.message;
  const problems = error.issues.map((issue) => `${requestField(issue.path, renames)}: ${issue.message}`);
  return `${[...new Set(problems)].join('; ')}.`;
}
