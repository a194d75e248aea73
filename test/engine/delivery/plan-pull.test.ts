/** Whether a pull target gets a pull, or a push and the reason, or neither: pure. */
import { describe, expect, it } from 'vitest';
import { isPrivateHost, planPull, type PullSource } from '../../../electron/engine/delivery/plan-pull';
import type { DeliveryTarget } from '../../../shared/delivery-targets';
import { deliveryTarget } from '../../helpers/services/provider-call';

const target = (provider: DeliveryTarget['provider'], endpoint = 'https://api.example.com'): DeliveryTarget =>
  deliveryTarget(provider, endpoint, { name: 'stream', mode: 'pull' });
const link = (url: string, headers: Record<string, string> = {}): PullSource => ({
  kind: 'url',
  url,
  headers,
  name: 'Talk',
});

describe('a pull target', () => {
  it('has the service fetch a public link, with its headers where the service takes them', () => {
    const source = link('https://cdn.example.org/talk.mp4', { Authorization: 'Bearer x' });
    expect(planPull(target('gcore'), source, true)).toEqual({
      kind: 'pull',
      link: { url: 'https://cdn.example.org/talk.mp4', headers: { Authorization: 'Bearer x' }, name: 'Talk' },
    });
  });

  it('pushes a local file, and says why', () => {
    const plan = planPull(target('cloudflare'), { kind: 'file', headers: {}, name: 'Talk' }, true);
    expect(plan).toEqual({
      kind: 'push',
      notice: expect.stringMatching(/^Pushed instead of pulled: .*file on this computer.*Cloudflare Stream/),
    });
  });

  it('pushes a trimmed video, whose link is the whole original, and fails a pull-only service saying so', () => {
    const trimmed = { ...link('https://cdn.example.org/talk.mp4'), trimmed: true };
    expect(planPull(target('cloudflare'), trimmed, true)).toEqual({
      kind: 'push',
      notice: 'Pushed instead of pulled: the video is trimmed, and its link is the whole original.',
    });
    expect(planPull(target('cloudflare'), trimmed, false)).toMatchObject({
      kind: 'impossible',
      text: expect.stringMatching(
        /failed: the video is trimmed, and its link is the whole original, and Cloudflare Stream takes no uploads/,
      ),
    });
  });

  it('pushes a link a public service cannot reach, but pulls it for a service on the same network', () => {
    for (const url of [
      'http://192.168.1.20/v.mp4',
      'http://127.0.0.1:8080/v.mp4',
      'http://nas/v.mp4',
      'http://[fd00::1]/v.mp4',
    ]) {
      expect(planPull(target('bunny'), link(url), true)).toMatchObject({
        kind: 'push',
        notice: expect.stringContaining('private network'),
      });
    }
    expect(
      planPull(target('cloudflare', 'http://127.0.0.1:8787'), link('http://127.0.0.1:9000/v.mp4'), true).kind,
    ).toBe('pull');
  });

  it('pushes when the link needs headers the service cannot send, naming them but not their values', () => {
    const plan = planPull(target('cloudflare'), link('https://a.example.org/v.mp4', { Cookie: 's=secret' }), true);
    expect(plan).toMatchObject({ kind: 'push', notice: expect.stringContaining('(Cookie)') });
    expect(JSON.stringify(plan)).not.toContain('secret');
  });

  it('fails with what to do when the service can only pull and cannot reach the video', () => {
    expect(planPull(target('omega'), { kind: 'file', headers: {}, name: 'x' }, false)).toEqual({
      kind: 'impossible',
      text: expect.stringMatching(
        /"stream" failed: .*Omega Stream takes no uploads\. Add the video from a public link/,
      ),
    });
  });
});

describe('private hosts', () => {
  it('are loopback, private, link-local, localhost, .local and bare names; public ones are not', () => {
    for (const host of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '169.254.169.254',
      '[::1]',
      'localhost',
      'cam.local',
      'nas',
    ])
      expect(isPrivateHost(host), host).toBe(true);
    for (const host of ['8.8.8.8', 'example.com', 'storage.googleapis.com', '[2606:4700::1111]'])
      expect(isPrivateHost(host), host).toBe(false);
  });
});
