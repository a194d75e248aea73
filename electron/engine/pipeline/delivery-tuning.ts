/** How deliveries retry, how large their PATCHes are, and how often a service is asked about a video. */
import type { RetryTuning } from '../delivery/delivery-failure';

export interface DeliveryTuning extends RetryTuning {
  /**
   * Bytes per PATCH, a multiple of 256 KiB (Cloudflare's rule) and at most its 200 MiB. Each PATCH
   * waits for the server's answer before the next starts: 200 MiB rather than the 50 MiB Cloudflare
   * suggests kept a 1 GiB push at 0.94x curl's single PATCH instead of 0.71x (npm run bench --
   * deliver). A kill resends at most one chunk; a proxy's body limit halves it (delivery-failure.ts).
   */
  chunkSize: number;
  /** An attempt in which nothing moves for this long is abandoned and retried. */
  idleTimeoutMs: number;
  /** The first status poll after the service took the video; later ones back off from it. */
  pollBaseMs: number;
  /** The longest wait between status polls. */
  pollMaxMs: number;
  /** Status polls before a video the service never finishes fails the delivery. */
  maxPolls: number;
}

export const defaultDeliveryTuning: DeliveryTuning = {
  maxAttempts: 5,
  retryBaseMs: 2000,
  retryMaxMs: 5 * 60_000,
  chunkSize: 200 * 1024 * 1024,
  idleTimeoutMs: 120_000,
  // Well inside the services' API rate limits (Cloudflare: 1200 requests per 5 minutes per account).
  pollBaseMs: 5000,
  pollMaxMs: 60_000,
  // About a day at the longest wait: longer than any service takes to process a video.
  maxPolls: 1500,
};
