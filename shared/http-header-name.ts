/**
 * Whether a string is a valid HTTP header name (an RFC 9110 token). Anything else is refused
 * before it reaches a request: the client would reject it, or it could smuggle a second header.
 */
export function isHttpHeaderName(name: string): boolean {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name);
}
