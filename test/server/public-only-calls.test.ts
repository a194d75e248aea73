import { describe, expect, it } from 'vitest';
import { keepToPublicAddresses } from '../../electron/server/public-only-calls';

describe('links that arrive over HTTP', () => {
  const link = { url: 'http://10.0.0.5/v.mp4' };

  it('are kept to public addresses, whatever the client asked', () => {
    expect(keepToPublicAddresses('addLinks', { links: [link] })).toEqual({
      links: [link],
      options: { privateNetworks: false },
    });
    expect(
      keepToPublicAddresses('addLinks', { links: [link], options: { transcode: false, privateNetworks: true } }),
    ).toEqual({ links: [link], options: { transcode: false, privateNetworks: false } });
    expect(keepToPublicAddresses('importList', { path: '/lists/a.txt' })).toEqual({
      path: '/lists/a.txt',
      options: { privateNetworks: false },
    });
  });

  it('mark targets and webhook URLs saved over HTTP as kept to public addresses, whatever the client asked', () => {
    const target = { name: 'cf', provider: 'cloudflare', mode: 'push', account: 'a' };
    expect(keepToPublicAddresses('saveTarget', { ...target, privateNetworks: true })).toEqual({
      ...target,
      privateNetworks: false,
    });
    expect(
      keepToPublicAddresses('setSettings', { webhookUrl: 'https://h.test/', webhookPrivateNetworks: true }),
    ).toEqual({ webhookUrl: 'https://h.test/', webhookPrivateNetworks: false });
    // Settings without a webhook URL are not about reach.
    expect(keepToPublicAddresses('setSettings', { keepOriginal: false })).toEqual({ keepOriginal: false });
  });

  it('leave other commands, and inputs of the wrong shape, to the schema', () => {
    expect(keepToPublicAddresses('get', { uid: 'x' })).toEqual({ uid: 'x' });
    expect(keepToPublicAddresses('addLinks', 'not an object')).toBe('not an object');
    expect(keepToPublicAddresses('addLinks', { links: [link], options: 'fast' })).toEqual({
      links: [link],
      options: 'fast',
    });
  });
});
