/**
 * `--header 'Name: value'` flags to a header record, or a UsageError when a flag has no name.
 * Whether the name and value can be sent is the contract's one header check (shared), at the
 * dispatcher. Pure.
 */
import { UsageError } from './cli-context';

export function parseHeaders(flags: readonly string[] = []): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const flag of flags) {
    const at = flag.indexOf(':');
    if (at <= 0 || flag.slice(0, at).trim() === '')
      throw new UsageError(`--header takes 'Name: value', not "${flag}".`);
    headers[flag.slice(0, at).trim()] = flag.slice(at + 1).trim();
  }
  return headers;
}

/** Whether a command-line argument is a link rather than a local path. */
export function looksLikeLink(arg: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);
}
