/**
 * Cloudflare Stream's clip request (`POST …/stream/clip`) as the contract's `clip` input, and the
 * contract's field names back in Cloudflare's words for a refusal. Pure.
 */
import type { CommandInput } from '../../shared/api';
import type { Translated } from './stream-requests';

/** The body of `POST …/stream/clip` (Cloudflare's ClipCreateParams), after fastify's schema. */
export interface ClipBody {
  clippedFromVideoUID?: string;
  startTimeSeconds?: number;
  endTimeSeconds?: number;
  meta?: Record<string, string>;
  thumbnailTimestampPct?: number;
  maxDurationSeconds?: number;
  requireSignedURLs?: boolean;
  allowedOrigins?: string[];
  creator?: string;
  scheduledDeletion?: string;
  watermark?: unknown;
}

export const clipBodySchema = {
  type: 'object',
  properties: {
    clippedFromVideoUID: { type: 'string' },
    startTimeSeconds: { type: 'number' },
    endTimeSeconds: { type: 'number' },
    meta: { type: 'object', additionalProperties: { type: 'string' } },
    thumbnailTimestampPct: { type: 'number' },
    maxDurationSeconds: { type: 'number' },
    requireSignedURLs: { type: 'boolean' },
    allowedOrigins: { type: 'array', items: { type: 'string' } },
    creator: { type: 'string' },
    scheduledDeletion: { type: 'string' },
    watermark: {},
  },
} as const;

/** The contract's fields as the clip request names them. */
export const clipRenames = { uid: 'clippedFromVideoUID', start: 'startTimeSeconds', end: 'endTimeSeconds' };

const required = {
  clippedFromVideoUID: 'the uid of the video to cut the clip from',
  startTimeSeconds: 'where the clip starts, in seconds of that video',
  endTimeSeconds: 'where the clip ends, in seconds of that video',
} as const;

export function clipFromBody(body: ClipBody, creatorHeader: string | undefined): Translated<CommandInput<'clip'>> {
  const missing = (Object.keys(required) as (keyof typeof required)[]).find((field) => body[field] === undefined);
  if (missing) return { ok: false, message: `${missing}: is required: ${required[missing]}.` };
  if (body.watermark !== undefined)
    return {
      ok: false,
      message: 'watermark: Ferry has no watermark profiles; burn an image in with ferry ingest --watermark instead.',
    };
  const creator = body.creator ?? creatorHeader;
  const options: NonNullable<CommandInput<'clip'>['options']> = {
    ...(body.meta ? { meta: body.meta } : {}),
    ...(body.thumbnailTimestampPct !== undefined ? { thumbnailTimestampPct: body.thumbnailTimestampPct } : {}),
    ...(body.maxDurationSeconds !== undefined ? { maxDurationSeconds: body.maxDurationSeconds } : {}),
    ...(body.requireSignedURLs !== undefined ? { requireSignedURLs: body.requireSignedURLs } : {}),
    ...(body.allowedOrigins !== undefined ? { allowedOrigins: body.allowedOrigins } : {}),
    ...(body.scheduledDeletion !== undefined ? { scheduledDeletion: body.scheduledDeletion } : {}),
    ...(creator !== undefined ? { creator } : {}),
  };
  return {
    ok: true,
    input: {
      uid: body.clippedFromVideoUID as string,
      start: body.startTimeSeconds as number,
      end: body.endTimeSeconds as number,
      ...(Object.keys(options).length > 0 ? { options } : {}),
    },
  };
}
