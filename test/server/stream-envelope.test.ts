/** The pure decisions of the HTTP API: statuses for the dispatcher's codes, field names, the up-front link check. */
import { describe, expect, it } from 'vitest';
import { ferryErrorCodes } from '../../shared/ferry-error';
import { isAllowedAddress, isLoopbackHost, privateLinkProblem } from '../../electron/server/private-link-rule';
import { failure, statusForFailure } from '../../electron/server/stream-envelope';
import { addLinksFromCopy, describeFailure, listQueryFrom } from '../../electron/server/stream-requests';

describe('statusForFailure', () => {
  it("gives each of the dispatcher's codes the status Cloudflare's API uses for that failure", () => {
    const statuses = Object.fromEntries(ferryErrorCodes.map((code) => [code, statusForFailure(code)]));
    expect(statuses).toEqual({
      INVALID_INPUT: 400,
      NOT_FOUND: 404,
      NOT_AVAILABLE: 501,
      ILLEGAL_TRANSITION: 409,
      FORBIDDEN: 403,
      BUSY: 429,
      ENGINE_RESTARTING: 503,
      UNKNOWN_COMMAND: 500,
      INTERNAL: 500,
    });
  });

  it("answers 401 with Cloudflare's authentication code, others with the status", () => {
    expect(failure(401, 'x').errors).toEqual([{ code: 10000, message: 'x' }]);
    expect(failure(404, 'gone')).toEqual({
      result: null,
      success: false,
      errors: [{ code: 404, message: 'gone' }],
      messages: [],
    });
  });
});

describe("Cloudflare's requests as the contract's inputs", () => {
  it('takes input over url, meta.name over name, the creator field over the Upload-Creator header', () => {
    const translated = addLinksFromCopy(
      {
        url: 'https://a.test/old.mp4',
        input: 'https://a.test/new.mp4',
        name: 'legacy',
        meta: { name: 'Meta' },
        creator: 'c1',
      },
      'header',
    );
    expect(translated).toEqual({
      ok: true,
      input: {
        links: [{ url: 'https://a.test/new.mp4', name: 'Meta' }],
        options: { duplicates: 'allow', meta: { name: 'Meta' }, creator: 'c1' },
      },
    });
    expect(addLinksFromCopy({ url: 'https://a.test/a.mp4' }, 'from-header')).toMatchObject({
      input: { options: { creator: 'from-header' } },
    });
    expect(addLinksFromCopy({ url: 'https://a.test/a.mp4', watermark: { uid: 'w' } }, undefined)).toMatchObject({
      ok: false,
      message: expect.stringContaining('watermark:'),
    });
  });

  it('reads after and before as start and end, and names the contract fields as the request did', () => {
    expect(listQueryFrom({ after: '2030-01-01T00:00:00Z', before: '2031-01-01T00:00:00Z', status: 'ready' })).toEqual({
      start: '2030-01-01T00:00:00Z',
      end: '2031-01-01T00:00:00Z',
      state: 'ready',
      limit: 1000,
    });
    const error = {
      code: 'INVALID_INPUT' as const,
      message: 'Invalid input',
      issues: [
        { path: 'links.0.url', message: 'is not a link' },
        { path: 'options.meta.name', message: 'must be text' },
        { path: 'state', message: 'must be one of …' },
      ],
    };
    expect(describeFailure(error, { state: 'status' })).toBe(
      'url: is not a link; meta.name: must be text; status: must be one of ….',
    );
  });
});

describe('privateLinkProblem', () => {
  it('refuses loopback, private, link-local and unspecified addresses in every written form, and localhost', () => {
    for (const link of [
      'http://127.0.0.1/a.mp4',
      'http://0x7f.1/a.mp4',
      'http://2130706433/a.mp4',
      'http://10.0.0.8/a.mp4',
      'http://192.168.1.20/a.mp4',
      'http://172.16.0.1/a.mp4',
      'http://169.254.169.254/',
      'http://[::1]/a.mp4',
      'http://[::ffff:127.0.0.1]/a.mp4',
      'http://[fd00::1]/a.mp4',
      'http://0.0.0.0/a.mp4',
      'http://localhost/a.mp4',
      'http://api.localhost/a.mp4',
    ])
      expect(privateLinkProblem(link), link).toContain('--allow-private-networks');
  });

  it('lets public addresses and names through (names are checked at connect time), and allowed addresses', () => {
    expect(privateLinkProblem('https://93.184.216.34/a.mp4')).toBeUndefined();
    expect(privateLinkProblem('https://cdn.example.test/a.mp4')).toBeUndefined();
    expect(privateLinkProblem('not a link')).toBeUndefined();
    expect(privateLinkProblem('http://192.168.1.20/a.mp4', ['192.168.1.20'])).toBeUndefined();
    expect(privateLinkProblem('http://10.1.2.3/a.mp4', ['10.0.0.0/8'])).toBeUndefined();
    expect(privateLinkProblem('http://10.1.2.3/a.mp4', ['192.168.0.0/16'])).toContain('private');
    expect(isAllowedAddress('::ffff:10.1.2.3', ['10.0.0.0/8'])).toBe(true);
  });

  it('tells a loopback host to listen on from one the network reaches (which ferry serve warns about)', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'nas.local']) expect(isLoopbackHost(host), host).toBe(false);
  });
});
