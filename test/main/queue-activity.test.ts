import { describe, expect, it } from 'vitest';
import { keepAwake, queueProgress } from '../../electron/main/queue-activity';
import { quitPrompt } from '../../electron/main/quit-prompt';
import { totals } from './queue-totals';

describe('keeping the system awake', () => {
  it('holds while videos download, transcode or wait for a running queue', () => {
    expect(keepAwake(totals({ downloading: 1 }))).toBe(true);
    expect(keepAwake(totals({ inprogress: 1 }))).toBe(true);
    expect(keepAwake(totals({ queued: 1 }))).toBe(true);
  });

  it('lets go when idle, or when only a paused queue or paused videos wait', () => {
    expect(keepAwake(totals({ ready: 50, error: 2 }))).toBe(false);
    expect(keepAwake(totals({ queued: 5 }, { paused: true }))).toBe(false);
    expect(keepAwake(totals({ queued: 5 }, { lowDiskSpace: true }))).toBe(false);
    expect(keepAwake(totals({ paused: 5 }))).toBe(false);
  });
});

describe("the dock and taskbar's progress", () => {
  it('shows none when idle', () => {
    expect(queueProgress(null, totals({ ready: 1000 }))).toEqual({ batch: null, fraction: -1, mode: 'none' });
  });

  it('counts only this batch: earlier ready videos do not make new work look done', () => {
    const start = queueProgress(null, totals({ ready: 1000, queued: 4 }));
    expect(start.fraction).toBe(0);
    const half = queueProgress(start.batch, totals({ ready: 1002, queued: 1, downloading: 1 }));
    expect(half).toMatchObject({ fraction: 0.5, mode: 'normal' });
    expect(queueProgress(half.batch, totals({ ready: 1004 }))).toMatchObject({ fraction: -1, mode: 'none' });
  });

  it('turns to error once a video of the batch fails, and to paused when the queue is paused', () => {
    const start = queueProgress(null, totals({ error: 3, queued: 2 }));
    expect(queueProgress(start.batch, totals({ error: 4, queued: 1 }))).toMatchObject({ fraction: 0.5, mode: 'error' });
    expect(queueProgress(start.batch, totals({ error: 3, queued: 2 }, { paused: true })).mode).toBe('paused');
  });
});

describe('the question before quitting', () => {
  it('is not asked when nothing is in progress', () => {
    expect(quitPrompt(totals({ ready: 3, paused: 2 }))).toBeUndefined();
    expect(quitPrompt(totals({ queued: 2 }, { paused: true }))).toBeUndefined();
  });

  it('says how many videos are worked on and waiting, and keeps working by default', () => {
    const prompt = quitPrompt(totals({ downloading: 1, inprogress: 1, queued: 3 }))!;
    expect(prompt.detail).toMatch(/^2 videos are being worked on and 3 videos are waiting\./);
    expect(prompt.buttons[prompt.quitButton]).toBe('Quit');
    expect(prompt.buttons[prompt.defaultId]).toBe('Keep Working');
    expect(prompt.cancelId).toBe(prompt.defaultId);
    expect(quitPrompt(totals({ downloading: 1 }))!.detail).toMatch(/^1 video is being worked on\./);
  });
});
