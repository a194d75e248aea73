import { describe, expect, it } from 'vitest';
import {
  deliveriesCell,
  deliveryLines,
  deliveryStatus,
  resolveTargets,
  targetNames,
} from '../../electron/cli/format-deliveries';
import { formatProgressLine } from '../../electron/cli/format-progress';
import { formatVideoTable } from '../../electron/cli/format-video';
import { UsageError } from '../../electron/cli/cli-context';
import type { DeliveryTarget } from '../../shared/delivery-targets';
import { unknownVideoDetails, type Delivery, type Video } from '../../shared/video';

const targets: DeliveryTarget[] = [
  { id: 'a1', name: 'archive', provider: 'tus', mode: 'push', endpoint: 'https://a.test/files/', hasCredential: true },
  { id: 'b2', name: 'backup', provider: 'tus', mode: 'push', endpoint: 'https://b.test/files/', hasCredential: false },
];
const names = targetNames(targets);

const delivery = (patch: Partial<Delivery>): Delivery => ({
  target: 'a1',
  mode: 'push',
  state: 'queued',
  remoteId: null,
  pctComplete: 0,
  ...patch,
});

const video = (step: Video['status']['step'], deliveries: Delivery[]): Video => ({
  ...unknownVideoDetails(),
  uid: 'c'.repeat(32),
  created: '',
  modified: '',
  meta: { name: 'talk.mp4' },
  status: { state: 'ready', pctComplete: 100, step },
  readyToStream: true,
  source: { kind: 'file', path: '/in/talk.mp4' },
  deliveries,
});

describe('deliveries in the terminal', () => {
  it('says how each delivery stands; an unfinished one out of the deliver stage is paused', () => {
    expect(deliveryStatus(video('deliver', []), delivery({}))).toBe('queued');
    expect(deliveryStatus(video('deliver', []), delivery({ state: 'uploading', pctComplete: 41.6 }))).toBe(
      'uploading 42%',
    );
    expect(deliveryStatus(video('done', []), delivery({ state: 'uploading', pctComplete: 41.6 }))).toBe('paused 42%');
    expect(deliveryStatus(video('done', []), delivery({ state: 'ready', pctComplete: 100 }))).toBe('ready');
    expect(deliveryStatus(video('done', []), delivery({ state: 'error' }))).toBe('failed');
  });

  it('names targets, and shows a removed one by its id', () => {
    const v = video('deliver', [delivery({ state: 'ready', remoteId: 'r1' }), delivery({ target: 'gone' })]);
    expect(deliveriesCell(v, names)).toBe('archive ready, gone queued');
    expect(deliveryLines(v, names)).toEqual([
      ['delivery', 'archive (tus): ready · remote id r1'],
      ['delivery', 'gone (tus): queued'],
    ]);
  });

  it('adds a DELIVERY column to the list only when a video has deliveries', () => {
    expect(formatVideoTable([video('done', [])])).not.toContain('DELIVERY');
    const table = formatVideoTable([video('done', [delivery({ state: 'ready' })])], 0, names);
    expect(table.split('\n')[0]).toMatch(/ETA\s+DELIVERY\s+NAME$/);
    expect(table).toContain('archive ready  talk.mp4');
  });

  it('shows delivering and a failed delivery on the progress line', () => {
    expect(formatProgressLine(video('deliver', [delivery({})]))).toMatch(/100% {2}ready, delivering$/);
    const failed = delivery({ state: 'error', errorReasonCode: 'ERR_DELIVERY_FAILED', error: 'It broke.' });
    expect(formatProgressLine(video('done', [failed]))).toBe(
      'talk.mp4  ready, but delivery failed: ERR_DELIVERY_FAILED It broke.',
    );
  });
});

describe('--deliver', () => {
  it('takes ids or names, each once', () => {
    expect(resolveTargets(['backup', 'a1', 'archive'], targets)).toEqual(['b2', 'a1']);
    expect(resolveTargets(undefined, targets)).toEqual([]);
  });

  it('names the targets there are when it does not know one', () => {
    expect(() => resolveTargets(['nope'], targets)).toThrow(UsageError);
    expect(() => resolveTargets(['nope'], targets)).toThrow('Targets: archive (a1), backup (b2).');
    expect(() => resolveTargets(['nope'], [])).toThrow('add one with ferry target add');
  });
});
