/**
 * Requests for a target saved over `ferry serve` (privateNetworks false): every connection goes
 * through a request-filtering agent, which refuses loopback, private and link-local addresses at
 * connect time, whatever the name resolved to. Node's fetch takes no agent, so those requests go
 * by node:http with the agent and come back as a fetch Response; redirects are not followed (a
 * service's API does not redirect, and a redirect is how a public name would lead inward).
 * tus-js-client gets the same agent through its own Node HTTP stack.
 */
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DefaultHttpStack, type HttpStack } from 'tus-js-client';
import { privateNetworkAdvice } from '../../../../shared/private-address';

/** Where a target kept to public addresses connects (engine wiring: sources' guarded agents). */
export interface PublicOnlyNetwork {
  agent(protocol: 'http:' | 'https:'): http.Agent;
  /** Whether `error` is the agent refusing a private address. */
  refused(error: unknown): boolean;
  /** Addresses or ranges it may reach anyway (`--allow-address`). */
  allowAddresses: readonly string[];
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Blob | FormData | null;
  signal: AbortSignal;
}

export type Fetch = (url: string, init: FetchInit) => Promise<Response>;

/**
 * A connection the guarded agent refused: not the service's answer nor a network failure, and
 * the same every time, so a delivery fails at once with this sentence and is not retried.
 */
export class PrivateAddressError extends Error {
  constructor(url: string) {
    super(
      `${new URL(url).host} leads to a loopback, private or link-local address, which a delivery target ` +
        `saved over ferry serve may not reach; ${privateNetworkAdvice}, or save the target in the app or with ferry target add`,
    );
    this.name = 'PrivateAddressError';
  }
}

const protocolOf = (url: string): 'http:' | 'https:' => (new URL(url).protocol === 'https:' ? 'https:' : 'http:');

// Statuses whose Response may not have a body.
const bodiless = new Set([101, 204, 205, 304]);

function guardedFetch(network: PublicOnlyNetwork): Fetch {
  return async (url, init) => {
    // A small form (a pull's fields) as fetch would encode it: its type carries the boundary.
    const body = init.body instanceof FormData ? await new Response(init.body).blob() : init.body;
    return new Promise((resolve, reject) => {
      const client = protocolOf(url) === 'https:' ? https : http;
      const headers: Record<string, string> = { ...init.headers };
      if (body instanceof Blob) {
        headers['Content-Length'] = String(body.size);
        if (body.type && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
          headers['Content-Type'] = body.type;
      }
      const request = client.request(
        url,
        { method: init.method, headers, agent: network.agent(protocolOf(url)), signal: init.signal },
        (response) => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            for (const one of Array.isArray(value) ? value : [value ?? '']) answer.append(name, one);
          }
          const status = response.statusCode ?? 502;
          const stream = bodiless.has(status) ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
          if (!stream) response.resume();
          resolve(new Response(stream, { status, statusText: response.statusMessage ?? '', headers: answer }));
        },
      );
      request.on('error', (error) => reject(network.refused(error) ? new PrivateAddressError(url) : error));
      if (body instanceof Blob) Readable.fromWeb(body.stream() as WebReadableStream).pipe(request);
      else request.end(body ?? undefined);
    });
  };
}

/** Node's fetch, or for a target kept to public addresses the guarded one. */
export function fetchFor(network: PublicOnlyNetwork | undefined): Fetch {
  return network ? guardedFetch(network) : (url, init) => fetch(url, init);
}

/** tus-js-client's Node stack with the guarded agent for each request's protocol (the upload URL may be another host). */
export function tusStackFor(network: PublicOnlyNetwork): HttpStack {
  return {
    createRequest: (method, url) =>
      new DefaultHttpStack({ agent: network.agent(protocolOf(url)) }).createRequest(method, url),
    getName: () => 'PublicOnlyNodeHttpStack',
  };
}
