/**
 * Whether a request may have a video's media, as Cloudflare Stream decides it: a video with
 * `requireSignedURLs` only with a playback token for it that has not expired; a video with
 * `allowedOrigins` only for a page of one of those hosts (by `Origin`, else `Referer`), while a
 * request that names no page at all (a player app, curl) is let through. Pure.
 */
import { verifyPlaybackToken } from './playback-token';

export interface ServingRules {
  requireSignedURLs: boolean;
  allowedOrigins: string[];
}

export interface MediaRequest {
  uid: string;
  /** From the path (in place of the uid) or `?token=`. */
  token: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
  nowEpochSeconds: number;
}

export type MediaAccess = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

export function mediaAccess(key: Buffer, rules: ServingRules, request: MediaRequest): MediaAccess {
  // A token given is checked even where none is needed: a wrong one is a mistake worth hearing of.
  if (request.token !== undefined && !verifyPlaybackToken(key, request.token, request.uid, request.nowEpochSeconds))
    return { allowed: false, status: 401, message: 'The playback token is not valid for this video or has expired.' };
  if (rules.requireSignedURLs && request.token === undefined)
    return { allowed: false, status: 401, message: 'This video is served only with a signed playback token.' };
  const page = request.origin ?? request.referer;
  if (rules.allowedOrigins.length > 0 && page !== undefined && !hostAllowed(rules.allowedOrigins, page))
    return { allowed: false, status: 403, message: 'This video may not be embedded on this site.' };
  return { allowed: true };
}

/**
 * Whether the page at `pageUrl` is one of `allowed`: `*` any, `*.example.com` its subdomains,
 * `example.com` that host (any port unless the entry names one).
 */
export function hostAllowed(allowed: string[], pageUrl: string): boolean {
  const page = parseUrl(pageUrl);
  if (!page) return false;
  const hostname = page.hostname.toLowerCase();
  return allowed.some((entry) => {
    const wanted = entry.toLowerCase();
    if (wanted === '*') return true;
    if (wanted.startsWith('*.')) return hostname.endsWith(wanted.slice(1));
    return wanted.includes(':') ? page.host.toLowerCase() === wanted : hostname === wanted;
  });
}

function parseUrl(text: string): URL | undefined {
  return URL.canParse(text) ? new URL(text) : undefined;
}
