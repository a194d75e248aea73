/**
 * What a failed upload attempt means, pure: try again later (and whether with a new upload), or
 * give up with a sentence that names the target and says what to do.
 */
import { providerFacts, type DeliveryProvider } from '../../../shared/delivery-targets';
import { backoffMs, isTransient, planRetry } from '../retry/retry-policy';

/** How to try again, in words for every door: the app's and the browser's Retry, the CLI's command. */
export const retryWords = (uid: string): string => `then retry the video (Retry, or ferry retry ${uid})`;

/** How a delivery retries (DeliveryTuning in the deliver stage). */
export interface RetryTuning {
  /** Attempts without progress before a delivery fails. */
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export interface UploadFailure {
  /** The HTTP status of the failed request; undefined when no response came (a network error). */
  status?: number;
  /** The method of the failed request: POST creates the upload, HEAD and PATCH continue it. */
  method?: string;
  retryAfter?: string | null;
  /** What happened, for the history and the final sentence. */
  message: string;
  /** The service's own words for the refusal, quoted to the user. */
  serviceText?: string;
}

export type FailureVerdict =
  /** `chunkSize`: send smaller PATCHes from now on (a proxy's body limit answered 413). */
  { kind: 'retry'; delayMs: number; forgetUpload: boolean; chunkSize?: number } | { kind: 'fail'; text: string };

/** The smallest PATCH a 413 halves down to: below it, the limit is not about the body's size. */
const smallestChunk = 1024 * 1024;

export interface FailureContext {
  /** This attempt's number, counted since the last attempt that moved the offset forward. */
  attempt: number;
  target: { name: string; endpoint: string; provider: DeliveryProvider };
  uid: string;
  size: number;
  /**
   * A 401 or 403 means an authorisation that expires ran out (Bunny's signature, Gcore's token):
   * the next attempt renews it, so it is retried rather than failed.
   */
  renewsAuthorization?: boolean;
  /** The PATCH size of the attempt, when it sent any: a 413 to a PATCH halves it. */
  chunkSize?: number;
}

/** TUS's own "not now" answers, besides the transient ones of HTTP: an offset conflict, a lock, a checksum mismatch. */
const tusTransient = [409, 423, 460];

function describe(failure: UploadFailure): string {
  if (failure.status === undefined) return failure.message;
  return `the server answered ${failure.status}${failure.serviceText ? `: "${failure.serviceText}"` : ''}`;
}

/** A streaming service's refusal, with its own words and what to do. */
function serviceRefusal(failure: UploadFailure, context: FailureContext): string {
  const { name, provider } = context.target;
  const { label, credential } = providerFacts[provider];
  const said = failure.serviceText ? ` ("${failure.serviceText}")` : '';
  const retry = retryWords(context.uid);
  switch (failure.status) {
    case 401:
    case 403:
      return (
        `Delivery to "${name}" failed: ${label} refused the credential (${failure.status})${said}. ` +
        `Save the right ${credential} in the target (Targets, Edit; or ferry target add "${name}" … --credential-env VAR), ${retry}.`
      );
    case 404:
      return `Delivery to "${name}" failed: ${label} answered 404${said}. Check the target's endpoint and ids (Targets, Test; or ferry target test "${name}"), ${retry}.`;
    case 413:
      return `Delivery to "${name}" failed: ${label} refuses a file of ${context.size} bytes (413)${said}. Send the MP4 instead of the original, or a shorter video, ${retry}.`;
    default:
      return `Delivery to "${name}" failed: ${label} refused it (${failure.status ?? 'no answer'})${said || `: ${failure.message}`}. Fix what it says, ${retry}.`;
  }
}

function refusal(failure: UploadFailure, context: FailureContext): string {
  if (context.target.provider !== 'tus') return serviceRefusal(failure, context);
  const { name, endpoint } = context.target;
  const retry = retryWords(context.uid);
  switch (failure.status) {
    case 401:
    case 403:
      return (
        `Delivery to "${name}" failed: ${endpoint} answered ${failure.status}, the credential is missing or refused. ` +
        `Save the right one in the target (Targets, Edit; or ferry target add "${name}" --provider tus --endpoint ${endpoint} --credential-env VAR), ${retry}.`
      );
    case 404:
      return `Delivery to "${name}" failed: ${endpoint} answered 404, there is no TUS endpoint there. Check the target's URL, ${retry}.`;
    case 413:
      return `Delivery to "${name}" failed: ${endpoint} refuses a file of ${context.size} bytes (413). Raise the server's size limit, ${retry}.`;
    default:
      return (
        `Delivery to "${name}" failed: ${endpoint} refused the upload (${describe(failure)}: ${failure.message}). ` +
        `Check that it is a TUS server that accepts this file, ${retry}.`
      );
  }
}

export function judgeFailure(
  failure: UploadFailure,
  context: FailureContext,
  tuning: RetryTuning,
  random: () => number = Math.random,
): FailureVerdict {
  // The upload is gone (expired, removed) while the endpoint is fine: start a new one.
  const uploadGone =
    (failure.method === 'HEAD' || failure.method === 'PATCH') && (failure.status === 404 || failure.status === 410);
  const expired = context.renewsAuthorization === true && (failure.status === 401 || failure.status === 403);
  // A body too large for something on the way (Cloudflare's proxy takes 100 MB): smaller PATCHes.
  // A proxy may also cut the connection before its 413 is read; a PATCH broken twice in a row
  // without progress gets smaller too, which also suits a flaky link.
  const chunkSize = context.chunkSize ?? 0;
  const tooLarge = failure.status === 413 && failure.method === 'PATCH';
  const brokenAgain = failure.status === undefined && failure.method === 'PATCH' && context.attempt >= 2;
  if ((tooLarge || brokenAgain) && chunkSize >= 2 * smallestChunk) {
    const half = Math.max(smallestChunk, Math.floor(chunkSize / 2 / (256 * 1024)) * 256 * 1024);
    const delayMs = tooLarge
      ? 0
      : backoffMs(context.attempt, { baseMs: tuning.retryBaseMs, maxMs: tuning.retryMaxMs }, random);
    return { kind: 'retry', delayMs, forgetUpload: false, chunkSize: half };
  }
  if (!uploadGone && !expired && !isTransient(failure.status, tusTransient))
    return { kind: 'fail', text: refusal(failure, context) };
  const plan = planRetry(
    context.attempt,
    // An upload that is gone is started anew: that is worth another attempt, whatever its status.
    { ...(uploadGone || expired ? {} : { status: failure.status }), retryAfter: failure.retryAfter ?? null },
    { baseMs: tuning.retryBaseMs, maxMs: tuning.retryMaxMs, maxAttempts: tuning.maxAttempts },
    { alsoTransient: tusTransient, random },
  );
  if (plan.kind === 'give-up') {
    const { name, endpoint } = context.target;
    return {
      kind: 'fail',
      text:
        `Delivery to "${name}" failed after ${context.attempt} attempts (${describe(failure)}). ` +
        `Check that ${endpoint} is up and reachable, ${retryWords(context.uid)}.`,
    };
  }
  return { kind: 'retry', delayMs: plan.delayMs, forgetUpload: uploadGone };
}
