/**
 * What a TUS creation request (`POST …/stream`) asks for, read from its headers before any byte
 * is taken: the upload's metadata and options (with the `Upload-Creator` header as a key of its
 * own), its declared length, and the one-time URL's expiry when `?direct_user=true`. Pure.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Metadata } from '@tus/server';
import { directTicket } from './direct-upload-rules';
import { parseUploadMetadata, type TusMetadata, type UploadRequest } from './upload-metadata';

export interface TusCreation {
  request: UploadRequest;
  /** Absent when Upload-Defer-Length is used instead. */
  uploadLength?: number;
  /** When a direct creator upload's one-time URL expires (epoch seconds). */
  ticketExpiresAt?: number;
}

export type ReadCreation = { ok: true; value: TusCreation } | { ok: false; message: string };

export function readTusCreation(
  headers: IncomingHttpHeaders,
  directUser: boolean,
  nowSeconds: number,
  uploadExpirySeconds: number,
): ReadCreation {
  if (headers['tus-resumable'] === undefined)
    return {
      ok: false,
      message: 'POST …/stream takes TUS uploads: send Tus-Resumable: 1.0.0 (or use …/stream/copy for a link).',
    };
  const metadata = readMetadata(headers);
  if (metadata === undefined)
    return { ok: false, message: 'Upload-Metadata: must be comma-separated "key base64value" pairs.' };
  const parsed = parseUploadMetadata(metadata);
  if (!parsed.ok) return parsed;
  const ticket = directUser ? directTicket(parsed.value, nowSeconds, uploadExpirySeconds) : undefined;
  if (ticket && !ticket.ok) return ticket;
  const lengthHeader = headers['upload-length'];
  if (lengthHeader !== undefined && (typeof lengthHeader !== 'string' || !/^\d+$/.test(lengthHeader)))
    return {
      ok: false,
      message: "Upload-Length: must be the upload's size in bytes (or send Upload-Defer-Length: 1).",
    };
  return {
    ok: true,
    value: {
      request: parsed.value,
      ...(typeof lengthHeader === 'string' ? { uploadLength: Number(lengthHeader) } : {}),
      ...(ticket ? { ticketExpiresAt: ticket.expiresAt } : {}),
    },
  };
}

/** Upload-Metadata with the creator header added; undefined when the header is not TUS metadata. */
function readMetadata(headers: IncomingHttpHeaders): TusMetadata | undefined {
  const header = headers['upload-metadata'];
  const creator = headers['upload-creator'];
  let metadata: TusMetadata = {};
  try {
    if (typeof header === 'string' && header.trim() !== '') metadata = Metadata.parse(header);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return undefined;
  }
  return typeof creator === 'string' ? { ...metadata, creator } : metadata;
}
