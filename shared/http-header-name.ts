/**
 * The one check of request headers given for a link, wherever they come from (the UI, the CLI's
 * --header, a list's headers column, the Cloudflare-compatible API's `headers`): anything a
 * request could not carry, that could smuggle a second header, or that belongs to the connection
 * rather than to the file is refused with a sentence saying what to fix. Pure.
 */

/** Whether a string is a valid HTTP header name (an RFC 9110 token). */
function isHttpHeaderName(name: string): boolean {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name);
}

/** Tab, visible ASCII and obs-text: what Node's HTTP client sends; a CR or LF would start a second header. */
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Headers that describe the connection or the message's framing (RFC 9110 7.6.1, RFC 9112),
 * which Ferry's HTTP client sets itself: given by a user they would change where a request goes
 * or how its body is delimited (request smuggling), and they mean nothing to the file.
 */
const connectionHeaders = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'content-length',
  'expect',
  'http2-settings',
]);

/** Why a header that belongs to the connection cannot be given, or null for one that can. */
function connectionHeaderProblem(name: string, quoted: string): string | null {
  const lower = name.toLowerCase();
  if (lower.startsWith('proxy-'))
    return `header ${quoted} is meant for a proxy, and Ferry fetches without one; leave it out`;
  if (connectionHeaders.has(lower))
    return `header ${quoted} describes the connection, which Ferry sets itself (a user's value could redirect or split the request); leave it out`;
  return null;
}

/** Why this header cannot be sent, or null when it can. */
export function headerProblem(name: string, value: unknown): string | null {
  const quoted = JSON.stringify(name);
  if (!isHttpHeaderName(name)) return `header ${quoted} is not a valid HTTP header name; use letters, digits and -`;
  const connection = connectionHeaderProblem(name, quoted);
  if (connection) return connection;
  if (typeof value !== 'string') return `header ${quoted} must have a string value, e.g. ${quoted}: "value"`;
  if (!headerValue.test(value))
    return `header ${quoted} has a line break or control character in its value; give it on one line`;
  return null;
}

/** Names that say a header carries a credential: kept in the credential vault, never in ferry.db. */
const secretNames = new Set(['authorization', 'proxy-authorization', 'cookie']);
const secretWord = /(^|[-_.])(api-?key|key|token|secret|password|passwd|session|auth|credentials?|signature)($|[-_.])/i;

/** Whether a request header's value is a credential (Authorization, Cookie, X-Api-Key, *-Token, *-Secret…). */
export function isSecretHeader(name: string): boolean {
  return secretNames.has(name.toLowerCase()) || secretWord.test(name);
}
