/**
 * Fuzzing the up-front SSRF guard of `ferry serve` (server/private-link-rule.ts `privateLinkProblem`):
 * a link sent over HTTP whose host is this machine or its private networks, however it is spelled,
 * is refused with a sentence; an address the user allowed with --allow-address passes; a public
 * address in the same spellings is not refused.
 */
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { privateLinkProblem } from '../../electron/server/private-link-rule';
import { fuzzParameters, withinBudget } from './fuzz-settings';
import { linkTo, privateHost, publicHost } from './private-addresses';

describe('fuzzing the private-network guard on links', () => {
  it('refuses every spelling of a loopback, private, link-local or unspecified host', () => {
    fc.assert(
      fc.property(linkTo(privateHost), (link) => {
        // A spelling no URL parser reads would be refused as no link at all: the generator must not make one.
        expect(URL.canParse(link), link).toBe(true);
        const problem = withinBudget('privateLinkProblem', () => privateLinkProblem(link));
        expect(problem, link).toMatch(/may not reach; start ferry serve with --allow-private-networks/);
      }),
      fuzzParameters(),
    );
  });

  it('lets through the address the user allowed, however the link spells it', () => {
    fc.assert(
      fc.property(linkTo(privateHost), (link) => {
        const host = new URL(link).hostname.replace(/^\[|\]$/g, '');
        const allowed = ipaddr.isValid(host) ? ipaddr.process(host).toString() : '127.0.0.1';
        expect(privateLinkProblem(link, [allowed]), link).toBeUndefined();
      }),
      fuzzParameters(),
    );
  });

  it('does not refuse a public address in the same spellings', () => {
    fc.assert(
      fc.property(linkTo(publicHost), (link) => {
        expect(privateLinkProblem(link), link).toBeUndefined();
      }),
      fuzzParameters(),
    );
  });

  it('answers any text without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.webUrl()), (text) => {
        withinBudget('privateLinkProblem', () => privateLinkProblem(text, ['10.0.0.0/8', '::1']));
      }),
      fuzzParameters(),
    );
  });
});
