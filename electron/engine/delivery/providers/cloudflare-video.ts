/**
 * Cloudflare's answers read, pure: the `{result, success, errors, messages}` envelope, and a
 * Video object (`GET …/stream/{uid}`) as the deliver stage follows it.
 */
import type { DeliveryReadyWhen } from '../../../../shared/delivery-targets';
import type { RemoteStatus } from './provider';
import { record, text } from './read-answer';
import { ServiceError, serviceErrorText } from './service-request';

/**
 * The envelope's `result`. A 2xx with `success: false` is still a refusal (Cloudflare's API can
 * answer so), quoted as the service worded it.
 */
export function envelopeResult(body: unknown, method: string, url: string): unknown {
  const envelope = record(body);
  if (envelope.success !== false && 'result' in envelope) return envelope.result;
  const said = serviceErrorText(body);
  throw new ServiceError({
    method,
    message: said ?? `${method} ${new URL(url).pathname} answered without Cloudflare's {result, success} envelope`,
    ...(said ? { serviceText: said } : {}),
  });
}

/** A Video object's `uid`, or a ServiceError saying that the answer had none. */
export function videoUid(result: unknown, method: string, url: string): string {
  const uid = text(record(result).uid);
  if (uid) return uid;
  throw new ServiceError({ method, message: `${method} ${new URL(url).pathname} answered a video without a uid` });
}

/** The service's reason for `error`: the docs' `errorReasonCode`/`Text`, or the webhook page's `errReasonCode`/`Text`. */
function errorReason(status: Record<string, unknown>): string {
  const code = text(status.errorReasonCode) ?? text(status.errReasonCode);
  const reason = text(status.errorReasonText) ?? text(status.errReasonText);
  if (code && reason) return `${code}: ${reason}`;
  return code ?? reason ?? 'Cloudflare Stream could not process the video and gave no reason';
}

/**
 * Where the video stands. `playable`: ready once `readyToStream` (one quality plays); `complete`:
 * once the state is `ready` too (every quality made).
 */
export function cloudflareStatus(result: unknown, readyWhen: DeliveryReadyWhen): RemoteStatus {
  const video = record(result);
  const status = record(video.status);
  const word = text(status.state) ?? 'unknown';
  const playbackUrl = text(record(video.playback).hls);
  const shown = playbackUrl ? { playbackUrl } : {};
  if (word === 'error') return { phase: 'error', word, error: errorReason(status), ...shown };
  // Not a Stream state: `ferry serve`'s, for a video someone canceled there, which will not go on by itself.
  if (word === 'canceled')
    return { phase: 'error', word, error: 'The video was canceled on the receiving Ferry; retry it there.' };
  const playable = video.readyToStream === true;
  const ready = readyWhen === 'playable' ? playable : playable && word === 'ready';
  if (ready) return { phase: 'ready', word, pct: 100, ...shown };
  // Cloudflare's pctComplete is a string ("39.000000"); a number (Ferry's own API) is taken too.
  const raw = status.pctComplete;
  const pct = typeof raw === 'number' ? raw : Number.parseFloat(typeof raw === 'string' ? raw : '');
  return {
    phase: 'processing',
    word,
    ...(Number.isFinite(pct) ? { pct: Math.min(100, Math.max(0, pct)) } : {}),
    ...shown,
  };
}
