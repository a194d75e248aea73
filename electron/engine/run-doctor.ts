/**
 * `ferry doctor`: can Ferry work here? Checks ffmpeg and ffprobe, the database, free space and
 * where credentials are kept, and says what is wrong and what to do. Reports, never repairs.
 */
import fs from 'node:fs';
import type { VideoState } from '../../shared/video-states';
import { createEngine } from './create-engine';
import { credentialVaultWarnings } from './delivery/check-credential-vault';
import type { MediaTool } from './media/check-media-tool';
import { findMediaTool } from './media/find-media-tools';
import type { ToolName } from './media/locate-media-tools';

export interface ToolReport {
  ok: boolean;
  path?: string;
  origin?: MediaTool['origin'];
  from?: string;
  version?: string;
  /** Key encoders present (libx264, aac …) and any hardware encoders. */
  encoders?: string[];
  hardwareEncoders?: string[];
  error?: string;
  /** Candidates passed over before this one, and why. */
  skipped?: string[];
}

export interface DoctorReport {
  ok: boolean;
  problems: string[];
  warnings: string[];
  ffmpeg: ToolReport;
  ffprobe: ToolReport;
  dataDir: string;
  database: {
    path: string;
    ok: boolean;
    schemaVersion?: number;
    videosByState?: Record<VideoState, number>;
    error?: string;
  };
  disk: { freeBytes: number; minFreeBytes?: number };
}

const keyEncoders = ['libx264', 'libx265', 'libvpx-vp9', 'libaom-av1', 'libsvtav1', 'aac', 'libfdk_aac', 'libopus'];

async function toolReport(tool: ToolName, env: NodeJS.ProcessEnv): Promise<ToolReport> {
  try {
    const found = await findMediaTool(tool, env);
    const report: ToolReport = {
      ok: true,
      path: found.path,
      origin: found.origin,
      from: found.from,
      version: found.version.raw,
    };
    if (found.skipped) report.skipped = found.skipped;
    if (found.capabilities) {
      report.encoders = keyEncoders.filter((e) => found.capabilities?.encoders.includes(e));
      report.hardwareEncoders = found.capabilities.hardwareEncoders;
    }
    return report;
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export async function runDoctor(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<DoctorReport> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const [ffmpeg, ffprobe] = await Promise.all([toolReport('ffmpeg', env), toolReport('ffprobe', env)]);
  for (const skipped of [...(ffmpeg.skipped ?? []), ...(ffprobe.skipped ?? [])]) warnings.push(`Not used: ${skipped}`);
  if (ffmpeg.error) problems.push(ffmpeg.error);
  if (ffprobe.error) problems.push(ffprobe.error);
  if (ffmpeg.ok && !ffmpeg.encoders?.includes('libx264')) {
    problems.push(
      `ffmpeg at ${ffmpeg.path} has no libx264 encoder, which Ferry needs for H.264 renditions. Use a full ffmpeg build.`,
    );
  }

  let database: DoctorReport['database'];
  let minFreeBytes: number | undefined;
  try {
    const engine = createEngine({ dataDir, env });
    try {
      const totals = await engine.totals();
      minFreeBytes = (await engine.getSettings()).minFreeDiskBytes;
      database = {
        path: engine.paths.database,
        ok: true,
        schemaVersion: engine.schemaVersion,
        videosByState: totals.byState,
      };
    } finally {
      engine.close();
    }
  } catch (error) {
    const message = (error as Error).message;
    database = { path: dataDir, ok: false, error: message };
    problems.push(`The database cannot be opened: ${message}`);
  }

  warnings.push(...credentialVaultWarnings(dataDir, env));

  let freeBytes = -1;
  try {
    const stats = fs.statfsSync(dataDir);
    freeBytes = stats.bavail * stats.bsize;
    if (minFreeBytes !== undefined && freeBytes < minFreeBytes) {
      warnings.push(
        `Only ${(freeBytes / 1024 ** 3).toFixed(1)} GiB free in ${dataDir}; the queue pauses below ${(minFreeBytes / 1024 ** 3).toFixed(1)} GiB. Free some space or move the data directory.`,
      );
    }
  } catch (error) {
    problems.push(`Free space in ${dataDir} cannot be read: ${(error as Error).message}`);
  }

  return {
    ok: problems.length === 0,
    problems,
    warnings,
    ffmpeg,
    ffprobe,
    dataDir,
    database,
    disk: minFreeBytes === undefined ? { freeBytes } : { freeBytes, minFreeBytes },
  };
}
