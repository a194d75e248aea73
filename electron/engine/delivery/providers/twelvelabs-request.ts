/** Twelve Labs API v1.3 requests: the URL, the `x-api-key`, the target's index, and reading that index. */
import type { ProviderCall } from './provider';
import { record, text } from './read-answer';
import { ServiceError, sentFor, serviceRequest } from './service-request';

export const api = (call: ProviderCall, path: string): string => `${call.target.endpoint}/v1.3${path}`;

export const authorization = (call: ProviderCall): Record<string, string> => ({ 'x-api-key': call.credential ?? '' });

export function indexId(call: ProviderCall): string {
  if (!call.target.index) {
    throw new Error(`Target "${call.target.name}" has no Twelve Labs index: save it with its index ID.`);
  }
  return call.target.index;
}

/** One request with the API key; `body` a form (multipart) or JSON. */
export function twelvelabsRequest(
  call: ProviderCall,
  method: 'GET' | 'POST',
  path: string,
  body?: { form: FormData | Blob } | { json: unknown },
) {
  const sent = body === undefined ? {} : 'json' in body ? { json: body.json } : { body: body.form };
  return serviceRequest({ method, url: api(call, path), headers: authorization(call), ...sent, ...sentFor(call) });
}

/** A refusal whose status alone would say too little: the message says what to do, the service's words kept. */
export function explained(error: unknown, status: number, message: string): unknown {
  if (!(error instanceof ServiceError) || error.failure.status !== status) return error;
  return new ServiceError({ ...error.failure, message, serviceText: error.failure.serviceText ?? message });
}

/** GET /indexes/{id}: the index object (`index_name`, `models[].model_name`), a 404 explained. */
export async function readIndex(call: ProviderCall): Promise<unknown> {
  const id = indexId(call);
  try {
    return (await twelvelabsRequest(call, 'GET', `/indexes/${encodeURIComponent(id)}`)).body;
  } catch (error) {
    throw explained(error, 404, `Twelve Labs has no index ${id} for this API key: check the target's index ID.`);
  }
}

/** The index's model names, or null when the answer has no list (the limits then take the stricter model). */
export function indexModels(index: unknown): string[] | null {
  const models = record(index).models;
  if (!Array.isArray(models)) return null;
  const names = models.map((m) => text(record(m).model_name)).filter((m): m is string => m !== null);
  return names.length > 0 ? names : null;
}

/** The `_id` of a create answer, or a ServiceError saying it is missing. */
export function createdId(body: unknown, what: string): string {
  const id = text(record(body)._id);
  if (!id)
    throw new ServiceError({ method: 'POST', message: `Twelve Labs created ${what} but answered without its _id.` });
  return id;
}
