/**
 * One attempt at a webhook: its stored body POSTed exactly, signed at send time with the current
 * secret, within the attempt's timeout, aborted when the sender stops. Says how the attempt went;
 * what that means for the outbox and the history is decided in webhook-attempt-outcome.ts.
 */
import http from 'node:http';
import https from 'node:https';
import type { Settings } from '../../../shared/api';
import { privateNetworkAdvice } from '../../../shared/private-address';
import type { PendingWebhook } from '../store/webhook-outbox';
import { signatureHeader, signWebhook } from './sign-webhook';

export interface PublicOnlyWebhooks {
  /** Whether webhooks to this URL must stay on public addresses (it was set over ferry serve). */
  appliesTo(url: string): boolean;
  agent(protocol: 'http:' | 'https:'): http.Agent;
  /** Whether `error` is the agent refusing a private address. */
  refused(error: unknown): boolean;
}

/** What every attempt of one sender shares. */
export interface WebhookConnection {
  /** Read at every attempt, so that a new secret signs the very next request. */
  settings: () => Settings;
  timeoutMs: number;
  publicOnly?: PublicOnlyWebhooks;
  /** Kept-alive connections to receivers, destroyed when the sender stops. */
  agents: { http: http.Agent; https: http.Agent };
  /** Aborted when the sender stops. */
  stopping: AbortSignal;
}

export type WebhookAnswer = { kind: 'answered'; status: number; statusText: string };
export type WebhookAttempt = WebhookAnswer | { kind: 'failed'; error: string; final: boolean } | { kind: 'stopped' };

/** The refusal of a URL set over ferry serve that leads inward: final, since it would be refused again. */
const privateAddressText = (target: URL) =>
  `${target.host} leads to a loopback, private or link-local address, which a webhook set over ferry serve may not ` +
  `reach; ${privateNetworkAdvice}, or set the webhook in the app or with ferry settings webhookUrl. Not sent.`;

export async function postWebhook(hook: PendingWebhook, connection: WebhookConnection): Promise<WebhookAttempt> {
  if (!URL.canParse(hook.url) || !/^https?:$/.test(new URL(hook.url).protocol)) {
    return { kind: 'failed', error: 'The webhook URL is not an http or https URL.', final: true };
  }
  const target = new URL(hook.url);
  const body = Buffer.from(hook.body, 'utf8');
  const headers = signedHeaders(hook.body, body, connection);
  const guard = connection.publicOnly?.appliesTo(hook.url) ? connection.publicOnly : undefined;
  const limit = attemptSignal(connection.stopping, connection.timeoutMs);
  try {
    const agent =
      guard?.agent(protocolOf(target)) ?? connection.agents[protocolOf(target) === 'https:' ? 'https' : 'http'];
    return await post(target, body, headers, limit.signal, agent);
  } catch (error) {
    if (connection.stopping.aborted) return { kind: 'stopped' };
    if (guard?.refused(error)) return { kind: 'failed', error: privateAddressText(target), final: true };
    if (limit.timedOut()) {
      return { kind: 'failed', error: `The receiver did not answer within ${connection.timeoutMs} ms.`, final: false };
    }
    const cause = error as NodeJS.ErrnoException;
    return { kind: 'failed', error: `The connection failed (${cause.code ?? cause.message}).`, final: false };
  } finally {
    limit.dispose();
  }
}

const protocolOf = (target: URL): 'http:' | 'https:' => (target.protocol === 'https:' ? 'https:' : 'http:');

function signedHeaders(text: string, body: Buffer, connection: WebhookConnection): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'Content-Length': String(body.length),
    'User-Agent': 'Ferry-Webhooks',
    [signatureHeader]: signWebhook(text, connection.settings().webhookSecret, Math.floor(Date.now() / 1000)),
  };
}

/**
 * One controller per request, tied to the sender's stop by a listener removed afterwards: a
 * long-running app sends many webhooks, and nothing of each should stay attached to the sender's signal.
 */
function attemptSignal(stopping: AbortSignal, timeoutMs: number) {
  const request = new AbortController();
  const abortOnStop = () => request.abort();
  stopping.addEventListener('abort', abortOnStop);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    request.abort();
  }, timeoutMs);
  return {
    signal: request.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      stopping.removeEventListener('abort', abortOnStop);
    },
  };
}

function post(
  target: URL,
  body: Buffer,
  headers: Record<string, string>,
  signal: AbortSignal,
  agent: http.Agent,
): Promise<WebhookAnswer> {
  return new Promise((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(target, { method: 'POST', headers, signal, agent }, (response) => {
      // The answer's body is read to its end and never kept: the history, which API callers read,
      // shows the status line only, so a receiver (or whatever answers at the URL) cannot have
      // its pages shown through Ferry.
      response.resume();
      response.on('end', () =>
        resolve({ kind: 'answered', status: response.statusCode ?? 0, statusText: response.statusMessage ?? '' }),
      );
      response.on('error', reject);
      response.on('close', () => {
        if (!response.complete) reject(new Error('the connection closed before the answer was complete'));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}
