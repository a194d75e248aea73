/**
 * A file's content fingerprint, to tell that a file is already in the library whatever its name
 * or path: SHA-256 over the size, the first MiB and the last MiB. A browser computes it in
 * milliseconds on a file of any size (a full hash reads every byte: seconds a GiB, and the Web
 * Crypto API hashes only a whole buffer in memory); two different videos of the same size with
 * the same first and last MiB do not happen in practice. The engine and the browser both use
 * this, with the Web Crypto API each has, so they agree by construction.
 */

/** How much of each end of a file is read. */
export const fingerprintEdgeBytes = 1024 * 1024;

/** A fingerprint as stored and looked up: 64 lowercase hex digits. */
export const fingerprintPattern = /^[0-9a-f]{64}$/;

/** The byte ranges read, [start, end): the head, and the tail after it (a file up to 2 MiB is read whole). */
export function fingerprintRanges(size: number): { head: [number, number]; tail: [number, number] } {
  const head = Math.min(size, fingerprintEdgeBytes);
  return { head: [0, head], tail: [Math.max(head, size - fingerprintEdgeBytes), size] };
}

/** SHA-256 of the size in decimal and a newline, then the head's bytes, then the tail's. */
export async function contentFingerprint(size: number, head: Uint8Array, tail: Uint8Array): Promise<string> {
  const prefix = new TextEncoder().encode(`${size}\n`);
  const message = new Uint8Array(prefix.length + head.length + tail.length);
  message.set(prefix, 0);
  message.set(head, prefix.length);
  message.set(tail, prefix.length + head.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', message));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
