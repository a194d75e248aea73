/**
 * The body of Cloudflare Stream's `POST …/stream/direct_upload` (the `cloudflare` SDK's
 * DirectUploadCreateParams) as the TUS metadata an upload keeps, so a direct upload is held to
 * the same reading (upload-metadata.ts) and lasts, as any upload, across a restart. Pure.
 */
import type { TusMetadata } from './upload-metadata';

export interface DirectUploadBody {
  maxDurationSeconds?: number;
  expiry?: string;
  meta?: Record<string, string>;
  requireSignedURLs?: boolean;
  allowedOrigins?: string[];
  thumbnailTimestampPct?: number;
  scheduledDeletion?: string;
  creator?: string;
  watermark?: unknown;
}

const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

export const directUploadBodySchema = {
  type: 'object',
  properties: {
    maxDurationSeconds: { type: 'number' },
    expiry: { type: 'string' },
    meta: stringMap,
    requireSignedURLs: { type: 'boolean' },
    allowedOrigins: { type: 'array', items: { type: 'string' } },
    thumbnailTimestampPct: { type: 'number' },
    scheduledDeletion: { type: 'string' },
    creator: { type: 'string' },
    watermark: {},
  },
} as const;

export function directUploadMetadata(body: DirectUploadBody, creatorHeader: string | undefined): TusMetadata {
  const creator = body.creator ?? creatorHeader;
  return {
    ...body.meta,
    ...(body.maxDurationSeconds !== undefined ? { maxdurationseconds: String(body.maxDurationSeconds) } : {}),
    ...(body.expiry !== undefined ? { expiry: body.expiry } : {}),
    ...(body.requireSignedURLs !== undefined ? { requiresignedurls: String(body.requireSignedURLs) } : {}),
    ...(body.allowedOrigins !== undefined ? { allowedorigins: body.allowedOrigins.join(',') } : {}),
    ...(body.thumbnailTimestampPct !== undefined ? { thumbnailtimestamppct: String(body.thumbnailTimestampPct) } : {}),
    ...(body.scheduledDeletion !== undefined ? { scheduleddeletion: body.scheduledDeletion } : {}),
    ...(creator !== undefined ? { creator } : {}),
    ...(body.watermark !== undefined ? { watermark: null } : {}),
  };
}
