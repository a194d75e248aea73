/** `--header 'Name: value'` flags to a header record, or a UsageError. Pure. */
import { isHttpHeaderName } from '../../shared/http-header-name';
import { UsageError } from './cli-context';

export function parseHeaders(flags: readonly string[] = []): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const flag of flags) {
    const at = flag.indexOf(':');
    const name = flag.slice(0, at).trim();
    if (at <= 0 || !isHttpHeaderName(name)) {
      throw new UsageError(`--header takes 'Name: value', not "${flag}".`);
    }
    headers[name] = flag.slice(at + 1).trim();
  }
  return headers;
}

/** Whether a command-line argument is a link rather than a local path. */
export function looksLikeLink(arg: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);
}
