/** A row's two lines (video-text.ts): the video's name, and where it came from in a user's words. */
import { describe, expect, it } from 'vitest';
import type { Video, VideoSource } from '../../../shared/video';
import { sourceLabel, videoTitle } from '../../../renderer/src/features/queue/video-text';
import { makeVideo } from '../support/videos';

const uid = '9f86d081884c7d659a2feaa0c55ad015';

function video(source: VideoSource, meta: Record<string, string> = {}): Video {
  return { ...makeVideo(uid, ''), uid, meta, source };
}

const drive = 'https://drive.google.com/uc?export=download&id=1AbC';
const upload = { kind: 'file', path: `/home/ann/.config/Ferry/uploads/${uid}` } as const;

describe("a row's name and source line", () => {
  it.each<[string, Video, string, string]>([
    [
      'a named link',
      video({ kind: 'url', url: 'https://cdn.example.com/v/Talk.mp4' }, { name: 'Talk.mp4' }),
      'Talk.mp4',
      'cdn.example.com',
    ],
    [
      'a share link not yet named: its host, never the whole link',
      video({ kind: 'url', url: drive }, { 'downloaded-from': 'https://drive.google.com/file/d/1AbC/view' }),
      'Video from drive.google.com',
      'drive.google.com',
    ],
    [
      'a share link once downloaded: the host the user gave, not the download server redirected to',
      video(
        { kind: 'url', url: 'https://drive.usercontent.google.com/download?id=1AbC', path: '/data/originals/x/uc' },
        { name: 'Keynote.mp4', 'downloaded-from': 'https://drive.google.com/file/d/1AbC/view' },
      ),
      'Keynote.mp4',
      'drive.google.com',
    ],
    [
      'a link with a port',
      video({ kind: 'url', url: 'http://127.0.0.1:8080/?id=9' }),
      'Video from 127.0.0.1:8080',
      '127.0.0.1:8080',
    ],
    ['an s3:// link', video({ kind: 'url', url: 's3://footage/raw/a.mov' }, { name: 'a.mov' }), 'a.mov', 'footage'],
    ['an upload with its file name', video(upload, { name: 'Interview.mov' }), 'Interview.mov', 'Uploaded'],
    ['an upload without a name: never its id or path', video(upload), 'Untitled upload', 'Uploaded'],
    ['an upload as ferry serve shows it (no path)', video({ kind: 'file' }, { name: 'a.mov' }), 'a.mov', 'Uploaded'],
    [
      'a local file: its folder',
      video({ kind: 'file', path: '/Users/ann/Movies/Course 01/intro.mp4' }, { name: 'intro.mp4' }),
      'intro.mp4',
      'Course 01',
    ],
    ['a Windows file', video({ kind: 'file', path: 'D:\\Footage\\Day 2\\b-roll.mov' }), 'b-roll.mov', 'Day 2'],
    ['a file at the root', video({ kind: 'file', path: '/clip.mp4' }), 'clip.mp4', '/'],
  ])('%s', (_what, given, title, source) => {
    expect(videoTitle(given)).toBe(title);
    expect(sourceLabel(given)).toBe(source);
    expect(`${videoTitle(given)} ${sourceLabel(given)}`).not.toContain(uid);
  });
});
