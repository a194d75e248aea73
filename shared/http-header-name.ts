/**
 * The one check of request headers given for a link, wherever they come from (the UI, the CLI's
 * --header, a list's headers column): anything a request could not carry, or that could smuggle
 * a second header, is refused with a sentence saying what to fix. Pure.
 */

/** Whether a string is a valid HTTP header name (an RFC 9110 token). */
function isHttpHeaderName(name: string): boolean {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name);
}

/** Tab, visible ASCII and obs-text: what Node's HTTP client sends; a CR or LF would start a second header. */
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Why this header cannot be sent, or null when it can. */
export function headerProblem(name: string, value: unknown): string | null {
  const quoted = JSON.stringify(name);
  if (!isHttpHeaderName(name)) return `header ${quoted} is not a valid HTTP header name; use letters, digits and -`;
  if (typeof value !== 'string') return `header ${quoted} must have a string value, e.g. ${quoted}: "value"`;
  if (!headerValue.test(value))
    return `header ${quoted} has a line break or control character in its value; give it on one line`;
  return null;
}
