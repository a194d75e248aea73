/**
 * A file dropped in the browser goes to `ferry serve`'s TUS endpoint (Cloudflare Stream's
 * `POST …/stream`) with tus-js-client; the server queues it once the last byte is in. The video
 * then arrives in the list through the engine's events like any other.
 */
import { Upload } from 'tus-js-client';

/** Cloudflare's chunk rules, which the endpoint keeps: a multiple of 256 KiB, at least 5 MiB. */
const chunkBytes = 50 * 1024 * 1024;

export interface UploadReport {
  onProgress(file: File, pct: number): void;
  onDone(file: File): void;
  onFailed(file: File, message: string): void;
}

export function uploadFile(file: File, origin: string, token: string, report: UploadReport): Upload {
  const upload = new Upload(file, {
    endpoint: `${origin}/client/v4/accounts/local/stream`,
    headers: { Authorization: `Bearer ${token}` },
    metadata: { name: file.name, filetype: file.type },
    chunkSize: chunkBytes,
    // A few tries over about ten seconds (a server restart), then the user is told.
    retryDelays: [0, 1000, 3000, 6000],
    removeFingerprintOnSuccess: true,
    onProgress: (sent, total) => report.onProgress(file, total > 0 ? Math.floor((sent / total) * 100) : 0),
    onSuccess: () => report.onDone(file),
    onError: (error) => report.onFailed(file, error.message),
  });
  upload.start();
  return upload;
}
