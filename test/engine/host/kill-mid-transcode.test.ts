/**
 * Progressive publishing against a crash: the engine host is killed with SIGKILL while its
 * transcode is already playable. Nothing is ever left claiming to be complete before the end (no
 * live playlist with ENDLIST, no finished folder that is not whole), the restarted host starts a
 * clean attempt that earns `playable` anew, and at the end no live or partial folder is left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { forkEngineHost } from '../../../electron/engine/host/fork-engine-host';
import { startEngineHost, type EngineHost } from '../../../electron/engine/host/start-engine-host';
import { mediaSegments } from '../../../electron/engine/media/write-hls-master';
import * as make from '../../helpers/media-fixtures';
import { tempDir } from '../../helpers/temp-dir';
import { sampling, until } from '../../helpers/wait-for';

const hosts: EngineHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.stop(5_000)));
});

async function value<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const settled = await answer;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
}

const playlistsIn = (folder: string): [string, string][] =>
  fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((name) => name.endsWith('.m3u8'))
        .flatMap((name): [string, string][] => {
          try {
            return [[name, fs.readFileSync(path.join(folder, name), 'utf8')]];
          } catch {
            return []; // removed between the listing and the read: gone is fine
          }
        })
    : [];

describe('a transcode killed while it plays', () => {
  it('never serves a half-written playlist as final, and the next attempt starts clean', async () => {
    const dataDir = tempDir();
    const source = await make.landscape1080(tempDir(), 12);
    const host = await startEngineHost({
      host: { dataDir },
      spawn: await forkEngineHost({ ...process.env, FERRY_CREDENTIALS: 'file' }),
    });
    hosts.push(host);
    const added = await value(host.call('addFiles', { paths: [source], options: { ladder: [1080, 360] } }));
    const uid = added.queued[0]!.uid;
    const library = path.join(dataDir, 'library');
    const live = path.join(library, `${uid}.live`, 'manifest');
    const published = path.join(library, uid, 'manifest');
    const get = () => value(host.call('get', { uid }));

    const seen = {
      liveEnded: [] as string[],
      unfinishedPublished: [] as string[],
      playable: [] as boolean[],
      playableWithNothing: 0,
    };
    const watch = async () => {
      for (const [name, text] of playlistsIn(live)) if (text.includes('#EXT-X-ENDLIST')) seen.liveEnded.push(name);
      // A finished folder is only ever whole: every media playlist ended and every segment it names there.
      for (const [name, text] of playlistsIn(published)) {
        if (name === 'video.m3u8') continue;
        const whole =
          text.includes('#EXT-X-ENDLIST') &&
          mediaSegments(text).every((s) => fs.existsSync(path.join(published, s.uri)));
        if (!whole) seen.unfinishedPublished.push(name);
      }
    };

    await sampling(
      until(async () => (await get()).playable, 60_000),
      watch,
    );
    const firstAttempt = fs.readdirSync(path.join(live)).filter((name) => name.endsWith('.m4s'));
    expect((await get()).status.state).toBe('inprogress');

    const killed = host.pid()!;
    process.kill(killed, 'SIGKILL');
    await until(() => host.status().state === 'running' && host.pid() !== killed, 20_000);

    let ready: Video | undefined;
    await sampling(
      until(async () => {
        const video = await get();
        seen.playable.push(video.playable);
        // Playable means there is something to play: the live master, or the finished one.
        const master = (folder: string) => fs.existsSync(path.join(folder, 'video.m3u8'));
        if (video.playable && !master(live) && !master(published)) seen.playableWithNothing += 1;
        if (video.status.state === 'ready') ready = video;
        return ready !== undefined;
      }, 120_000),
      watch,
    );

    expect(seen.liveEnded).toEqual([]);
    expect(seen.unfinishedPublished).toEqual([]);
    // Recovered, it was not playable again until the new attempt's first segments were in.
    expect(seen.playableWithNothing).toBe(0);
    expect(seen.playable[0]).toBe(false);
    expect(seen.playable).toContain(true);
    const history = await value(host.call('history', { uid }));
    expect(history.map((event) => event.type)).toContain('recovered');
    expect(firstAttempt.length).toBeGreaterThan(0);

    expect(ready).toMatchObject({ playable: true, readyToStream: true, status: { state: 'ready' } });
    for (const [name, text] of playlistsIn(published))
      if (name !== 'video.m3u8') expect(text, name).toContain('#EXT-X-ENDLIST');
    const left = fs.readdirSync(library).filter((entry) => entry !== uid);
    await until(() => fs.readdirSync(library).filter((entry) => entry !== uid).length === 0, 20_000).catch(() => {
      throw new Error(`left in the library: ${left.join(', ')}`);
    });
  }, 240_000);
});
