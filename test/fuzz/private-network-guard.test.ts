/**
 * Fuzzing the connect-time half of the SSRF guard (engine/sources/private-network-guard.ts): a
 * name whose DNS answer is a loopback, private, link-local or unspecified address, in any form a
 * resolver gives it (IPv4, IPv6, IPv4-mapped IPv6), or that hides one among public addresses, is
 * refused before any connection is made, and the refusal reads as the sentence the user is shown.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupAddress, LookupOptions } from 'node:dns';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { guardedAgent, privateAddressRefusal } from '../../electron/engine/sources/private-network-guard';
import { fuzzParameters, settlesInTime } from './fuzz-settings';
import { resolvedPrivate } from './private-addresses';

type Answer = { address: string; family: number };
type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/** A resolver that answers `answers` for any name, as a DNS server an attacker controls would. */
const resolver =
  (answers: readonly Answer[]) =>
  (_name: string, options: LookupOptions, callback: LookupCallback): void => {
    if (options.all) callback(null, [...answers]);
    else callback(null, answers[0]!.address, answers[0]!.family);
  };

/** The error a GET through the guarded agent ends with, or undefined when it got an answer. */
function fetchThroughGuard(protocol: 'http:' | 'https:', host: string, answers: readonly Answer[]) {
  return new Promise<Error | undefined>((resolve) => {
    const client = protocol === 'http:' ? http : https;
    const request = client.get(
      { protocol, host, port: 9, path: '/video.mp4', agent: guardedAgent(protocol), lookup: resolver(answers) },
      (response) => {
        response.resume();
        resolve(undefined);
      },
    );
    request.on('error', resolve);
  });
}

const name = fc.constantFrom('videos.example.test', 'cdn.example.test', 'localhost', 'metadata.google.internal');
const publicAnswer = fc.constantFrom('93.184.216.34', '8.8.8.8', '2606:2800:220:1::1').map((address) => ({
  address,
  family: address.includes(':') ? 6 : 4,
}));

describe('fuzzing the private-network guard at connect time', () => {
  it('refuses a name that resolves to a private address, with the sentence the user sees', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'http:' | 'https:'>('http:', 'https:'),
        name,
        resolvedPrivate,
        fc.array(publicAnswer, { maxLength: 2 }),
        async (protocol, host, hidden, others) => {
          // The private address first, or hidden after public ones: every answer is checked.
          const answers = others.length > 0 ? [...others, hidden] : [hidden];
          const error = await settlesInTime('a guarded GET', fetchThroughGuard(protocol, host, answers));
          expect(error).toBeInstanceOf(Error);
          const sentence = privateAddressRefusal(error);
          expect(sentence, error?.message).toMatch(/a loopback, private or link-local address/);
          // Node's HTTPS agent may hand a refusal to the request queued beside it, so the address
          // named is one of this run's private answers or an earlier one's: private either way.
          const named = /^DNS lookup (\S+?)\(family/.exec(error?.message ?? '')?.[1] ?? '';
          expect(ipaddr.parse(named).range()).not.toBe('unicast');
        },
      ),
      fuzzParameters(0.25),
    );
  });
});
