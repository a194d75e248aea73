/** `ferry import <list> --check`: what the list would queue, line by line, with nothing queued. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkCheck } from '../../shared/link-check';
import { tempDir } from '../helpers/temp-dir';
import { listVideos, queueLinks } from './ferry-process';
import { runFerry } from './ferry-in-process';

describe('ferry import --check', () => {
  it('says what each line would be, and queues nothing', async () => {
    const dataDir = tempDir();
    const [queued] = await queueLinks(dataDir, ['https://cdn.example.test/old.mp4']);
    const list = path.join(tempDir(), 'links.txt');
    fs.writeFileSync(
      list,
      [
        'https://cdn.example.test/new.mp4',
        'https://cdn.example.test/old.mp4',
        'https://www.dropbox.com/s/abc123/clip.mp4?dl=0',
        'not a link',
      ].join('\n'),
    );

    const text = await runFerry(['import', list, '--check', '--data-dir', dataDir]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n')).toEqual([
      'line 1: new        https://cdn.example.test/new.mp4',
      `line 2: duplicate  https://cdn.example.test/old.mp4 (already ${queued})`,
      'line 3: new        https://www.dropbox.com/s/abc123/clip.mp4?dl=0 -> https://www.dropbox.com/s/abc123/clip.mp4?dl=1',
      'line 4: invalid: a line holds one link: put each link on its own line (not a link)',
      '2 new, 1 duplicate, 1 invalid.',
      '',
    ]);

    const json = await runFerry(['import', list, '--check', '--json', '--data-dir', dataDir]);
    expect((JSON.parse(json.stdout) as LinkCheck).counts).toEqual({ new: 2, duplicate: 1, invalid: 1 });
    expect(await listVideos(dataDir)).toHaveLength(1);
  });
});
