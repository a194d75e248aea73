/** The content fingerprint (shared/content-fingerprint.ts) of a file on disk: two reads of at most a MiB. */
import fs from 'node:fs/promises';
import { contentFingerprint, fingerprintRanges } from '../../../shared/content-fingerprint';

export async function fileFingerprint(file: string): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const { head, tail } = fingerprintRanges(size);
    const read = async ([start, end]: [number, number]) => {
      const bytes = new Uint8Array(end - start);
      let done = 0;
      while (done < bytes.length) {
        const { bytesRead } = await handle.read(bytes, done, bytes.length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return bytes.subarray(0, done);
    };
    return await contentFingerprint(size, await read(head), await read(tail));
  } finally {
    await handle.close();
  }
}
