/**
 * A link's `user:pass@` is a credential, not part of where the file is: at ingest it becomes an
 * `Authorization: Basic …` header (stored and sent like the user's other headers, to the link's
 * origin only) and the link is kept and shown without it, in meta, source.url, answers, errors
 * and history. Pure.
 */

export interface LinkCredentials {
  url: string;
  headers: Record<string, string>;
}

/** `scheme://userinfo@` anywhere in a text: a link Node cannot parse, or a list's whole line. */
const userinfo = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"',;<>]*@/gi;

/** The text with every link's `user:pass@` taken out (for texts echoed back: a bad link, a list's bad line). */
export function withoutUserinfo(text: string): string {
  return text.replace(userinfo, '$1');
}

/** Percent-decoded, or as written when it is not valid percent-encoding (curl sends it so too). */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((given) => given.toLowerCase() === name.toLowerCase());
}

/**
 * The link without its userinfo, and the headers with Basic credentials added from it, unless
 * the user gave an Authorization header of their own (which then wins, as with curl -u and -H).
 */
export function moveUserinfo(link: string, headers: Record<string, string> = {}): LinkCredentials {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { url: withoutUserinfo(link), headers };
  }
  if (url.username === '' && url.password === '') return { url: link, headers };
  const user = decoded(url.username);
  const password = decoded(url.password);
  url.username = '';
  url.password = '';
  if (hasHeader(headers, 'Authorization')) return { url: url.href, headers };
  const basic = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  return { url: url.href, headers: { ...headers, Authorization: `Basic ${basic}` } };
}
