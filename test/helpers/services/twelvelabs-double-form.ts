/** What the Twelve Labs double's routes share: reading a multipart form, fetching a video_url, ids. */
import { createHash, randomBytes } from 'node:crypto';
import type http from 'node:http';
import { Readable } from 'node:stream';
import { sendJson as send } from './respond';

export interface Received {
  size: number;
  sha256: string;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
/** A 24-hex id, as Twelve Labs' are. */
export const hexId = (): string => randomBytes(12).toString('hex');

/** Reads a request body to its end, so an error answer never cuts an upload mid-way. */
export async function drain(req: http.IncomingMessage): Promise<void> {
  for await (const chunk of req) void chunk;
}

/** What the double itself fetches from a video link: null when that fails, as the service's fetch would. */
export async function fetchVideo(url: string): Promise<Received | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return null;
    return ((bytes) => ({ size: bytes.length, sha256: sha256(bytes) }))(new Uint8Array(await response.arrayBuffer()));
  } catch {
    return null;
  }
}

/** A file part's bytes as received. */
export async function receivedOf(file: File): Promise<Received> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { size: bytes.length, sha256: sha256(bytes) };
}

/** The request's multipart form, or null once a documented 400 `parameter_invalid` is answered. */
export async function readForm(req: http.IncomingMessage, res: http.ServerResponse): Promise<FormData | null> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) {
    await drain(req);
    send(res, 400, { code: 'parameter_invalid', message: 'The request body must be multipart/form-data.' });
    return null;
  }
  try {
    return await new Response(Readable.toWeb(req) as ReadableStream<Uint8Array>, {
      headers: { 'content-type': type },
    }).formData();
  } catch (error) {
    await drain(req);
    send(res, 400, { code: 'parameter_invalid', message: `The form could not be read: ${(error as Error).message}` });
    return null;
  }
}
