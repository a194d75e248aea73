/**
 * `clip` (Cloudflare Stream's `POST …/stream/clip`): a new video that is part of another, times
 * given on the parent as it plays (after its own trim). It is made from the parent's source when
 * that is still on disk (one generation of encoding, and a passthrough source stays lossless),
 * else from the parent's MP4; either way it is a video of its own with `clippedFrom` set.
 */
import fs from 'node:fs';
import type { CommandInput } from '../../../shared/api';
import { FerryError } from '../../../shared/ferry-error';
import { formatSeconds, trimmedDuration, type Trim } from '../../../shared/trim';
import type { Video } from '../../../shared/video';
import type { EngineContext } from '../context/engine-context';
import { addFiles } from './add-files';

/** Cloudflare's words for an end past the parent's length, kept so its clients recognise it. */
export const clipTooLong = 'Requested encoding duration exceeds clip length';

/** What the clip is made from, and its in and out points in that file. Pure. */
export function planClip(
  parent: { trim: Trim | null; sourcePath: string | null; mp4: string | null },
  sourceDuration: number,
  wanted: { start: number; end: number },
): { ok: true; file: string; trim: Trim } | { ok: false; field: 'start' | 'end' | 'uid'; message: string } {
  const length = trimmedDuration(sourceDuration, parent.trim);
  if (wanted.end > length + 0.05)
    return {
      ok: false,
      field: 'end',
      message: `${clipTooLong}: ${wanted.end} s is past the end of the video (${formatSeconds(length)}); give at most ${Math.floor(length * 1000) / 1000}`,
    };
  if (wanted.start >= length)
    return {
      ok: false,
      field: 'start',
      message: `${wanted.start} s is at or past the end of the video (${formatSeconds(length)}): give an earlier start`,
    };
  const end = Math.min(wanted.end, length);
  if (parent.sourcePath) {
    const offset = parent.trim?.start ?? 0;
    return { ok: true, file: parent.sourcePath, trim: { start: offset + wanted.start, end: offset + end } };
  }
  if (parent.mp4) return { ok: true, file: parent.mp4, trim: { start: wanted.start, end } };
  return {
    ok: false,
    field: 'uid',
    message: 'the video has neither its original nor its outputs any more: add the original again and clip that',
  };
}

export async function clipVideo(context: EngineContext, input: CommandInput<'clip'>): Promise<Video> {
  const parent = context.store.get(input.uid);
  if (!parent) throw new FerryError('NOT_FOUND', `No video with uid ${input.uid} in ${context.paths.dataDir}.`);
  const info = context.store.mediaInfoOf(input.uid);
  if (parent.status.state !== 'ready')
    throw new FerryError(
      'ILLEGAL_TRANSITION',
      `Video ${input.uid} is not ready (it is ${parent.status.state}): clip it once it is ready.`,
    );
  // Kept as its original without a transcode: never probed, so its length is not known.
  if (!info)
    throw new FerryError(
      'ILLEGAL_TRANSITION',
      `Video ${input.uid} was kept as its original without transcoding, so its length is not known: add it again with transcoding to clip it.`,
    );
  const onDisk = (file: string | null | undefined) => (file && fs.existsSync(file) ? file : null);
  const mp4 = parent.downloads?.default ?? null;
  const plan = planClip(
    {
      trim: parent.trim,
      // A video kept without transcoding has its original as its MP4: either serves.
      sourcePath: onDisk(parent.source.path),
      mp4: parent.outputsDeletedAt ? null : onDisk(mp4),
    },
    info.duration,
    input,
  );
  if (!plan.ok)
    throw new FerryError('INVALID_INPUT', `${plan.message}.`, [{ path: plan.field, message: plan.message }]);
  const name = input.options?.meta?.name ?? parent.meta.name;
  const added = await addFiles(context, {
    paths: [plan.file],
    options: {
      ...input.options,
      trim: plan.trim,
      meta: { ...input.options?.meta, ...(name ? { name } : {}) },
      // Every clip is a video of its own, as on Cloudflare, however many were cut from the same file.
      duplicates: 'allow',
    },
  });
  const clip = added.queued[0];
  if (!clip)
    throw new FerryError(
      'INTERNAL',
      `The clip of ${input.uid} could not be queued: ${added.invalid[0]?.reason ?? 'unknown reason'}.`,
    );
  context.edits.editDoc(clip.uid, (doc) => ({ ...doc, clippedFrom: parent.uid }));
  context.store.record(clip.uid, 'clipped', { from: parent.uid, start: input.start, end: input.end });
  return context.store.get(clip.uid) ?? clip;
}
