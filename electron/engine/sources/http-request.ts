/**
 * One HTTP request on Node's own http/https client, following redirects by hand so that the
 * user's headers (a token, a cookie) go to the link's origin only and never to a redirect target
 * elsewhere, with a limit and loop detection (redirect-rules.ts). A watchdog aborts a request that stops sending
 * bytes; a slow one that keeps sending is never cut off.
 *
 * Why node:http and not fetch: on a fast origin, fetch's web streams cost about twice the CPU
 * per byte (measured: 1 GiB from a local nginx, one connection, 0.9-1.0 s with http against
 * 1.3-3.4 s with fetch), and the download is then CPU-bound on a laptop.
 */
import http from 'node:http';
import https from 'node:https';
import {
  closeIdleGuardedConnections,
  guardedAgent,
  privateAddressRefusal,
  type PublicOnly,
} from './private-network-guard';
import { withoutUserinfo } from './link-userinfo';
import { nextHop, sendsUserHeaders } from './redirect-rules';

/**
 * How a request failed, which decides what happens next:
 * - `status`: the origin answered with an error status (transient or not, by the retry model);
 * - `unreachable`: no connection at all (refused, DNS): only waiting can help;
 * - `dropped`: the connection broke or went silent, before or during a body: resume at once;
 * - `final`: nothing to retry (a redirect loop, a scheme Ferry cannot fetch).
 */
export type FailureKind = 'status' | 'unreachable' | 'dropped' | 'final';

export class HttpError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly status?: number,
    readonly retryAfter?: string | null,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Errors that mean no connection could be made (as opposed to one that broke). */
const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** A network error (from the socket or the body) as an HttpError of the right kind. */
export function networkFailure(error: unknown, context: string): HttpError {
  if (error instanceof HttpError) return error;
  // The idle watchdog's abort reaches the body as an AbortError caused by its HttpError.
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof HttpError) return cause;
  const code = (error as NodeJS.ErrnoException).code ?? (error as { cause?: { code?: string } }).cause?.code;
  const detail = code ?? (error as Error).message;
  return new HttpError(
    `${context} (${detail}).`,
    code !== undefined && unreachableCodes.has(code) ? 'unreachable' : 'dropped',
  );
}

export interface RequestOptions {
  method: 'GET' | 'HEAD';
  /** The user's headers: sent only while the request stays on `origin`. */
  userHeaders: Record<string, string>;
  /** The link's origin (scheme, host and port). */
  origin: string;
  /** Follow a redirect from https to plain http (the user allowed it); otherwise it is refused. */
  allowInsecureRedirects?: boolean;
  /** Ferry's own headers (Range, If-Range), sent to every hop. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  idleTimeoutMs: number;
  maxRedirects?: number;
  /** Refuse loopback, private and link-local addresses, at every hop (links from `ferry serve`). */
  publicOnly?: PublicOnly;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  body: http.IncomingMessage;
  /** Reads the whole body as text (for small pages only). */
  text(): Promise<string>;
  /** Drops the rest of the body. */
  cancel(): void;
}

export interface Reply {
  response: HttpResponse;
  finalUrl: string;
  /** Tells the watchdog the server is still sending: call on every chunk read. */
  alive(): void;
  /** Stops the watchdog once the body is read or abandoned. */
  done(): void;
}

// Keep-alive pools, so the pieces of a download reuse their connections.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }),
};

/** Closes kept-alive connections that no request is using, so that a finished process can exit at once. */
export function closeIdleConnections(): void {
  for (const agent of Object.values(agents)) {
    for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
  }
  closeIdleGuardedConnections();
}

function wrap(message: http.IncomingMessage): HttpResponse {
  return {
    status: message.statusCode ?? 0,
    statusText: message.statusMessage ?? '',
    headers: {
      get(name) {
        const value = message.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    body: message,
    async text() {
      let text = '';
      message.setEncoding('utf8');
      for await (const chunk of message) text += chunk as string;
      return text;
    },
    cancel() {
      // A finished response must still be read to its end, or its keep-alive connection is never
      // given back to the pool (after 32 downloads to a host, every new request would wait).
      if (message.complete) message.resume();
      else message.destroy();
    },
  };
}

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  publicOnly: PublicOnly | undefined,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const protocol = url.protocol as 'http:' | 'https:';
    const agent = publicOnly ? guardedAgent(protocol, publicOnly.allowAddresses) : agents[protocol];
    const request = client.request(url, { method, headers, signal, agent });
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
}

export async function httpRequest(url: string, options: RequestOptions): Promise<Reply> {
  const visited: string[] = [];
  let current = url;
  const idle = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, idle.signal]) : idle.signal;
  // One watchdog that compares timestamps: re-arming a timer per chunk would allocate one per
  // 64 KiB, thousands a second on a fast link.
  let lastSign = Date.now();
  const alive = () => {
    lastSign = Date.now();
  };
  const watchdog = setInterval(
    () => {
      if (Date.now() - lastSign > options.idleTimeoutMs) {
        idle.abort(new HttpError('The server stopped sending data.', 'dropped'));
      }
    },
    Math.max(50, options.idleTimeoutMs / 4),
  );
  const done = () => clearInterval(watchdog);
  try {
    for (;;) {
      visited.push(current);
      const target = new URL(current);
      // identity: a body compressed in transit cannot be resumed by byte ranges, and is not the file.
      const message = await send(
        target,
        options.method,
        {
          ...(sendsUserHeaders(target, options.origin) ? options.userHeaders : {}),
          ...options.headers,
          'Accept-Encoding': 'identity',
        },
        signal,
        options.publicOnly,
      );
      alive();
      const status = message.statusCode ?? 0;
      const location = message.headers.location;
      if (status < 300 || status >= 400 || !location)
        // A redirect may carry its own user:pass@: it is sent (by Node, as Basic), never kept or shown.
        return { response: wrap(message), finalUrl: withoutUserinfo(current), alive, done };
      message.resume();
      const next = nextHop(visited, location, {
        origin: options.origin,
        maxRedirects: options.maxRedirects ?? 10,
        ...(options.allowInsecureRedirects ? { allowInsecureRedirects: true } : {}),
      });
      if (!next.ok) throw new HttpError(next.reason, 'final');
      current = next.url;
    }
  } catch (error) {
    done();
    if (error instanceof HttpError) throw error;
    if (idle.signal.aborted) throw idle.signal.reason as HttpError;
    if (options.signal?.aborted) throw error;
    const refused = privateAddressRefusal(error);
    if (refused) throw new HttpError(refused, 'final');
    throw networkFailure(error, 'The connection failed');
  }
}
