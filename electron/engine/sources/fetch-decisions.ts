/**
 * The fetcher's decisions, pure: what a failure calls for (by the engine's one retry model), how
 * to split a download into pieces, whether a response may be trusted for a resume, and what a
 * failure means in plain words.
 */
import type { ErrorCode } from '../../../shared/error-codes';
import { sniffContent } from '../media/sniff-content';
import { isTransient } from '../retry/retry-policy';
import type { FailureKind } from './http-request';

/**
 * What to do after a request failed: `resume` a piece at once from its first missing byte (the
 * connection broke: that is no reason to wait), `wait` for a later attempt (the origin said "not
 * now", or could not be reached), or stop for good.
 */
export function failureVerdict(failure: { kind: FailureKind; status?: number }): 'resume' | 'wait' | 'final' {
  if (failure.kind === 'dropped') return 'resume';
  if (failure.kind === 'unreachable') return 'wait';
  if (failure.kind === 'status' && isTransient(failure.status)) return 'wait';
  return 'final';
}

export interface PiecePlan {
  pieceBytes: number;
  pieces: number;
  connections: number;
}

const MiB = 1024 * 1024;

/** One connection without range support; otherwise up to `maxConnections`, pieces of 1..32 MiB
 * (a new request per piece costs a round trip; a piece is also what a crash can make us fetch twice). */
export function planPieces(size: number, rangesSupported: boolean, maxConnections: number): PiecePlan {
  if (!rangesSupported || size <= 0) return { pieceBytes: Math.max(size, 1), pieces: 1, connections: 1 };
  const connections = Math.max(1, Math.min(maxConnections, Math.ceil(size / (2 * MiB))));
  const pieceBytes = Math.max(MiB, Math.min(32 * MiB, Math.ceil(size / (connections * 4))));
  const pieces = Math.ceil(size / pieceBytes);
  return { pieceBytes, pieces, connections: Math.min(connections, pieces) };
}

/** Can a 206 continue the bytes we have? Anything else means the file must be fetched again. */
export function rangeResponseVerdict(
  response: { status: number; contentRange: string | null },
  expected: { start: number; size: number },
): 'continue' | 'restart' | 'complete' {
  if (response.status === 416) return 'complete';
  if (response.status !== 206) return 'restart';
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.contentRange ?? '');
  if (!match) return 'restart';
  const start = Number(match[1]);
  const total = match[3] === '*' ? NaN : Number(match[3]);
  return start === expected.start && total === expected.size ? 'continue' : 'restart';
}

const manifestTypes = [
  'application/vnd.apple.mpegurl',
  'application/x-mpegurl',
  'audio/mpegurl',
  'application/dash+xml',
];

export interface ContentRefusal {
  code: ErrorCode;
  text: string;
}

/** Refuses a page or a playlist before a transcode is wasted on it, by type and by first bytes. */
export function refuseContent(contentType: string | null, head: Uint8Array | null): ContentRefusal | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const sniffed = head ? sniffContent(head).kind : 'unknown';
  if (manifestTypes.includes(type) || sniffed === 'hls' || sniffed === 'dash') {
    return {
      code: 'ERR_STREAMING_MANIFEST',
      text: 'The link is a streaming playlist (HLS or DASH), not a video file. Give Ferry a link to the original video.',
    };
  }
  if (type === 'text/html' || type === 'application/xhtml+xml' || sniffed === 'html') {
    return {
      code: 'ERR_NOT_A_DIRECT_LINK',
      text: 'The link opens a web page (a sign-in or share page?), not a video file. Use the direct download link of the file.',
    };
  }
  return null;
}

const statusWords: Record<number, string> = {
  400: 'the request was refused as malformed',
  401: 'the server wants credentials: add the right Authorization header (--header)',
  403: 'access is forbidden: the link may have expired or need credentials',
  404: 'the file is not there: check the link',
  410: 'the file has been removed',
  429: 'the server is rate-limiting requests',
  500: 'the server failed',
  502: 'a gateway in front of the server failed',
  503: 'the server is unavailable',
  504: 'a gateway in front of the server timed out',
};

export function describeStatus(status: number, statusText: string): string {
  const words = statusWords[status] ?? (status >= 500 ? 'the server failed' : 'the server refused the request');
  return `The server answered ${status}${statusText ? ` ${statusText}` : ''}: ${words}.`;
}
