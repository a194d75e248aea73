/**
 * A multipart/form-data body whose file part is read from disk as the socket takes it: never the
 * whole file in memory, and every byte of the file counted as it goes out, for the delivery's
 * progress. Its length is known up front, so the request carries a Content-Length.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';

export interface MultipartFile {
  /** The form field the file goes in. */
  field: string;
  path: string;
  size: number;
  /** The file name the service is told. */
  name: string;
  type: string;
}

/** Bytes read from disk per pull: enough to keep the socket busy, small enough to stay out of the way. */
const readBytes = 256 * 1024;

/** The form's quoting rules (WHATWG multipart/form-data): quotes and line breaks escaped, the rest UTF-8. */
const quoted = (value: string): string => `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;

/**
 * A Blob, so that fetch sends it with a Content-Length and needs no `duplex` option (which
 * serviceRequest does not pass and a ReadableStream body requires); fetch reads it only through
 * stream(), which is called afresh for each send (a redirect sends it again).
 */
class FileForm extends Blob {
  override readonly size: number;
  override readonly type: string;

  constructor(
    private readonly head: Uint8Array,
    private readonly file: MultipartFile,
    private readonly tail: Uint8Array,
    boundary: string,
    private readonly onProgress: (sent: number) => void,
    private readonly pace?: (bytes: number) => Promise<void>,
  ) {
    super([]);
    this.size = head.length + file.size + tail.length;
    this.type = `multipart/form-data; boundary=${boundary}`;
  }

  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const { head, tail, file, onProgress, pace } = this;
    let handle: fs.FileHandle | null = null;
    let sent = 0;
    let stage: 'head' | 'file' | 'tail' | 'done' = 'head';
    const closeFile = async () => {
      await handle?.close();
      handle = null;
    };
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      async pull(controller) {
        if (stage === 'head') {
          stage = file.size > 0 ? 'file' : 'tail';
          handle = await fs.open(file.path, 'r');
          controller.enqueue(new Uint8Array(head));
          return;
        }
        if (stage === 'file' && handle) {
          const chunk = new Uint8Array(Math.min(readBytes, file.size - sent));
          const { bytesRead } = await handle.read(chunk, 0, chunk.length, sent);
          if (bytesRead === 0) {
            await closeFile();
            throw new Error(
              `${file.path} ended after ${sent} of ${file.size} bytes: it changed while it was being sent. Let it settle, then retry the delivery.`,
            );
          }
          await pace?.(bytesRead);
          sent += bytesRead;
          controller.enqueue(chunk.subarray(0, bytesRead));
          onProgress(sent);
          if (sent >= file.size) stage = 'tail';
          return;
        }
        await closeFile();
        if (stage === 'tail') {
          stage = 'done';
          controller.enqueue(new Uint8Array(tail));
        }
        controller.close();
      },
      // A stopped or failed request cancels the body: the file is closed, not left open.
      cancel: closeFile,
    });
  }

  // Only stream() reads this body; reading it whole would defeat its purpose.
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new Error('A streamed form is read with stream(), never whole.'));
  }

  override text(): Promise<string> {
    return Promise.reject(new Error('A streamed form is read with stream(), never whole.'));
  }
}

/**
 * `fields` first, then the file, as the form's parts; `onProgress` gets the file's bytes sent so
 * far; `pace`, when given, holds each piece of the file until the bandwidth limit lets it go.
 */
export function multipartBody(
  fields: Record<string, string>,
  file: MultipartFile,
  onProgress: (sent: number) => void,
  pace?: (bytes: number) => Promise<void>,
): Blob {
  const boundary = `----ferry${randomBytes(16).toString('hex')}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(file.field)}; filename=${quoted(file.name)}\r\n` +
      `Content-Type: ${file.type || 'application/octet-stream'}\r\n\r\n`,
  );
  const encoder = new TextEncoder();
  return new FileForm(
    encoder.encode(parts.join('')),
    file,
    encoder.encode(`\r\n--${boundary}--\r\n`),
    boundary,
    onProgress,
    pace,
  );
}
