/**
 * What every route of the Cloudflare Stream-compatible API shares, set on its own fastify scope:
 * the bearer token (checked before the body is read), and every failure, fastify's own included
 * (schema, JSON syntax, body limit), answered as Cloudflare's envelope with Cloudflare's status.
 */
import os from 'node:os';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FailureInfo } from '../../shared/ferry-error';
import type { DataPaths } from '../engine/data-paths';
import { hasValidBearer } from './check-token';
import { hideInText, hostPaths } from '../../shared/hide-host-paths';
import type { ServerContext } from './server-context';
import { failure, statusForFailure, success } from './stream-envelope';
import { describeFailure } from './stream-requests';

export const streamPrefix = '/client/v4/accounts/:account/stream';

export function sendResult<T>(reply: FastifyReply, result: T): FastifyReply {
  return reply.status(200).type('application/json').send(success(result));
}

export function sendError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.status(status).type('application/json').send(failure(status, message));
}

/**
 * A failure the dispatcher answered, with fields named as the caller sent them (`renames`:
 * contract name → request's). The engine's sentences may name the data directory: a caller
 * over HTTP is told "Ferry's data directory", not where it is (hide-host-paths.ts).
 */
export function sendFailure(
  reply: FastifyReply,
  error: FailureInfo,
  paths: DataPaths,
  renames: Readonly<Record<string, string>> = {},
): FastifyReply {
  const status = statusForFailure(error.code);
  if (error.code === 'ENGINE_RESTARTING') {
    // Not a failure of this request's making: the engine is coming back, so say when to try again.
    reply.header('Retry-After', '2');
    return sendError(reply, status, hideInText(error.message, hostPaths(paths.dataDir, os.homedir())));
  }
  if (status >= 500) {
    process.emitWarning(`ferry serve: ${error.message}`);
    return sendError(reply, status, 'Ferry failed to answer this request; see its terminal for more.');
  }
  return sendError(reply, status, hideInText(describeFailure(error, renames), hostPaths(paths.dataDir, os.homedir())));
}

/** fastify's schema refusal, naming each field: `thumbnailTimestampPct: must be number`. */
function validationMessage(error: FastifyError): string {
  const problems = (error.validation ?? []).map((issue) => {
    const missing = (issue.params as { missingProperty?: string }).missingProperty;
    const field = [issue.instancePath.replace(/^\//, '').replaceAll('/', '.'), missing].filter(Boolean).join('.');
    return `${field || error.validationContext || 'body'}: ${issue.message ?? 'is not valid'}`;
  });
  return `${problems.join('; ')}.`;
}

/** A refusal answered before the body is read ends the connection with it, so the client stops sending. */
export function closeIfBodyUnread(request: FastifyRequest, reply: FastifyReply): void {
  if (request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined)
    reply.header('Connection', 'close');
}

/**
 * Reads every body of the scope as JSON, whatever its label: the providers' own examples post
 * JSON with `curl -d`, which labels it a form (application/x-www-form-urlencoded); fetch labels a
 * string body text/plain.
 */
export function readBodiesAsJson(scope: FastifyInstance): void {
  scope.removeContentTypeParser('text/plain');
  scope.addContentTypeParser('*', { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'));
}

export function guardStreamScope(scope: FastifyInstance, context: ServerContext): void {
  readBodiesAsJson(scope);
  // Answered in the hook, so a request without the token is refused before its body is read.
  scope.addHook('onRequest', async (request, reply) => {
    if (hasValidBearer(request.headers.authorization, context.token)) return;
    closeIfBodyUnread(request, reply);
    return sendError(
      reply,
      401,
      "Authentication error: send Authorization: Bearer <token>, the token ferry serve printed (also in its data directory's serve-token).",
    );
  });
  scope.setErrorHandler<FastifyError>((error, _request, reply) => {
    if (error.validation) return sendError(reply, 400, validationMessage(error));
    if (error.statusCode === 413)
      return sendError(
        reply,
        413,
        `The request body is larger than ${scope.initialConfig.bodyLimit ?? 0} bytes; video files go to the TUS endpoint (POST …/stream with Tus-Resumable).`,
      );
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status < 500) return sendError(reply, status, error.message);
    process.emitWarning(`ferry serve: ${error.message}`);
    return sendError(reply, 500, 'Ferry failed to answer this request; see its terminal for more.');
  });
}
