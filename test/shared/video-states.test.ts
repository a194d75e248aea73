import { describe, expect, it } from 'vitest';
import { canTransition, videoStates } from '../../shared/video-states';

describe('the state machine', () => {
  it.each([
    ['queued', 'downloading'],
    ['downloading', 'queued'],
    ['queued', 'inprogress'],
    ['inprogress', 'ready'],
    ['downloading', 'ready'],
    ['downloading', 'error'],
    ['inprogress', 'error'],
    ['queued', 'paused'],
    ['paused', 'queued'],
    ['error', 'queued'],
    ['inprogress', 'canceled'],
    ['ready', 'queued'],
  ] as const)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['queued', 'ready'],
    ['downloading', 'inprogress'],
    ['ready', 'error'],
    ['ready', 'canceled'],
    ['ready', 'paused'],
    ['error', 'ready'],
    ['canceled', 'ready'],
    ['paused', 'downloading'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('lets every state reach some other state, and ready only queued (its outputs made again)', () => {
    for (const state of videoStates) {
      const reachable = videoStates.filter((to) => canTransition(state, to));
      expect(reachable.length > 0).toBe(true);
    }
    expect(videoStates.filter((to) => canTransition('ready', to))).toEqual(['queued']);
  });
});
