/**
 * A TUS upload's `Upload-Metadata` read as Cloudflare Stream reads them:
 * `name` (or, without it, `filename`), `requiresignedurls` (the key alone), `allowedorigins`, `thumbnailtimestamppct`,
 * `scheduleddeletion`, `maxdurationseconds`, `expiry` (direct creator uploads), `creator` (the
 * `Upload-Creator` header, kept here), `maxsizebytes` (Ferry's: the most bytes the upload may
 * hold, as the Video object's `maxSizeBytes`); any other key goes
 * into `meta`. Keys are matched without regard to case (Cloudflare's examples write
 * `maxDurationSeconds`). The options are then checked by the contract's own schema. Pure.
 */
import type { IngestOptions } from '../../shared/api';
import { validateCommand } from '../../shared/validate-command';

/** What @tus/server parsed: each key with its decoded value, or null for a key given alone. */
export type TusMetadata = Record<string, string | null>;

export interface UploadRequest {
  options: IngestOptions;
  /** Direct creator uploads: when the one-time URL stops working (RFC 3339), if given. */
  expiry: string | undefined;
}

export type ParsedUpload = { ok: true; value: UploadRequest } | { ok: false; message: string };

const numberOrNaN = (value: string | null | undefined) => (value ? Number(value) : Number.NaN);

export function parseUploadMetadata(metadata: TusMetadata): ParsedUpload {
  const options: IngestOptions = {};
  const meta: Record<string, string> = {};
  let expiry: string | undefined;
  let fileName: string | undefined;
  for (const [key, value] of Object.entries(metadata)) {
    switch (key.toLowerCase()) {
      case 'name':
        if (value) meta.name = value;
        break;
      case 'requiresignedurls':
        // The key alone means yes (the model's form); an explicit "false" is taken at its word.
        options.requireSignedURLs = value !== 'false';
        break;
      case 'allowedorigins':
        options.allowedOrigins = (value ?? '').split(',').flatMap((origin) => origin.trim() || []);
        break;
      case 'thumbnailtimestamppct':
        options.thumbnailTimestampPct = numberOrNaN(value);
        break;
      case 'maxdurationseconds':
        options.maxDurationSeconds = numberOrNaN(value);
        break;
      case 'maxsizebytes':
        options.maxSizeBytes = numberOrNaN(value);
        break;
      case 'scheduleddeletion':
        options.scheduledDeletion = value ?? '';
        break;
      case 'expiry':
        if (!value || Number.isNaN(Date.parse(value)))
          return { ok: false, message: 'expiry: must be an RFC 3339 date-time such as 2030-01-31T18:00:00Z.' };
        expiry = value;
        break;
      case 'creator':
        // Ferry keeps the `Upload-Creator` header under this key, so it lasts as long as the upload.
        if (value) options.creator = value;
        break;
      case 'filename':
        meta[key] = value ?? '';
        fileName = value ?? undefined;
        break;
      case 'watermark':
        return { ok: false, message: 'watermark: Ferry has no watermark profiles; add the watermark in the app.' };
      default:
        meta[key] = value ?? '';
    }
  }
  // tus-js-client's examples and most TUS clients name the file `filename`; Cloudflare reads `name`.
  if (!meta.name && fileName) meta.name = fileName;
  if (Object.keys(meta).length > 0) options.meta = meta;
  // The contract's schema is the judge, now rather than once the whole file has arrived.
  const checked = validateCommand('addFiles', { paths: ['upload'], options });
  if (!checked.ok) return { ok: false, message: checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
  return { ok: true, value: { options, expiry } };
}
