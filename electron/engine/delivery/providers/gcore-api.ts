/**
 * Gcore Streaming's REST API as the adapter uses it: one request with the account's API key, and
 * the video entity read from its documented fields (../shared/reference/providers.md §2). Spoken
 * directly rather than through an SDK: Gcore's official one is Python.
 */
import type { ProviderCall } from './provider';
import { record, text } from './read-answer';
import { apiKeyRequest, ServiceError, type ServiceResponse } from './service-request';

/** The fields of a Gcore video the adapter reads. */
export interface GcoreVideo {
  id: string;
  status: string;
  /** Why encoding or the origin download failed; empty or null otherwise. */
  error: string | null;
  /** Set for a video Gcore pulls from an origin; null for an upload. */
  originUrl: string | null;
  hlsUrl: string | null;
  /** Each rendition's progress, 0 to 100. */
  progress: number[];
}

type Method = 'GET' | 'POST';

export function gcoreRequest(
  call: ProviderCall,
  method: Method,
  path: string,
  json?: unknown,
): Promise<ServiceResponse> {
  const key = {
    scheme: 'APIKey',
    missing: `No Gcore API key is saved for "${call.target.name}": save the account's API key with the target.`,
  };
  return apiKeyRequest(call, key, method, path, json);
}

/** An id Gcore gives as a number (or a string): as a string, or null. */
const idOf = (value: unknown): string | null =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);

/** A video from a response body: the docs show an object; a one-element list is taken too. */
export function videoOf(body: unknown, method: Method, path: string): GcoreVideo {
  const entity = record(Array.isArray(body) ? body[0] : body);
  const id = idOf(entity.id);
  if (!id) {
    throw new ServiceError({
      method,
      message: `Gcore answered ${method} ${path} without a video id; check that the target's endpoint is Gcore's API (https://api.gcore.com).`,
    });
  }
  const renditions = Array.isArray(entity.converted_videos) ? entity.converted_videos : [];
  return {
    id,
    status: text(entity.status) ?? 'unknown',
    error: text(entity.error),
    originUrl: text(entity.origin_url),
    hlsUrl: text(entity.hls_url),
    progress: renditions
      .map((r) => record(r).progress)
      .filter((p): p is number => typeof p === 'number' && Number.isFinite(p)),
  };
}

/** What GET /streaming/videos/{id}/upload answers: where and with what to start the TUS upload. */
export interface UploadParameters {
  hostname: string;
  ssl: boolean;
  token: string;
  clientId: string | null;
}

export function uploadParametersOf(body: unknown, path: string): UploadParameters {
  const entity = record(body);
  const servers = (Array.isArray(entity.servers) ? entity.servers : []).map(record);
  const server =
    servers.find((s) => s.role === 'upload' && s.active !== false && text(s.hostname)) ??
    servers.find((s) => text(s.hostname));
  const hostname = server ? text(server.hostname) : null;
  const token = text(entity.token);
  if (!server || !hostname || !token) {
    throw new ServiceError({
      method: 'GET',
      message: `Gcore answered GET ${path} without an upload server or token; it is retried, and if it persists check Gcore's status page.`,
    });
  }
  return { hostname, ssl: server.ssl !== false, token, clientId: idOf(record(entity.video).client_id) };
}
