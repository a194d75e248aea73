/**
 * One upload attempt of a provider's TUS session straight through tus-js-client, as the deliver
 * stage makes it (the session's headers asked before every request). Not the stage's tusUpload:
 * a test here sees tus-js-client's own errors, response code included.
 */
import fs from 'node:fs';
import { Upload } from 'tus-js-client';
import type { TusSession } from '../../electron/engine/delivery/providers/provider';

export interface SessionUploadOptions {
  /** Told the upload's URL once the server has it. */
  onUrl?: (url: string) => void;
  /** Abort after this many PATCHes, rejecting with `stopped after N chunks`: an interrupted push. */
  chunks?: number;
}

export function uploadSession(
  session: TusSession,
  file: string,
  size: number,
  { onUrl = () => {}, chunks = Infinity }: SessionUploadOptions = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = 0;
    const upload: Upload = new Upload(fs.createReadStream(file), {
      endpoint: session.endpoint,
      uploadUrl: session.uploadUrl,
      uploadSize: size,
      metadata: session.metadata,
      chunkSize: session.chunkSize,
      retryDelays: null,
      storeFingerprintForResuming: false,
      onBeforeRequest: (req) => {
        for (const [name, value] of Object.entries(session.headers())) req.setHeader(name, value);
      },
      onUploadUrlAvailable: () => onUrl(upload.url ?? ''),
      onChunkComplete: () => {
        if (++done < chunks) return;
        void upload.abort();
        reject(new Error(`stopped after ${chunks} chunks`));
      },
      onSuccess: () => resolve(),
      onError: reject,
    });
    upload.start();
  });
}
