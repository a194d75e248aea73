/**
 * One TUS upload attempt with tus-js-client, as a promise: it creates the upload at the endpoint,
 * or continues one created earlier from the offset the server reports (HEAD), and stops when its
 * signal aborts. Retries are the delivery stage's (they survive restarts and show as
 * nextAttemptAt), so tus-js-client's own are off.
 */
import fs from 'node:fs';
import type { Transform } from 'node:stream';
import { DetailedError, Upload } from 'tus-js-client';
import type { UploadFailure } from './delivery-failure';
import { FileSlices } from './file-slices';
import { PrivateAddressError, tusStackFor, type PublicOnlyNetwork } from './providers/public-only-fetch';
import { serviceErrorText } from './providers/service-request';

export interface TusUploadOptions {
  /** Where a new upload is created; null when the service created it already (`uploadUrl`). */
  endpoint: string | null;
  /** An upload created earlier for this file, to continue. */
  uploadUrl: string | null;
  file: string;
  size: number;
  metadata: Record<string, string>;
  /** Asked before every request: a signature that expires is renewed in time. */
  headers(): Record<string, string>;
  /** The creation response header naming the service's id for the upload (Cloudflare's `stream-media-id`). */
  remoteIdHeader?: string;
  chunkSize: number;
  /** The upload bandwidth limit the file's bytes pass through, when one is set. */
  throttle?: () => Transform;
  /** Abandon the attempt when nothing moves for this long (a stalled connection). */
  idleTimeoutMs: number;
  signal: AbortSignal;
  /** Set for a target saved over ferry serve: every request goes through this guarded network. */
  publicOnly?: PublicOnlyNetwork;
  /** The upload exists on the server: just created, or found again. */
  onUploadUrl(url: string, mediaId: string | null): void;
  /** `sent`: bytes handed to the connection; `accepted`: the offset the server confirmed. */
  onProgress(progress: { sent: number; accepted: number }): void;
}

export class TusUploadError extends Error {
  constructor(readonly failure: UploadFailure) {
    super(failure.message);
    this.name = 'TusUploadError';
  }
}

/** The attempt was stopped by its signal (pause, cancel, quit). */
export class UploadStoppedError extends Error {
  constructor() {
    super('The upload was stopped.');
    this.name = 'UploadStoppedError';
  }
}

function parseBody(body: string | undefined): unknown {
  if (!body) return null;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function failureOf(error: Error): UploadFailure {
  if (!(error instanceof DetailedError)) return { message: error.message };
  const response = error.originalResponse;
  const failure: UploadFailure = {
    message: error.causingError?.message ?? error.message.split(', originated from')[0] ?? error.message,
  };
  if (response) {
    failure.status = response.getStatus();
    failure.retryAfter = response.getHeader('Retry-After') ?? null;
    // The service's own reason (Gcore's "token invalid", a proxy's page), quoted to the user.
    const said = serviceErrorText(parseBody(response.getBody()));
    if (said) failure.serviceText = said;
  }
  if (error.originalRequest) failure.method = error.originalRequest.getMethod();
  return failure;
}

export function tusUpload(options: TusUploadOptions): Promise<{ url: string; mediaId: string | null }> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) return reject(new UploadStoppedError());
    const readFailed = (error: Error) =>
      abandon(new TusUploadError({ message: `cannot read ${options.file}: ${error.message}` }));
    const slices = new FileSlices(options.file, options.size, readFailed, options.throttle);
    // What tus-js-client documents for Node; FileSlices reads the file itself, by range.
    const input = fs.createReadStream(options.file).once('error', readFailed);
    let mediaId: string | null = null;
    let accepted = 0;
    let settled = false;
    let idleTimer: NodeJS.Timeout | undefined;

    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(idleTimer);
      options.signal.removeEventListener('abort', stop);
      slices.close();
      input.destroy();
      outcome();
    };
    const abandon = (error: Error) => {
      void upload.abort();
      settle(() => reject(error));
    };
    const stop = () => abandon(new UploadStoppedError());
    const alive = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(
        () => abandon(new TusUploadError({ message: `nothing moved for ${options.idleTimeoutMs / 1000} s` })),
        options.idleTimeoutMs,
      );
    };

    const upload = new Upload(input, {
      ...(options.endpoint !== null ? { endpoint: options.endpoint } : {}),
      uploadUrl: options.uploadUrl,
      uploadSize: options.size,
      metadata: options.metadata,
      onBeforeRequest: (request) => {
        for (const [name, value] of Object.entries(options.headers())) request.setHeader(name, value);
      },
      chunkSize: options.chunkSize,
      retryDelays: null,
      fileReader: slices,
      storeFingerprintForResuming: false,
      ...(options.publicOnly ? { httpStack: tusStackFor(options.publicOnly) } : {}),
      onAfterResponse: (request, response) => {
        alive();
        const method = request.getMethod();
        if (method === 'POST' && options.remoteIdHeader) mediaId = response.getHeader(options.remoteIdHeader) ?? null;
        // Continuing: the server's offset is what it holds, however the last attempt ended.
        const offset = Number(response.getHeader('Upload-Offset'));
        if (method === 'HEAD' && response.getStatus() < 300 && Number.isInteger(offset)) {
          accepted = offset;
          if (!settled) options.onProgress({ sent: offset, accepted });
        }
      },
      onUploadUrlAvailable: () => {
        if (!settled && upload.url) options.onUploadUrl(upload.url, mediaId);
      },
      onProgress: (sent) => {
        alive();
        if (!settled) options.onProgress({ sent, accepted });
      },
      onChunkComplete: (_chunk, offset) => {
        accepted = offset;
        if (!settled) options.onProgress({ sent: offset, accepted });
      },
      onSuccess: () => settle(() => resolve({ url: upload.url ?? '', mediaId })),
      onError: (error) =>
        settle(() => {
          if (error instanceof DetailedError && error.causingError && options.publicOnly?.refused(error.causingError))
            return reject(new PrivateAddressError(error.originalRequest.getURL()));
          reject(new TusUploadError(failureOf(error)));
        }),
    });
    options.signal.addEventListener('abort', stop, { once: true });
    alive();
    upload.start();
  });
}
