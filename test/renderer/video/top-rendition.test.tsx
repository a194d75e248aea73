// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VideoDetails } from '../../../renderer/src/features/video/VideoDetails';
import type { TopRendition } from '../../../shared/video';
import { makeVideo } from '../support/videos';

afterEach(cleanup);

function factOf(topRendition?: TopRendition): string | null {
  const video = makeVideo('b2', 'screen', 'ready');
  render(<VideoDetails video={topRendition ? { ...video, topRendition } : video} />);
  const term = screen.queryByText('Top rendition', { selector: 'dt' });
  return term?.nextElementSibling?.textContent ?? null;
}

describe("the video's details say how the top rendition was made", () => {
  it('the original, not re-encoded, and why it could be', () => {
    const why = 'the source is already H.264 High 4.0, 1920×1080, 4.0 Mbit/s, a keyframe every 2 s';
    expect(factOf({ original: true, why })).toBe(`Original, not re-encoded: ${why}`);
  });

  it('re-encoded, and why', () => {
    expect(factOf({ original: false, why: 'the source is VP9' })).toBe('Re-encoded: the source is VP9');
  });

  it('nothing before the video is transcoded', () => {
    expect(factOf()).toBeNull();
  });
});
