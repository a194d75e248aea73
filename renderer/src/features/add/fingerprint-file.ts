/**
 * A dropped or picked file's content fingerprint in the page (shared/content-fingerprint.ts): two
 * slices of at most a MiB read and hashed with the Web Crypto API, however large the file.
 */
import { contentFingerprint, fingerprintRanges } from '../../../../shared/content-fingerprint';

export async function fingerprintFile(file: Blob): Promise<string> {
  const { head, tail } = fingerprintRanges(file.size);
  const read = async ([start, end]: [number, number]) => new Uint8Array(await file.slice(start, end).arrayBuffer());
  return contentFingerprint(file.size, await read(head), await read(tail));
}
