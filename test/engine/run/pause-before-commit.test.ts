/**
 * A user's pause from another process, landing after a stage's work is done and before its
 * outcome is committed (the narrowest window there is: made deterministic by the engine's stage
 * wrapper, which runs in exactly that window). The pause stands: the video stays paused at that
 * stage, its history shows the outcome that was dropped, and a resume carries on from there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VideoEvent } from '../../../shared/api';
import { createEngine, type Engine, type EngineOptions } from '../../../electron/engine/create-engine';
import type { WorkStage } from '../../../electron/engine/run/plan-claims';
import * as make from '../../helpers/media-fixtures';
import { startOrigin } from '../../helpers/origin-server';
import { finished, repoRoot, spawnTs } from '../../helpers/spawn-ts';
import { tempDir } from '../../helpers/temp-dir';
import { startTusServer } from '../../helpers/tus-server';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const controller = path.join(repoRoot, 'test/helpers/control-elsewhere.ts');

/** Pauses or resumes a video from a process of its own. */
async function elsewhere(command: 'pause' | 'resume', dataDir: string, uid: string): Promise<void> {
  const done = await finished(spawnTs(controller, [dataDir, command, uid]), 60_000);
  if (done.code !== 0 || done.stdout.trim() !== '1') throw new Error(`the ${command} did not land: ${done.stderr}`);
}

/** An engine whose `stage`, the first time it has done its work, has the video paused by another process. */
function pausingEngine(dataDir: string, stage: WorkStage, options: Partial<EngineOptions> = {}): Engine {
  let paused = false;
  const engine = createEngine({
    dataDir,
    fetch: { baseMs: 20 },
    delivery: { retryBaseMs: 20, chunkSize: 1024 * 1024 },
    ...options,
    wrapStage: (name, run) =>
      name !== stage
        ? run
        : async (context, claimed) => {
            const outcome = await run(context, claimed);
            if (!paused) {
              paused = true;
              await elsewhere('pause', dataDir, claimed.video.uid);
            }
            return outcome;
          },
  });
  cleanups.push(() => engine.close());
  return engine;
}

function dropped(history: VideoEvent[]): Record<string, unknown>[] {
  return history.filter((e) => e.type === 'outcome-dropped').map((e) => e.data);
}

/** Runs the queue, then checks the video is still paused at `stage` with the outcome dropped. */
async function expectPauseStands(engine: Engine, uid: string, stage: WorkStage, outcome: Record<string, unknown>) {
  await engine.run();
  const video = await engine.get({ uid });
  expect(video.status).toMatchObject({ state: 'paused', step: stage });
  expect(video.readyToStream).toBe(false);
  expect(dropped(await engine.history({ uid }))).toEqual([
    { stage, outcome: expect.objectContaining(outcome), found: { state: 'paused', stage, owner: null } },
  ]);
}

async function resumeToReady(engine: Engine, uid: string): Promise<void> {
  expect(await engine.resume({ uids: [uid] })).toEqual({ changed: 1 });
  await engine.run();
  expect((await engine.get({ uid })).status.state).toBe('ready');
}

