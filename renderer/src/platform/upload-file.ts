/**
 * A file given to the browser goes to `ferry serve`'s TUS endpoint (Cloudflare Stream's
 * `POST …/stream`) with tus-js-client; the server queues it once the last byte is in. The video
 * then arrives in the list through the engine's events like any other.
 */
import type { Upload as TusUpload } from 'tus-js-client';

/** Cloudflare's chunk rules, which the endpoint keeps: a multiple of 256 KiB, at least 5 MiB. */
const chunkBytes = 50 * 1024 * 1024;

export interface UploadReport {
  /** Bytes the server has taken so far, of the file's total. */
  onProgress(sent: number, total: number): void;
  onDone(): void;
  onFailed(message: string): void;
}

/** A started upload, which the user may stop (the server drops what it received). */
export interface Upload {
  abort(): void;
}

/** tus-js-client is loaded with the first upload, not with the page: most sessions upload nothing. */
export function uploadFile(file: File, origin: string, token: string, report: UploadReport): Upload {
  let stopped = false;
  let upload: TusUpload | null = null;
  import('tus-js-client').then(
    ({ Upload: Tus }) => {
      if (stopped) return;
      const started = new Tus(file, options(file, origin, token, report));
      started.start();
      upload = started;
    },
    (error: unknown) =>
      report.onFailed(`The uploader could not load: ${String(error)}. Reload the page and try again.`),
  );
  return {
    abort() {
      stopped = true;
      // A server that cannot drop the partial upload keeps it until it expires: nothing for the user to do.
      void upload?.abort(true).catch(() => undefined);
    },
  };
}

function options(
  file: File,
  origin: string,
  token: string,
  report: UploadReport,
): ConstructorParameters<typeof TusUpload>[1] {
  return {
    endpoint: `${origin}/client/v4/accounts/local/stream`,
    headers: { Authorization: `Bearer ${token}` },
    metadata: { name: file.name, filetype: file.type },
    chunkSize: chunkBytes,
    // A few tries over about ten seconds (a server restart), then the user is told.
    retryDelays: [0, 1000, 3000, 6000],
    removeFingerprintOnSuccess: true,
    onProgress: (sent, total) => report.onProgress(sent, total),
    onSuccess: () => report.onDone(),
    onError: (error) => report.onFailed(error.message),
  };
}
