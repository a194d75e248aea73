/**
 * The upload tray's figures: each file's speed smoothed from its progress reports, its time left,
 * and the total over the files still counted (canceled, failed and skipped ones left out), in
 * the words the tray shows.
 */
import { describe, expect, it } from 'vitest';
import { itemProgress, itemStatus, traySummary } from '../../../renderer/src/features/add/describe-upload';
import {
  newItem,
  secondsLeft,
  started,
  trayTotals,
  withProgress,
  type TrayItem,
} from '../../../renderer/src/features/add/tray-items';

const mib = 1024 * 1024;

/** An upload of `size` bytes started at 0 ms that sent `sent` bytes at each of `times`. */
function uploaded(size: number, reports: [ms: number, sent: number][]): TrayItem {
  let item = started(newItem(1, 'a.mp4', size, 'waiting'), 1);
  for (const [ms, sent] of reports) item = withProgress(item, sent, ms);
  return item;
}

describe('the upload tray’s figures', () => {
  it('measure a file’s speed from its reports, smoothed, and its time left', () => {
    const steady = uploaded(100 * mib, [
      [1001, 10 * mib],
      [2001, 20 * mib],
    ]);
    expect(steady.speed).toBe(10 * mib);
    expect(secondsLeft(steady)).toBe(8);
    expect(itemProgress(steady)).toBe('20% · 20.0 MiB of 100 MiB · 10.0 MiB/s · 8s left');

    // One slow second moves the figure part of the way, not all of it.
    const slower = withProgress(steady, 21 * mib, 3001);
    expect(slower.speed).toBeCloseTo(0.3 * mib + 0.7 * 10 * mib);
  });

  it('say nothing of speed or time before the first report', () => {
    expect(itemProgress(uploaded(10 * mib, []))).toBe('0% · 0 B of 10.0 MiB');
    expect(itemProgress(uploaded(10 * mib, [[501, 5 * mib]]))).toBe('50% · 5.0 MiB of 10.0 MiB · 10.0 MiB/s · 1s left');
  });

  it('add up the files being sent or sent, and leave out the canceled, failed and skipped ones', () => {
    const sending = uploaded(40 * mib, [
      [1001, 10 * mib],
      [2001, 20 * mib],
    ]);
    const items: TrayItem[] = [
      sending,
      { ...newItem(2, 'b.mp4', 20 * mib, 'done'), sent: 20 * mib },
      newItem(3, 'c.mp4', 40 * mib, 'waiting'),
      { ...newItem(4, 'd.mp4', 500 * mib, 'canceled'), sent: 100 * mib },
      newItem(5, 'e.mp4', 7 * mib, 'failed', 'the server answered 500'),
      newItem(6, 'notes.txt', 0, 'skipped', 'not a video file'),
    ];
    const totals = trayTotals(items);
    expect(totals).toMatchObject({ active: 2, done: 1, stopped: 2, skipped: 1, sent: 40 * mib, size: 100 * mib });
    expect(totals.secondsLeft).toBe(6);
    expect(traySummary(totals)).toBe('Uploading 2 files · 40% · 40.0 MiB of 100 MiB · 10.0 MiB/s · 6s left');
    expect(traySummary(trayTotals(items.slice(1).filter((item) => item.state !== 'waiting')))).toBe(
      '1 file uploaded · 2 files not uploaded · 1 file skipped',
    );
  });

  it('name the video that has the same content', () => {
    const flagged: TrayItem = {
      ...newItem(1, 'copy.mp4', mib, 'already'),
      match: { name: 'Monday talk' },
    };
    expect(itemStatus(flagged)).toBe('Already in Ferry as Monday talk');
    expect(itemStatus({ ...flagged, match: { name: 'talk.mp4', inTray: true } })).toBe(
      'Already added here as talk.mp4',
    );
    expect(traySummary(trayTotals([flagged]))).toBe('1 file already in Ferry: add again or skip');
  });
});