describe("a pause from another process between a stage's work and its commit", () => {
  it('stands after a download: no probe, the original kept on disk', async () => {
    const body = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const origin = await startOrigin({ '/v.avi': { kind: 'file', body } });
    cleanups.push(() => origin.close());
    const dataDir = tempDir();
    const engine = pausingEngine(dataDir, 'fetch');
    const [video] = (await engine.addLinks({ links: [{ url: origin.url('/v.avi') }], options: { ladder: [240] } }))
      .queued;
    const uid = video!.uid;

    await expectPauseStands(engine, uid, 'fetch', { kind: 'next', stage: 'probe' });
    expect(fs.readFileSync(path.join(dataDir, 'originals', uid, 'v.avi')).equals(body)).toBe(true);
    await resumeToReady(engine, uid);
  }, 120_000);

  it('stands after a probe: nothing it found is saved, no transcode starts', async () => {
    const file = await make.standardDefinition43(tempDir());
    const engine = pausingEngine(tempDir(), 'probe');
    const uid = (await engine.addFiles({ paths: [file], options: { ladder: [240] } })).queued[0]!.uid;

    await expectPauseStands(engine, uid, 'probe', { kind: 'next', stage: 'transcode' });
    expect((await engine.get({ uid })).duration).toBe(-1);
    await resumeToReady(engine, uid);
  }, 120_000);

  it('stands after a transcode: the video is not ready and no webhook announces it', async () => {
    const file = await make.standardDefinition43(tempDir());
    const engine = pausingEngine(tempDir(), 'transcode');
    await engine.setSettings({ webhookUrl: 'http://127.0.0.1:9/hooks' });
    const uid = (await engine.addFiles({ paths: [file], options: { ladder: [240] } })).queued[0]!.uid;

    await expectPauseStands(engine, uid, 'transcode', { kind: 'ready' });
    expect((await engine.get({ uid })).playback).toBeNull();
    expect((await engine.history({ uid })).filter((e) => e.type === 'webhook')).toEqual([]);
    await engine.setSettings({ webhookUrl: null });
    await resumeToReady(engine, uid);
  }, 120_000);

  it('stands after a delivery attempt: its retry is not scheduled, nothing more is sent', async () => {
    const tus = await startTusServer();
    cleanups.push(() => tus.close());
    tus.fail({ method: 'POST', status: 503, times: 1 });
    const file = await make.noisyMp4(tempDir(), 1);
    const engine = pausingEngine(tempDir(), 'deliver');
    const target = await engine.saveTarget({ name: 'archive', provider: 'tus', mode: 'push', endpoint: tus.endpoint });
    const added = await engine.addFiles({ paths: [file], options: { transcode: false, deliverTo: [target.id] } });
    const uid = added.queued[0]!.uid;

    await engine.run();
    const video = await engine.get({ uid });
    // A ready video's pause takes it out of the deliver stage; its delivery waits, unsent.
    expect(video.status).toMatchObject({ state: 'ready', step: 'done' });
    expect(video.deliveries).toMatchObject([{ state: 'queued' }]);
    const history = await engine.history({ uid });
    expect(history.map((e) => e.type)).toContain('deliveries-paused');
    expect(dropped(history)).toEqual([
      {
        stage: 'deliver',
        outcome: { kind: 'next', stage: 'deliver' },
        found: { state: 'ready', stage: 'done', owner: null },
      },
    ]);
    // The failed POST and nothing after it, though its retry was due within a second.
    expect(tus.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 503']);

    expect(await engine.resume({ uids: [uid] })).toEqual({ changed: 1 });
    await engine.run();
    expect((await engine.get({ uid })).deliveries).toMatchObject([{ state: 'ready' }]);
  }, 120_000);

  it('stands when the video is paused and resumed meanwhile: the old work is never committed, nor run twice at once', async () => {
    const body = fs.readFileSync(await make.standardDefinition43(tempDir()));
    const origin = await startOrigin({ '/v.avi': { kind: 'file', body } });
    cleanups.push(() => origin.close());
    const dataDir = tempDir();
    let running = 0;
    let mostAtOnce = 0;
    let first = true;
    const engine = createEngine({
      dataDir,
      wrapStage: (name, run) =>
        name !== 'fetch'
          ? run
          : async (context, claimed) => {
              running++;
              mostAtOnce = Math.max(mostAtOnce, running);
              try {
                const outcome = await run(context, claimed);
                if (first) {
                  first = false;
                  // Paused and queued again elsewhere: the video waits as new, while this work still
                  // holds its outcome, and for longer than the scheduler takes to look again.
                  await elsewhere('pause', dataDir, claimed.video.uid);
                  await elsewhere('resume', dataDir, claimed.video.uid);
                  await new Promise((resolve) => setTimeout(resolve, 1500));
                }
                return outcome;
              } finally {
                running--;
              }
            },
    });
    cleanups.push(() => engine.close());
    const uid = (await engine.addLinks({ links: [{ url: origin.url('/v.avi') }], options: { transcode: false } }))
      .queued[0]!.uid;
    await engine.run();

    expect(mostAtOnce).toBe(1);
    expect(dropped(await engine.history({ uid }))).toEqual([
      {
        stage: 'fetch',
        outcome: { kind: 'ready' },
        found: { state: 'queued', stage: 'fetch', owner: null },
      },
    ]);
    // Downloaded again under its new claim, and ready from that.
    expect(origin.served.gets.get('/v.avi')).toBe(2);
    expect((await engine.get({ uid })).status.state).toBe('ready');
  }, 120_000);
});
