/**
 * Gcore's TUS push (providers.md §2): the video is made first (POST /streaming/videos, state
 * `empty`), then GET /streaming/videos/{id}/upload names an upload server and a token, and the
 * upload is created at https://{hostname}/upload/ with the token, video and client in its metadata.
 * Gcore's docs name tus-js-client 2.x; Ferry runs 4.x, which speaks the same TUS 1.0.0.
 */
import path from 'node:path';
import { gcoreRequest, uploadParametersOf, videoOf, type UploadParameters } from './gcore-api';
import type { ProviderCall, PushFile, PushResume, TusPush, TusSession } from './provider';
import { ServiceError } from './service-request';

async function createVideo(call: ProviderCall, name: string): Promise<string> {
  const response = await gcoreRequest(call, 'POST', '/streaming/videos', { video: { name } });
  return videoOf(response.body, 'POST', '/streaming/videos').id;
}

async function uploadParameters(call: ProviderCall, videoId: string): Promise<UploadParameters> {
  const route = `/streaming/videos/${encodeURIComponent(videoId)}/upload`;
  const response = await gcoreRequest(call, 'GET', route);
  return uploadParametersOf(response.body, route);
}

/** A fresh token for a video made earlier, or null when Gcore no longer has that video. */
async function renewedParameters(call: ProviderCall, videoId: string): Promise<UploadParameters | null> {
  try {
    return await uploadParameters(call, videoId);
  } catch (error) {
    if (error instanceof ServiceError && error.failure.status === 404) return null;
    throw error;
  }
}

async function session(
  call: ProviderCall,
  file: PushFile,
  resume: PushResume | null,
  chunkSize: number,
): Promise<TusSession> {
  let videoId = resume?.remoteId ?? null;
  let uploadUrl = resume?.uploadUrl ?? null;
  // The token lasts 4 h and only starts an upload, so it is asked anew on every attempt, never
  // kept: a creation that failed, or an upload that was lost, starts again on the same video.
  let parameters = videoId ? await renewedParameters(call, videoId) : null;
  if (!videoId || !parameters) {
    videoId = await createVideo(call, file.name);
    // An upload made for a video that is gone cannot be continued.
    uploadUrl = null;
    parameters = await uploadParameters(call, videoId);
  }
  const kept = resume?.state.clientId;
  const clientId = parameters.clientId ?? (typeof kept === 'string' || typeof kept === 'number' ? String(kept) : null);
  if (!clientId) {
    throw new ServiceError({
      method: 'GET',
      message: `Gcore's upload parameters for video ${videoId} name no client_id; it is retried, and if it persists contact Gcore's support.`,
    });
  }
  // Real Gcore upload servers say ssl true (https); plain http only when the entry says so.
  const scheme = parameters.ssl ? 'https' : 'http';
  return {
    endpoint: `${scheme}://${parameters.hostname}/upload/`,
    uploadUrl,
    metadata: {
      filename: path.basename(file.path),
      filetype: file.type,
      token: parameters.token,
      video_id: videoId,
      client_id: clientId,
    },
    // The token in the metadata is the upload's authorisation: the API key stays with the API host.
    headers: () => ({}),
    chunkSize,
    remoteId: videoId,
    state: { clientId, hostname: parameters.hostname, ssl: parameters.ssl },
  };
}

export const gcorePush: TusPush = { kind: 'tus', session };
