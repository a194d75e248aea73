/**
 * A queue as a producer has it after an import, on a real engine: one download running from a
 * loopback origin that trickles its file (so it keeps running), and `count` links waiting behind
 * it (one download at a time), named as course files are. The caller closes the origin.
 */
import { startOrigin } from '../../helpers/origin-server';
import { until } from '../../helpers/wait-for';
import type { ServedApp } from './serve-app';

export type Origin = Awaited<ReturnType<typeof startOrigin>>;

export const runningName = 'Course 00 - Welcome and what you will learn in this course';
export const waitingName = (i: number) =>
  `Course ${String(i + 1).padStart(2, '0')} - Lesson ${i + 1} of the series, full lecture`;

export async function seedQueue(app: ServedApp, count: number): Promise<{ origin: Origin; uids: string[] }> {
  const { engine } = app.served;
  // Never downloaded whole (it trickles), so any bytes do.
  const body = Buffer.alloc(4 * 1024 * 1024, 7);
  const origin = await startOrigin({});
  const trickle = { chunkBytes: 1024, everyMs: 200 };
  await engine.setSettings({ concurrency: { downloads: 1, downloadsPerHost: 1, transcodes: 1, deliveries: 1 } });
  origin.routes['/running.avi'] = { kind: 'file', body, contentType: 'video/x-msvideo', trickle };
  const running = await engine.addLinks({ links: [{ url: origin.url('/running.avi'), name: runningName }] });
  await until(async () => (await engine.get({ uid: running.queued[0]!.uid })).status.state === 'downloading', 30_000);
  const links = Array.from({ length: count }, (_, i) => {
    origin.routes[`/waiting-${i}.avi`] = { kind: 'file', body, contentType: 'video/x-msvideo', trickle };
    return { url: origin.url(`/waiting-${i}.avi`), name: waitingName(i) };
  });
  const waiting = await engine.addLinks({ links });
  return { origin, uids: [running.queued[0]!.uid, ...waiting.queued.map((v) => v.uid)] };
}
