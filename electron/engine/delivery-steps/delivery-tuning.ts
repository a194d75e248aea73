/** How deliveries retry, how large their PATCHes are, and how often a service is asked about a video. */
import type { RetryTuning } from '../delivery/delivery-failure';

export interface DeliveryTuning extends RetryTuning {
  /**
   * Bytes per PATCH; Infinity sends the rest of the file in one (tus-js-client's own default,
   * which its docs advise keeping unless a server or proxy forces smaller). A service with rules
   * of its own applies them (Cloudflare: 256 KiB steps up to 200 MiB); a proxy's body limit
   * halves it (delivery-failure.ts).
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
  // Each PATCH waits for the server's answer before the next starts: one PATCH sent a 1 GiB file
  // at 0.93x curl's speed, 200 MiB ones at 0.76x, 50 MiB ones at 0.71x (npm run bench -- deliver).
  chunkSize: Number.POSITIVE_INFINITY,
  idleTimeoutMs: 120_000,
  // Well inside the services' API rate limits (Cloudflare: 1200 requests per 5 minutes per account).
  pollBaseMs: 5000,
  pollMaxMs: 60_000,
  // About a day at the longest wait: longer than any service takes to process a video.
  maxPolls: 1500,
};
