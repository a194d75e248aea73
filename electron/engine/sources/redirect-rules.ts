/**
 * Where a redirect may lead, and which hops get the user's headers. Pure. The user's headers (a
 * token, a cookie) were given for one origin: they go to that scheme, host and port only, as curl
 * and browsers do, never to another host, another port, or the same host over plain http. A step
 * down from https to http would send the request (and the path's own secrets, such as a signed
 * query) in clear text: it is refused unless the user allowed it for this link.
 */

import { withoutUserinfo } from './link-userinfo';

export interface RedirectRules {
  /** The link's origin (URL.origin: scheme, host and port). */
  origin: string;
  allowInsecureRedirects?: boolean;
  maxRedirects: number;
}

/** Whether the user's headers may go with a request to `url`. */
export function sendsUserHeaders(url: URL, origin: string): boolean {
  return url.origin === origin;
}

/** The URL a redirect leads to, or why it is not followed (a sentence naming the link and the fix). */
export function nextHop(
  visited: readonly string[],
  location: string,
  rules: RedirectRules,
): { ok: true; url: string } | { ok: false; reason: string } {
  const current = visited[visited.length - 1] as string;
  const next = new URL(location, current);
  if (!/^https?:$/.test(next.protocol))
    return { ok: false, reason: `The link redirects to ${next.protocol} which Ferry cannot fetch.` };
  if (new URL(current).protocol === 'https:' && next.protocol === 'http:' && !rules.allowInsecureRedirects) {
    return {
      ok: false,
      reason:
        `The link ${visited[0]} redirects from https to plain http (${next.origin}), where the request would ` +
        'travel in clear text, so Ferry did not follow it. Ask the origin for an https link, or, if you trust ' +
        'the network, add the link again allowing it (ferry ingest --allow-insecure-redirect, or the ingest ' +
        'option allowInsecureRedirects).',
    };
  }
  if (visited.includes(next.href))
    return {
      ok: false,
      reason: `The link redirects in a loop (${withoutUserinfo([...visited, next.href].join(' -> '))}).`,
    };
  if (visited.length > rules.maxRedirects)
    return { ok: false, reason: `The link redirects more than ${rules.maxRedirects} times.` };
  return { ok: true, url: next.href };
}
