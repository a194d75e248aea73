import { describe, expect, it } from 'vitest';
import {
  describeCounts,
  formatEta,
  formatQueueTotals,
  formatSpeed,
  formatVideoTable,
} from '../../electron/cli/format-video';
import { summaryLine } from '../../electron/cli/progress-display';
import type { QueueTotals } from '../../shared/api';
import { unknownVideoDetails, type Video } from '../../shared/video';
import type { VideoState } from '../../shared/video-states';

const now = Date.parse('2030-01-01T12:00:00Z');

const video = (uid: string, status: Video['status'], name = 'clip.mp4'): Video => ({
  ...unknownVideoDetails(),
  uid: uid.repeat(32),
  created: '',
  modified: '',
  meta: { name },
  status,
  readyToStream: false,
  playable: false,
  source: { kind: 'url', url: 'https://cdn.example.test/clip.mp4' },
});

const counts = (partial: Partial<Record<VideoState, number>>): Record<VideoState, number> => ({
  queued: 0,
  downloading: 0,
  inprogress: 0,
  ready: 0,
  error: 0,
  paused: 0,
  canceled: 0,
  ...partial,
});

const totals = (patch: Partial<QueueTotals> = {}): QueueTotals => ({
  byState: counts({}),
  total: 0,
  bytesPerSecond: 0,
  etaSeconds: -1,
  batch: { done: 0, total: 0, bytesDone: 0, bytesTotal: 0 },
  queue: { paused: false, stopAfterCurrent: false, lowDiskSpace: false },
  ...patch,
});

describe('the video table', () => {
  it('shows speed while downloading, time left, and when a retry is due', () => {
    const table = formatVideoTable(
      [
        video('a', {
          state: 'downloading',
          step: 'fetch',
          pctComplete: 41.6,
          bytesPerSecond: 3 * 1024 * 1024,
          etaSeconds: 185,
        }),
        video('b', {
          state: 'queued',
          step: 'fetch',
          pctComplete: 0,
          nextAttemptAt: new Date(now + 11_200).toISOString(),
        }),
        video('c', { state: 'inprogress', step: 'transcode', pctComplete: 70, etaSeconds: 42 }),
        video('d', { state: 'ready', step: 'done', pctComplete: 100, bytesPerSecond: 99, etaSeconds: 5 }, 'Launch'),
      ],
      now,
    );
    const [header, ...rows] = table.split('\n');
    expect(header).toMatch(/^UID\s+STATE\s+STAGE\s+PCT\s+SPEED\s+ETA\s+NAME$/);
    expect(rows[0]).toMatch(/^a{32}\s+downloading\s+fetch\s+42%\s+3\.0 MiB\/s\s+3m 05s\s+clip\.mp4$/);
    expect(rows[1]).toMatch(/^b{32}\s+queued\s+fetch\s+0%\s+retry in 12s\s+clip\.mp4$/);
    expect(rows[2]).toMatch(/^c{32}\s+inprogress\s+transcode\s+70%\s+42s\s+clip\.mp4$/);
    // A finished video shows no speed or time left, whatever figures it kept.
    expect(rows[3]).toMatch(/^d{32}\s+ready\s+done\s+100%\s+Launch$/);
    // Columns line up: NAME starts at the same place on every line.
    expect(new Set([header, ...rows].map((line) => line?.search(/(NAME|clip\.mp4|Launch)$/))).size).toBe(1);
  });

  it('leaves SPEED and ETA blank when they are not known or not due', () => {
    const waiting = video('e', {
      state: 'queued',
      step: 'fetch',
      pctComplete: 0,
      nextAttemptAt: new Date(now - 1).toISOString(),
    });
    expect(formatSpeed(waiting)).toBe('');
    expect(formatEta(waiting, now)).toBe('');
    expect(formatEta(video('f', { state: 'downloading', pctComplete: 1 }), now)).toBe('');
  });
});

describe('the queue line', () => {
  it('counts videos by state, with speed and time left', () => {
    expect(
      formatQueueTotals(
        totals({
          byState: counts({ ready: 2, error: 1, downloading: 1, queued: 3 }),
          total: 7,
          bytesPerSecond: 1536 * 1024,
          etaSeconds: 600,
        }),
      ),
    ).toBe('7 videos: 2 ready, 1 failed, 1 downloading, 3 queued · 1.5 MiB/s · about 10m 00s left');
  });

  it('says why the queue is stopped and how to go on', () => {
    const line = formatQueueTotals(
      totals({
        byState: counts({ paused: 1 }),
        total: 1,
        etaSeconds: 0,
        queue: { paused: true, stopAfterCurrent: false, lowDiskSpace: true },
      }),
    );
    expect(line).toBe(
      '1 video: 1 paused · queue paused: nothing new starts (resume with: ferry resume --queue) · ' +
        'low disk space: nothing new starts until there is room',
    );
    expect(formatQueueTotals(totals({ queue: { paused: false, stopAfterCurrent: true, lowDiskSpace: false } }))).toBe(
      '0 videos · queue pauses after the current work',
    );
    const night = { paused: false, stopAfterCurrent: false, lowDiskSpace: false, downloadsWaitUntil: '22:00' };
    expect(formatQueueTotals(totals({ queue: night }))).toBe(
      '0 videos · links wait for the download hours (from 22:00; change with: ferry settings download.hours)',
    );
  });

  it('shares its words with the progress summary', () => {
    expect(describeCounts({ inprogress: 2, canceled: 1, ready: 0 })).toBe('2 processing, 1 canceled');
    expect(
      summaryLine([video('a', { state: 'error', pctComplete: 0 }), video('b', { state: 'ready', pctComplete: 100 })]),
    ).toBe('2 videos: 1 ready, 1 failed');
  });
});
