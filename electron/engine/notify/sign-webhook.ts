/**
 * Webhook signatures as Cloudflare Stream makes them (reference/providers.md, "(d) Webhooks"):
 * `Webhook-Signature: time=<unix seconds>,sig1=<hex HMAC-SHA256 of "<time>.<raw body>">`, keyed
 * with the secret's text as given (the hex string itself, not the bytes it spells), as
 * Cloudflare's own examples do. A receiver written for Cloudflare Stream can verify Ferry's
 * webhooks unchanged.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'Webhook-Signature';

export interface VerifyOptions {
  /** The receiver's clock, epoch ms (default: now). */
  now?: number;
  /** How far `time` may be from `now`, either way (default 300 s); bounds how long a captured request can be replayed. */
  toleranceSeconds?: number;
}

export type VerifyResult = { ok: true; time: number } | { ok: false; reason: string };

/** 12 digits of seconds: past any real clock, and within the dates JavaScript can write (a 13th would not be). */
const latestTime = 999_999_999_999;

function hmacHex(secret: string, time: number, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${time}.`).update(body).digest('hex');
}

export function signWebhook(body: string, secret: string, timeSeconds: number): string {
  if (!Number.isSafeInteger(timeSeconds) || timeSeconds < 0 || timeSeconds > latestTime) {
    throw new RangeError(`The signing time must be whole seconds since 1970 (12 digits at most), not ${timeSeconds}.`);
  }
  return `time=${timeSeconds},sig1=${hmacHex(secret, timeSeconds, body)}`;
}

/** Splits `time=…,sig1=…` into its fields; a reason instead when the header cannot be read. */
function parseHeader(header: string): { time: number; signatures: string[] } | { reason: string } {
  const malformed = (why: string) => ({
    reason: `malformed Webhook-Signature header (${why}); expected "time=<unix seconds>,sig1=<64 hex digits>"`,
  });
  let time: number | undefined;
  const signatures: string[] = [];
  for (const part of header.trim().split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return malformed(`"${part.trim()}" is not key=value`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 'time') {
      if (time !== undefined) return malformed('time is given twice');
      if (!/^\d{1,12}$/.test(value)) return malformed(`time "${value}" is not whole seconds since 1970`);
      time = Number(value);
    } else if (key === 'sig1') {
      // Several sig1 values are accepted, so a sender may sign with an old and a new secret while receivers move over.
      if (!/^[0-9a-fA-F]{64}$/.test(value)) return malformed('sig1 is not 64 hex digits (a hex HMAC-SHA256)');
      signatures.push(value.toLowerCase());
    }
    // Other keys are skipped, so a later scheme (sig2) can be added beside sig1 without breaking receivers.
  }
  if (time === undefined) return { reason: 'the Webhook-Signature header has no time=' };
  if (signatures.length === 0) return { reason: 'the Webhook-Signature header has no sig1=' };
  return { time, signatures };
}

/** Checks a `Webhook-Signature` header against the raw body bytes exactly as received. */
export function verifyWebhook(
  header: string,
  body: string | Uint8Array,
  secret: string,
  options: VerifyOptions = {},
): VerifyResult {
  const parsed = parseHeader(header);
  if ('reason' in parsed) return { ok: false, reason: parsed.reason };
  const { time, signatures } = parsed;
  const tolerance = options.toleranceSeconds ?? 300;
  const nowSeconds = (options.now ?? Date.now()) / 1000;
  const signedAt = new Date(time * 1000).toISOString();
  if (nowSeconds - time > tolerance) {
    return {
      ok: false,
      reason: `signed too long ago (at ${signedAt}, more than ${tolerance} s before now); it may be a replay`,
    };
  }
  if (time - nowSeconds > tolerance) {
    return {
      ok: false,
      reason: `signed in the future (at ${signedAt}, more than ${tolerance} s after now); check the clocks`,
    };
  }
  const expected = Buffer.from(hmacHex(secret, time, body), 'hex');
  const matches = signatures.some((sig) => {
    const given = Buffer.from(sig, 'hex');
    // timingSafeEqual throws on different lengths; the header parser already fixes the length, this keeps it so.
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) {
    return {
      ok: false,
      reason: 'signature does not match: the body was changed, or it was signed with a different secret',
    };
  }
  return { ok: true, time };
}
