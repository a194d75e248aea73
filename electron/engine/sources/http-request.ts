/**
 * One HTTP request on Node's fetch, following redirects by hand so that the user's headers (a
 * token, a cookie) go to the origin's host only and never to a redirect target elsewhere, with
 * a limit and loop detection. An idle timer aborts a request that stops sending bytes; a slow
 * one that keeps sending is never cut off.
 */

export class HttpError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfter?: string | null,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface RequestOptions {
  method: 'GET' | 'HEAD';
  /** The user's headers: sent only while the request stays on `originHost`. */
  userHeaders: Record<string, string>;
  originHost: string;
  /** Ferry's own headers (Range, If-Range), sent to every hop. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  idleTimeoutMs: number;
  maxRedirects?: number;
}

export interface Reply {
  response: Response;
  finalUrl: string;
  /** Re-arms the idle timer: call on every chunk read from the body. */
  alive(): void;
  /** Stops the idle timer once the body is read or abandoned. */
  done(): void;
}

export async function httpRequest(url: string, options: RequestOptions): Promise<Reply> {
  const visited: string[] = [];
  let current = url;
  const idle = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, idle.signal]) : idle.signal;
  // One watchdog per request that compares timestamps: re-arming a timer for every chunk would
  // allocate one per 64 KiB, thousands a second on a fast link.
  let lastSign = Date.now();
  const alive = () => {
    lastSign = Date.now();
  };
  const watchdog = setInterval(
    () => {
      if (Date.now() - lastSign > options.idleTimeoutMs) {
        idle.abort(new HttpError('The server stopped sending data.', true));
      }
    },
    Math.max(50, options.idleTimeoutMs / 4),
  );
  const done = () => clearInterval(watchdog);
  try {
    for (;;) {
      visited.push(current);
      const sameHost = new URL(current).host === options.originHost;
      const response = await fetch(current, {
        method: options.method,
        headers: { ...(sameHost ? options.userHeaders : {}), ...options.headers },
        redirect: 'manual',
        signal,
      });
      alive();
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location)
        return { response, finalUrl: current, alive, done };
      await response.body?.cancel();
      const next = new URL(location, current).href;
      if (!/^https?:$/.test(new URL(next).protocol)) {
        throw new HttpError(`The link redirects to ${new URL(next).protocol} which Ferry cannot fetch.`, false);
      }
      if (visited.includes(next)) {
        throw new HttpError(`The link redirects in a loop (${[...visited, next].join(' -> ')}).`, false);
      }
      if (visited.length > (options.maxRedirects ?? 10)) {
        throw new HttpError(`The link redirects more than ${options.maxRedirects ?? 10} times.`, false);
      }
      current = next;
    }
  } catch (error) {
    done();
    if (error instanceof HttpError) throw error;
    if (idle.signal.aborted) throw idle.signal.reason as HttpError;
    if (options.signal?.aborted) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new HttpError(`The connection failed (${cause?.code ?? cause?.message ?? (error as Error).message}).`, true);
  }
}
