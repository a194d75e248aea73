/**
 * What the Cloudflare Stream double takes from a request, checked against the official SDK's
 * request types (cloudflare-sdk-shapes.ts): the copy's JSON body (`CopyCreateParams`), and a TUS
 * creation's `Upload-*` headers and Upload-Metadata keys (`StreamCreateParams`). A field the SDK
 * lacks is refused with 400 naming it, so an adapter that invents one fails its test. The
 * 30-day floor of `scheduledDeletion` is the SDK's doc comment ("must be at least 30 days from
 * upload time"); the 1,096-day ceiling, resumable-uploads.mdx.
 */
import type http from 'node:http';
import { copyBodyProblem, creationHeaders, uploadMetadataKeys, type CopyBody } from './cloudflare-sdk-shapes';
import { defaultServing, type ServingFields } from './cloudflare-double-videos';

const day = 24 * 60 * 60 * 1000;

export type Taken<T> = { ok: true; value: T } | { ok: false; message: string };

function deletionProblem(when: string | undefined): string | null {
  if (when === undefined) return null;
  const away = Date.parse(when) - Date.now();
  if (Number.isNaN(away)) return `scheduledDeletion ${when} is not a date-time.`;
  if (away < 30 * day) return 'scheduledDeletion must be at least 30 days from upload time.';
  if (away > 1096 * day) return 'scheduledDeletion must be at most 1,096 days from upload time.';
  return null;
}

/** The link and serving fields of a copy, or why the SDK would not have sent this body. */
export function takeCopy(
  fields: Record<string, unknown>,
  creatorHeader: string | undefined,
): Taken<{ link: string; name?: string; serving: ServingFields }> {
  const problem = copyBodyProblem(fields);
  if (problem) return { ok: false, message: `${problem} (CopyCreateParams, cloudflare SDK 7.3.0).` };
  const body = fields as CopyBody;
  const link = body.input ?? body.url ?? '';
  if (!URL.canParse(link)) return { ok: false, message: 'Invalid or missing input: send the video link as "input".' };
  const deletion = deletionProblem(body.scheduledDeletion);
  if (deletion) return { ok: false, message: deletion };
  const meta = typeof body.meta === 'object' && body.meta !== null ? (body.meta as Record<string, unknown>) : {};
  const creator = body.creator ?? creatorHeader;
  return {
    ok: true,
    value: {
      link,
      ...(typeof meta.name === 'string' ? { name: meta.name } : body.name ? { name: body.name } : {}),
      serving: {
        requireSignedURLs: body.requireSignedURLs ?? false,
        allowedOrigins: body.allowedOrigins ?? [],
        thumbnailTimestampPct: body.thumbnailTimestampPct ?? 0,
        ...(body.scheduledDeletion ? { scheduledDeletion: body.scheduledDeletion } : {}),
        ...(creator ? { creator } : {}),
      },
    },
  };
}

/** Upload-Metadata as TUS writes it: `key base64,key2 base64`, a key possibly alone. */
function parseMetadata(header: string): Map<string, string> {
  const pairs = header.split(',').map((pair) => pair.trim().split(' '));
  return new Map(pairs.map(([key = '', value = '']) => [key, Buffer.from(value, 'base64').toString('utf8')]));
}

/** The serving fields a TUS creation sets, or why the SDK's StreamCreateParams has no such header or key. */
export function takeCreation(req: http.IncomingMessage): Taken<ServingFields> {
  const extra = Object.keys(req.headers).find(
    (name) => name.startsWith('upload-') && !Object.hasOwn(creationHeaders, name),
  );
  if (extra)
    return { ok: false, message: `The header ${extra} is not one of StreamCreateParams (cloudflare SDK 7.3.0).` };
  const header = req.headers['upload-metadata'];
  const metadata = typeof header === 'string' && header !== '' ? parseMetadata(header) : new Map<string, string>();
  const known: readonly string[] = uploadMetadataKeys;
  const unknown = [...metadata.keys()].find((key) => !known.includes(key));
  if (unknown) return { ok: false, message: `Upload-Metadata key ${unknown} is not one Stream reads.` };
  const deletion = metadata.get('scheduleddeletion');
  const problem = deletionProblem(deletion);
  if (problem) return { ok: false, message: problem };
  const origins = metadata.get('allowedorigins');
  const creator = req.headers['upload-creator'];
  return {
    ok: true,
    value: {
      ...defaultServing(),
      requireSignedURLs: metadata.has('requiresignedurls'),
      ...(origins ? { allowedOrigins: origins.split(',') } : {}),
      thumbnailTimestampPct: Number(metadata.get('thumbnailtimestamppct') ?? 0),
      ...(deletion ? { scheduledDeletion: deletion } : {}),
      ...(typeof creator === 'string' ? { creator } : {}),
    },
  };
}
