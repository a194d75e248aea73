/**
 * One request to a streaming service's REST API, with Node's fetch: JSON in and out, the stop
 * signal honoured, and a refusal turned into a ServiceError that keeps what the deliver stage
 * judges (status, Retry-After, method) and the service's own words for what went wrong.
 */
import type { UploadFailure } from '../delivery-failure';
import type { ProviderCall } from './provider';
import { fetchFor, PrivateAddressError, type PublicOnlyNetwork } from './public-only-fetch';

export class ServiceError extends Error {
  constructor(readonly failure: UploadFailure) {
    super(failure.message);
    this.name = 'ServiceError';
  }
}

export interface ServiceRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (a form, a stream); `json` wins when both are given. */
  body?: string | Blob | FormData;
  signal: AbortSignal;
  /** Set for a target kept to public addresses: the request goes through the guarded agent. */
  publicOnly?: PublicOnlyNetwork;
}

/** What every request of a call carries: its stop signal, and the guarded network of a target kept to public addresses. */
export const sentFor = (call: ProviderCall): Pick<ServiceRequest, 'signal' | 'publicOnly'> => ({
  signal: call.signal,
  ...(call.publicOnly ? { publicOnly: call.publicOnly } : {}),
});

export interface ServiceResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or null when there was none or it was not JSON. */
  body: unknown;
}

// Long enough for any service's sentence; an error message is not a document.
const maxServiceText = 300;

/**
 * The service's own sentence in an error body, from the JSON error shapes the providers document,
 * at most 300 characters; anything else (an HTML page, plain text, a proxy's answer) is never
 * quoted, only its status is shown. A service's message is what a user needs to fix a refused
 * delivery, while a raw excerpt of an arbitrary body would show whatever the endpoint serves to
 * whoever saved the target. A target saved over ferry serve keeps these sentences too: it reaches
 * public addresses only (and those --allow-address allowed), so nothing internal answers it.
 */
export function serviceErrorText(body: unknown): string | undefined {
  const found = errorSentence(body);
  return found && found.length > maxServiceText ? `${found.slice(0, maxServiceText - 1)}…` : found;
}

function errorSentence(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  // Cloudflare: {errors: [{code, message}]}; Gcore: {error} or {errors: {field: [..]}}; Twelve Labs: {code, message}.
  if (Array.isArray(record.errors)) {
    const texts = record.errors
      .map((e) => (e && typeof e === 'object' ? (e as Record<string, unknown>).message : e))
      .filter((t): t is string => typeof t === 'string');
    if (texts.length > 0) return texts.join('; ');
  }
  for (const key of ['message', 'error', 'developer_message', 'detail', 'Message']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function serviceRequest(request: ServiceRequest): Promise<ServiceResponse> {
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  let body = request.body;
  if (request.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.json);
  }
  let response: Response;
  try {
    response = await fetchFor(request.publicOnly)(request.url, {
      method: request.method,
      headers,
      body: body ?? null,
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal.aborted || error instanceof PrivateAddressError) throw error;
    const cause = (error as Error & { cause?: Error }).cause;
    throw new ServiceError({
      method: request.method,
      message: `${request.url}: ${cause?.message ?? (error as Error).message}`,
    });
  }
  const parsed = await readBody(response);
  if (response.ok) return { status: response.status, headers: response.headers, body: parsed };
  const text = serviceErrorText(parsed);
  throw new ServiceError({
    status: response.status,
    method: request.method,
    retryAfter: response.headers.get('Retry-After'),
    message: text ?? `${request.method} ${new URL(request.url).pathname} answered ${response.status}`,
    ...(text ? { serviceText: text } : {}),
  });
}

/** How a service takes the target's API key: `Authorization: <scheme> <key>`, and what to say when none is saved. */
export interface ApiKey {
  scheme: string;
  missing: string;
}

/** A request to the target's endpoint plus `path` with its saved key; without one, the 401 the service would answer. */
export async function apiKeyRequest(
  call: ProviderCall,
  key: ApiKey,
  method: ServiceRequest['method'],
  path: string,
  json?: unknown,
): Promise<ServiceResponse> {
  // Refused here rather than by the service, so the message can name the fix.
  if (!call.credential) throw new ServiceError({ status: 401, method, message: key.missing });
  return serviceRequest({
    method,
    url: `${call.target.endpoint}${path}`,
    headers: { Authorization: `${key.scheme} ${call.credential}` },
    ...(json === undefined ? {} : { json }),
    ...sentFor(call),
  });
}
