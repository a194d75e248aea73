import { describe, expect, it } from 'vitest';
import {
  deliveriesCell,
  deliveryLines,
  deliveryStatus,
  formatTargetTable,
  resolveTargets,
  targetNames,
} from '../../electron/cli/format-deliveries';
import { formatProgressLine } from '../../electron/cli/format-progress';
import { formatVideoDetails, formatVideoTable } from '../../electron/cli/format-video';
import { UsageError } from '../../electron/cli/cli-context';
import type { DeliveryTarget } from '../../shared/delivery-targets';
import { unknownVideoDetails, type Delivery, type Video } from '../../shared/video';
import { deliveryTarget } from '../helpers/services/provider-call';

const target = (patch: Partial<DeliveryTarget> & Pick<DeliveryTarget, 'id' | 'name'>): DeliveryTarget =>
  deliveryTarget(patch.provider ?? 'tus', 'https://a.test/files/', patch);
const targets: DeliveryTarget[] = [
  target({ id: 'a1', name: 'archive' }),
  target({ id: 'b2', name: 'backup', endpoint: 'https://b.test/files/', hasCredential: false }),
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
  playable: true,
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
      ['delivery', 'archive (push): ready · remote id r1'],
      ['delivery', 'gone (push): queued'],
    ]);
  });

  it("shows each state in ferry show: pace while uploading, the service's word, the link, notice and error", () => {
    const uploading = delivery({
      state: 'uploading',
      pctComplete: 42,
      bytesPerSecond: 5 * 1024 * 1024,
      etaSeconds: 63,
    });
    const processing = delivery({
      target: 'b2',
      mode: 'pull',
      state: 'processing',
      pctComplete: 40,
      remoteId: 'vid-7',
      remoteState: 'downloading',
      // Left from the upload: no longer true once the service has the file.
      bytesPerSecond: 1000,
      notice: 'Pushed: the link is on this machine, which the service cannot reach.',
    });
    const ready = delivery({
      state: 'ready',
      pctComplete: 100,
      remoteId: 'vid-8',
      remoteState: 'viewable',
      playbackUrl: 'https://cdn.test/vid-8/manifest.m3u8',
    });
    const failed = delivery({
      state: 'error',
      remoteId: 'vid-9',
      errorReasonCode: 'ERR_DELIVERY_FAILED',
      error: 'Bunny Stream refused the credential (401): save the right one.',
    });
    const v = video('deliver', [uploading, processing, ready, failed, delivery({ target: 'b2' })]);
    const details = formatVideoDetails(v, names).split('\n');
    expect(details.slice(details.findIndex((l) => l.startsWith('delivery')))).toEqual([
      'delivery  archive (push): uploading 42% · 5.0 MiB/s · 1m 03s left',
      'delivery  backup (pull): processing 40% · service says downloading · remote id vid-7',
      '            notice: Pushed: the link is on this machine, which the service cannot reach.',
      'delivery  archive (push): ready · service says viewable · remote id vid-8',
      '            playback https://cdn.test/vid-8/manifest.m3u8',
      'delivery  archive (push): failed · remote id vid-9',
      '            ERR_DELIVERY_FAILED: Bunny Stream refused the credential (401): save the right one.',
      'delivery  backup (push): queued',
    ]);
  });

  it('shows no speed once the video has left the deliver stage', () => {
    const stalled = delivery({ state: 'uploading', pctComplete: 42, bytesPerSecond: 5e6, etaSeconds: 60 });
    expect(deliveryLines(video('done', [stalled]), names)).toEqual([['delivery', 'archive (push): paused 42%']]);
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

describe('ferry target list', () => {
  it('shows provider, mode, send and whether a credential is stored; the place column only when one is set', () => {
    const plain = formatTargetTable(targets).split('\n');
    expect(plain[0]).toMatch(/^ID\s+NAME\s+PROVIDER\s+MODE\s+SEND\s+CREDENTIAL\s+ENDPOINT$/);
    expect(plain[1]).toMatch(/^a1\s+archive\s+a TUS server\s+push\s+mp4\s+yes\s+https:\/\/a\.test\/files\/$/);
    expect(plain[2]).toMatch(/^b2\s+backup\s+a TUS server\s+push\s+mp4\s+no\s+https:\/\/b\.test\/files\/$/);

    const bunny = target({
      id: 'c3',
      name: 'stream',
      provider: 'bunny',
      mode: 'pull',
      send: 'original',
      library: '4242',
      endpoint: 'https://video.bunnycdn.com',
    });
    const table = formatTargetTable([...targets, bunny]).split('\n');
    expect(table[0]).toMatch(/CREDENTIAL\s+ACCOUNT\/LIBRARY\/INDEX\s+ENDPOINT$/);
    expect(table[3]).toMatch(/^c3\s+stream\s+Bunny Stream\s+pull\s+original\s+yes\s+library 4242\s+https:/);
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
