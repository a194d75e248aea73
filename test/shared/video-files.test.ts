import { describe, expect, it } from 'vitest';
import { extensionOf, isLitter, isVideoFileName } from '../../shared/video-files';

describe('video files by name', () => {
  it('knows videos by extension in any case, on either kind of path', () => {
    expect(isVideoFileName('Talk.MKV')).toBe(true);
    expect(isVideoFileName('/Volumes/shoot/day 2/a.mts')).toBe(true);
    expect(isVideoFileName('C:\\shoot\\clip.mxf')).toBe(true);
    expect(isVideoFileName('notes.txt')).toBe(false);
    expect(isVideoFileName('mp4')).toBe(false);
  });

  it('takes a leading dot for a hidden file, not an extension', () => {
    expect(extensionOf('.mp4')).toBe('');
    expect(extensionOf('folder.d/clip')).toBe('');
    expect(extensionOf('a.tar.gz')).toBe('gz');
  });

  it('leaves out hidden files and OS litter anywhere in a relative path', () => {
    expect(isLitter('.DS_Store')).toBe(true);
    expect(isLitter('day 2/Thumbs.db')).toBe(true);
    expect(isLitter('.cache/clip.mp4')).toBe(true);
    expect(isLitter('day 2\\desktop.ini')).toBe(true);
    expect(isLitter('day 2/clip.mp4')).toBe(false);
  });
});
