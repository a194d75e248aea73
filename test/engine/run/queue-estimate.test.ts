/**
 * The queue's time left from the work that will run at the rates measured: the footer said
 * 2h 04m, then 21h 30m twenty minutes later, while the two downloads each said about 50 minutes.
 */
import { describe, expect, it } from 'vitest';
import { estimateQueueSeconds, stageSeconds, type StageWork } from '../../../electron/engine/run/queue-estimate';

const MiB = 1024 * 1024;
const none: StageWork = {
  count: 0,
  knownCount: 0,
  knownTotal: 0,
  knownLeft: 0,
  largestLeft: 0,
  rate: undefined,
  slots: 1,
};

/** `left` of each video in the stage, all of known size `total`. */
function work(left: number[], total: number, rate: number | undefined, slots: number, unknown = 0): StageWork {
  return {
    count: left.length + unknown,
    knownCount: left.length,
    knownTotal: total * left.length,
    knownLeft: left.reduce((a, b) => a + b, 0),
    largestLeft: Math.max(0, ...left),
    rate,
    slots,
  };
}

describe('the time one stage needs', () => {
  it.each<[string, StageWork, number | undefined]>([
    ['nothing to do', none, 0],
    // The reporter's queue: two downloads of 600 MiB left each at 0.2 MiB/s, two at a time: 50 minutes.
    ['two downloads side by side', work([600 * MiB, 600 * MiB], 700 * MiB, 0.2 * MiB, 2), 3000],
    ['four waiting for two slots take twice as long', work([600, 600, 600, 600], 600, 1, 2), 1200],
    // One large and many small: the large one alone sets the time (it goes no faster beside others).
    ['the largest download bounds it', work([1000, 10, 10, 10], 1000, 1, 4), 1000],
    ['as many at once as there are videos, not slots', work([100], 100, 1, 8), 100],
    // Two known of 100, two unknown taken as 100 each: 400 left at 2 a second in one slot.
    ['unknown sizes are taken as the mean of the known', work([100, 100], 100, 2, 1, 2), 200],
    ['unknown without a rate measured', work([100], 100, undefined, 1), undefined],
    ['unknown when no size is known at all', work([], 100, 1, 1, 3), undefined],
  ])('%s', (_case, given, seconds) => {
    expect(stageSeconds(given)).toBe(seconds);
  });
});

describe("the queue's time left", () => {
  const downloads = work([600 * MiB, 600 * MiB], 700 * MiB, 0.2 * MiB, 2);
  // 30 minutes of media each, transcoded at 2x: 15 minutes each, one at a time.
  const transcodes = work([1800, 1800], 1800, 2, 1);

  it.each<[string, Parameters<typeof estimateQueueSeconds>[0], number]>([
    ['downloads only: the downloads', { running: true, downloadsWait: false, downloads, transcodes: none }, 3000],
    // Downloads take 50 min; the last one still needs its 15-minute transcode after it arrives.
    ['downloads then their transcodes', { running: true, downloadsWait: false, downloads, transcodes }, 3000 + 900],
    [
      'transcodes only: their total over the slots',
      { running: true, downloadsWait: false, downloads: none, transcodes },
      1800,
    ],
    [
      'transcodes longer than the downloads: the transcodes',
      {
        running: true,
        downloadsWait: false,
        downloads: work([60], 60, 1, 1),
        transcodes: work([9000, 9000], 9000, 1, 1),
      },
      18000,
    ],
    [
      'none while the links wait for the download hours',
      { running: true, downloadsWait: true, downloads, transcodes },
      -1,
    ],
    [
      'the transcodes while the links wait, if no link is left to download',
      { running: true, downloadsWait: true, downloads: none, transcodes },
      1800,
    ],
    ['none when nothing runs', { running: false, downloadsWait: false, downloads, transcodes }, -1],
    [
      'none when nothing is left to measure (deliveries only)',
      { running: true, downloadsWait: false, downloads: none, transcodes: none },
      -1,
    ],
    [
      'none before a transcode rate is known',
      { running: true, downloadsWait: false, downloads, transcodes: { ...transcodes, rate: undefined } },
      -1,
    ],
  ])('%s', (_case, input, seconds) => {
    expect(estimateQueueSeconds(input)).toBe(seconds);
  });
});
