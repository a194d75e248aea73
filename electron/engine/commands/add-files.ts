/**
 * "Add files": local videos go into the queue at the probe stage. A folder stands for the videos
 * inside it, recursively (scan-folder.ts), its other files reported as skipped. A path that is
 * missing is reported, not queued; a file already queued or finished (same path, size and
 * modification time) is reported as a duplicate. Each file's content fingerprint is kept with its
 * video (findByFingerprint), so the same content added again from elsewhere can be flagged.
 */
import fs from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import type { AddResult, CommandInput } from '../../../shared/api';
import type { VideoDetails } from '../../../shared/video';
import type { NewVideo, QueueOptions } from '../store/queue-job';
import type { EngineContext } from '../context/engine-context';
import { FerryError } from '../../../shared/ferry-error';
import { TimeSlice } from '../../../shared/time-slice';
import { insertInBatches, videosOf } from './queue-in-batches';
import { fileFingerprint } from '../sources/file-fingerprint';
import { scanFolder } from './scan-folder';

/** The Video-object fields that the ingest options set. */
export function detailsFromOptions(options: CommandInput<'addFiles'>['options'], name?: string): Partial<VideoDetails> {
  const details: Partial<VideoDetails> = { meta: { ...options?.meta, ...(name ? { name } : {}) } };
  if (options?.thumbnailTimestampPct !== undefined) details.thumbnailTimestampPct = options.thumbnailTimestampPct;
  if (options?.maxDurationSeconds !== undefined) details.maxDurationSeconds = options.maxDurationSeconds;
  if (options?.maxSizeBytes !== undefined) details.maxSizeBytes = options.maxSizeBytes;
  if (options?.trim) details.trim = options.trim;
  if (options?.watermark) details.watermark = options.watermark;
  if (options?.requireSignedURLs !== undefined) details.requireSignedURLs = options.requireSignedURLs;
  if (options?.allowedOrigins) details.allowedOrigins = options.allowedOrigins;
  if (options?.creator !== undefined) details.creator = options.creator;
  // Stored in UTC so that the housekeeping query can compare dates as text.
  if (options?.scheduledDeletion) details.scheduledDeletion = new Date(options.scheduledDeletion).toISOString();
  return details;
}

/** The options the queue keeps beside the Video object (see QueueOptions). */
export function queueOptions(options: CommandInput<'addFiles'>['options']): { options?: QueueOptions } {
  const kept: QueueOptions = {};
  if (options?.ladder) kept.ladder = options.ladder;
  if (options?.preset) kept.preset = options.preset;
  if (options?.codec) kept.codec = options.codec;
  if (options?.transcode === false) kept.transcode = false;
  if (options?.deliverTo?.length) kept.deliverTo = options.deliverTo;
  if (options?.privateNetworks === false) kept.privateNetworks = false;
  return Object.keys(kept).length > 0 ? { options: kept } : {};
}

export async function addFiles(context: EngineContext, input: CommandInput<'addFiles'>): Promise<AddResult> {
  const result: AddResult = { queued: [], duplicates: [], invalid: [] };
  const fresh: NewVideo[] = [];
  const files: { given: string; file: string; stat: Stats }[] = [];
  const slice = new TimeSlice();
  if (input.uid !== undefined && context.store.get(input.uid))
    throw new FerryError('INVALID_INPUT', `uid: ${input.uid} is the uid of a video already; give another, or none.`, [
      { path: 'uid', message: 'is the uid of a video already' },
    ]);
  for (const given of input.paths) {
    const file = path.resolve(given);
    let stat: Stats;
    try {
      stat = await fs.stat(file);
    } catch {
      result.invalid.push({ input: given, reason: `No such file: ${file}` });
      continue;
    }
    if (stat.isDirectory()) {
      const scanned = await scanFolder(file);
      if (scanned.skipped.length > 0) result.skipped = [...(result.skipped ?? []), ...scanned.skipped];
      if (scanned.videos.length === 0)
        result.invalid.push({ input: given, reason: `No video files in the folder ${file} or its subfolders.` });
      for (const video of scanned.videos) files.push({ given: video, file: video, stat: await fs.stat(video) });
    } else if (stat.isFile()) files.push({ given, file, stat });
    else result.invalid.push({ input: given, reason: `Not a file or folder: ${file}.` });
  }
  if (input.uid !== undefined && files.length > 1)
    throw new FerryError('INVALID_INPUT', 'uid: names the video of one file; the folder given holds several.', [
      { path: 'uid', message: 'names the video of one file' },
    ]);
  for (const { given, file, stat } of files) {
    await slice.turn();
    const sourceKey = `file:${file}:${stat.size}:${Math.round(stat.mtimeMs)}`;
    const existing = input.options?.duplicates === 'allow' ? undefined : context.store.findActiveBySourceKey(sourceKey);
    if (existing) {
      result.duplicates.push({ input: given, uid: existing });
      continue;
    }
    // An upload's file is named by its id (the uid given): no name is better than that.
    const fileName = input.uid === path.basename(file) ? undefined : path.basename(file);
    const name = input.options?.meta?.name ?? fileName;
    fresh.push({
      fingerprint: await fileFingerprint(file),
      ...(input.uid !== undefined ? { uid: input.uid } : {}),
      source: { kind: 'file', path: file },
      stage: 'probe',
      ...(name ? { name } : {}),
      sourceKey,
      doc: detailsFromOptions(input.options, name),
      ...queueOptions(input.options),
    });
  }
  result.queued = await videosOf(context, await insertInBatches(context, fresh));
  return result;
}
