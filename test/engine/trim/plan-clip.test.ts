import { describe, expect, it } from 'vitest';
import { planClip } from '../../../electron/engine/commands/clip-video';

const source = '/videos/talk.mov';
const mp4 = '/library/abc/downloads/default.mp4';

describe('what a clip is cut from', () => {
  it.each([
    [
      'the source, as asked, when untrimmed',
      { trim: null, sourcePath: source, mp4 },
      60,
      { start: 5, end: 10 },
      { file: source, trim: { start: 5, end: 10 } },
    ],
    [
      "the source, moved by the parent's in point",
      { trim: { start: 20, end: 50 }, sourcePath: source, mp4 },
      60,
      { start: 5, end: 10 },
      { file: source, trim: { start: 25, end: 30 } },
    ],
    [
      'the MP4, as asked, once the source is gone',
      { trim: { start: 20, end: 50 }, sourcePath: null, mp4 },
      60,
      { start: 5, end: 10 },
      { file: mp4, trim: { start: 5, end: 10 } },
    ],
    [
      'the end held to the last frame within the slack',
      { trim: null, sourcePath: source, mp4 },
      10,
      { start: 5, end: 10.02 },
      { file: source, trim: { start: 5, end: 10 } },
    ],
  ] as const)('%s', (_, parent, duration, wanted, planned) => {
    expect(planClip(parent, duration, wanted)).toEqual({ ok: true, ...planned });
  });

  it.each([
    [
      'an end past the trimmed length',
      { trim: { start: 20, end: 50 }, sourcePath: source, mp4 },
      60,
      { start: 5, end: 31 },
      'end',
      /^Requested encoding duration exceeds clip length: 31 s is past the end of the video \(0:30\); give at most 30$/,
    ],
    [
      'a start at the end',
      { trim: null, sourcePath: source, mp4 },
      10,
      { start: 10, end: 10.01 },
      'start',
      /at or past the end of the video \(0:10\): give an earlier start/,
    ],
    [
      'nothing left to cut from',
      { trim: null, sourcePath: null, mp4: null },
      10,
      { start: 1, end: 2 },
      'uid',
      /neither its original nor its outputs/,
    ],
  ] as const)('refuses %s', (_, parent, duration, wanted, field, message) => {
    const planned = planClip(parent, duration, wanted);
    expect(planned).toMatchObject({ ok: false, field });
    if (!planned.ok) expect(planned.message).toMatch(message);
  });
});
