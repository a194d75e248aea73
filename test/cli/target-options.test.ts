/** `ferry target add`'s flags and the delivery settings' values, read before anything reaches the engine. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../electron/cli/cli-context';
import { deliverToKey, parseBytesPerSecond } from '../../electron/cli/settings-delivery';
import { targetInput } from '../../electron/cli/target-options';
import type { Settings } from '../../shared/api';
import type { DeliveryTarget } from '../../shared/delivery-targets';

const bunny: DeliveryTarget = {
  id: 'b1',
  name: 'stream',
  provider: 'bunny',
  mode: 'pull',
  endpoint: 'https://video.bunnycdn.com',
  account: null,
  library: '4242',
  index: null,
  send: 'original',
  readyWhen: 'playable',
  hasCredential: true,
};

describe('ferry target add flags', () => {
  it('defaults the mode to push where the provider can, else pull', () => {
    expect(targetInput('v', { provider: 'vimeo' })).toEqual({ name: 'v', provider: 'vimeo', mode: 'push' });
    expect(targetInput('o', { provider: 'Omega' })).toEqual({ name: 'o', provider: 'omega', mode: 'pull' });
  });

  it('changing a target keeps what is not given again, unless the provider changes', () => {
    expect(targetInput('stream', { send: 'mp4' }, bunny)).toEqual({
      id: 'b1',
      name: 'stream',
      provider: 'bunny',
      mode: 'pull',
      endpoint: 'https://video.bunnycdn.com',
      library: '4242',
      send: 'mp4',
      readyWhen: 'playable',
    });
    expect(targetInput('stream', { provider: 'gcore' }, bunny)).toEqual({
      id: 'b1',
      name: 'stream',
      provider: 'gcore',
      mode: 'push',
    });
  });

  it('names what is wrong and the way to fix it', () => {
    const refused = (flags: Parameters<typeof targetInput>[1]) => () => targetInput('t', flags);
    expect(refused({})).toThrow(UsageError);
    expect(refused({})).toThrow('Which service? Give --provider: cloudflare (Cloudflare Stream), gcore (Gcore)');
    expect(refused({ provider: 'youtube' })).toThrow('Unknown provider "youtube". Providers: cloudflare');
    expect(refused({ provider: 'cloudflare' })).toThrow(
      'Cloudflare Stream needs --account <account ID>: find it in the Cloudflare dashboard',
    );
    expect(refused({ provider: 'vimeo', mode: 'pull' })).toThrow(
      'Vimeo cannot pull; it takes only push (Ferry sends the file): --mode push.',
    );
    expect(refused({ provider: 'gcore', library: '1' })).toThrow('--library is not used by Gcore.');
    expect(refused({ provider: 'bunny', account: '1', library: '2' })).toThrow(
      '--account is not used by Bunny Stream; it needs --library.',
    );
    expect(refused({ provider: 'tus' })).toThrow('--endpoint URL is needed for a TUS server');
    expect(refused({ provider: 'gcore', send: 'webm' })).toThrow('--send takes mp4 or original, not "webm".');
    expect(refused({ provider: 'omega', send: 'original' })).toThrow(
      'Omega Stream only pulls: Ferry sends it no file, so there is nothing for --send to choose.',
    );
  });
});

describe('delivery.maxUploadBytesPerSecond', () => {
  it('takes speeds as people write them, and none for no limit', () => {
    expect(parseBytesPerSecond('k', '5MB/s')).toBe(5_000_000);
    expect(parseBytesPerSecond('k', '800 KiB/s')).toBe(819_200);
    expect(parseBytesPerSecond('k', '1000000')).toBe(1_000_000);
    // Megabits or megabytes? Refused rather than guessed.
    expect(() => parseBytesPerSecond('k', '2Mbps')).toThrow(UsageError);
    expect(parseBytesPerSecond('k', 'none')).toBeNull();
    expect(() => parseBytesPerSecond('k', 'fast')).toThrow(
      'k takes a speed such as 5MB/s, 800KiB/s or a number of bytes a second, or none for no limit; not "fast".',
    );
  });
});

describe('delivery.deliverTo', () => {
  const current = { delivery: { deliverTo: [], maxUploadBytesPerSecond: 1_000_000 } } as unknown as Settings;
  const gcore: DeliveryTarget = { ...bunny, id: 'g2', name: 'gcore main', provider: 'gcore', library: null };

  it('takes names or ids, comma-separated, each once, and shows names beside the ids', () => {
    const patch = deliverToKey.patch!('stream, g2,stream', current, [bunny, gcore]);
    expect(patch).toEqual({ delivery: { deliverTo: ['b1', 'g2'], maxUploadBytesPerSecond: 1_000_000 } });
    expect(deliverToKey.show(['b1', 'g2'], [bunny, gcore])).toBe('stream (b1), gcore main (g2)');
    expect(deliverToKey.patch!('none', current, [bunny])).toEqual({
      delivery: { deliverTo: [], maxUploadBytesPerSecond: 1_000_000 },
    });
  });

  it('names the targets there are when one is unknown', () => {
    expect(() => deliverToKey.patch!('archive', current, [bunny])).toThrow(
      'No delivery target "archive". Targets: stream (b1).',
    );
  });
});
