/**
 * `ferry doctor`: can Ferry work here? Checks ffmpeg and ffprobe (each found, then both on a
 * clip ffmpeg writes and ffprobe reads back), the database, free space and where credentials are
 * kept, and says what is wrong and what to do. Reports, never repairs.
 */
import fs from 'node:fs';
import type { VideoState } from '../../shared/video-states';
import { createEngine } from './create-engine';
import { credentialVaultWarnings } from './delivery/check-credential-vault';
import type { MediaTool } from './media/check-media-tool';
import { resolveEveryMediaTool, type CandidateVerdict, type NoMediaToolError } from './media/find-media-tools';
import type { ToolName } from './media/locate-media-tools';
import type { HardwareCheck } from './media/plan-hardware-encoder';
import { tryMediaPair, type ToolTrial } from './media/try-media-pair';
import { verifyHardwareEncoders } from './media/verify-hardware-encoders';

export interface ToolReport {
  ok: boolean;
  path?: string;
  origin?: MediaTool['origin'];
  from?: string;
  version?: string;
  /** Key encoders present (libx264, aac …) and any hardware encoders. */
  encoders?: string[];
  hardwareEncoders?: string[];
  /** The one-second test encode of each hardware H.264/HEVC encoder: only those that passed are used. */
  hardwareChecks?: HardwareCheck[];
  error?: string;
  /** Candidates passed over before this one, and why. */
  skipped?: string[];
  /** Its part in writing and reading back a 1-second MPEG-TS and MP4 clip. */
  trial?: ToolTrial;
  /** Every candidate found, chosen or not: where from, and whether it works or why not. */
  candidates: CandidateReport[];
}

export interface CandidateReport {
  path: string;
  origin: MediaTool['origin'];
  from: string;
  chosen: boolean;
  ok: boolean;
  version?: string;
  error?: string;
}

export interface DoctorReport {
  ok: boolean;
  problems: string[];
  warnings: string[];
  ffmpeg: ToolReport;
  ffprobe: ToolReport;
  /** matched: both from one build (the bundled pair, or one PATH directory). */
  toolPair: 'matched' | 'mixed' | 'incomplete';
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

function candidateReports(tool: ToolName, chosen: MediaTool | NoMediaToolError, verdicts: CandidateVerdict[]) {
  return verdicts
    .filter((v) => v.tool === tool)
    .map(({ candidate, outcome }): CandidateReport => {
      const report = { path: candidate.path, origin: candidate.origin, from: candidate.from };
      const isChosen =
        !(chosen instanceof Error) && chosen.path === candidate.path && chosen.origin === candidate.origin;
      return outcome instanceof Error
        ? { ...report, chosen: false, ok: false, error: outcome.message }
        : { ...report, chosen: isChosen, ok: true, version: outcome.version.raw };
    });
}

function toolReport(found: MediaTool | NoMediaToolError, candidates: CandidateReport[]): ToolReport {
  if (found instanceof Error) return { ok: false, error: found.message, candidates };
  const report: ToolReport = {
    ok: true,
    path: found.path,
    origin: found.origin,
    from: found.from,
    version: found.version.raw,
    candidates,
  };
  if (found.skipped) report.skipped = found.skipped;
  if (found.capabilities) {
    report.encoders = keyEncoders.filter((e) => found.capabilities?.encoders.includes(e));
    report.hardwareEncoders = found.capabilities.hardwareEncoders;
  }
  return report;
}

/** Finds both tools, and when both are there, has them make and read a clip together. */
async function toolReports(env: NodeJS.ProcessEnv): Promise<Pick<DoctorReport, 'ffmpeg' | 'ffprobe' | 'toolPair'>> {
  const found = await resolveEveryMediaTool(env);
  const verdicts = found.candidates ?? [];
  const ffmpeg = toolReport(found.ffmpeg, candidateReports('ffmpeg', found.ffmpeg, verdicts));
  const ffprobe = toolReport(found.ffprobe, candidateReports('ffprobe', found.ffprobe, verdicts));
  if (found.ffmpeg instanceof Error || found.ffprobe instanceof Error)
    return { ffmpeg, ffprobe, toolPair: 'incomplete' };
  ffmpeg.hardwareChecks = await verifyHardwareEncoders({
    ...found.ffmpeg,
    encoders: found.ffmpeg.capabilities?.encoders ?? [],
  });
  const trial = await tryMediaPair(found.ffmpeg, found.ffprobe);
  ffmpeg.trial = trial.ffmpeg;
  ffprobe.trial = trial.ffprobe;
  return { ffmpeg, ffprobe, toolPair: found.matched ? 'matched' : 'mixed' };
}

export async function runDoctor(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<DoctorReport> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const { ffmpeg, ffprobe, toolPair } = await toolReports(env);
  for (const skipped of [...(ffmpeg.skipped ?? []), ...(ffprobe.skipped ?? [])]) warnings.push(`Not used: ${skipped}`);
  if (ffmpeg.error) problems.push(ffmpeg.error);
  if (ffprobe.error) problems.push(ffprobe.error);
  if (ffmpeg.trial?.error) problems.push(`ffmpeg at ${ffmpeg.path} ${ffmpeg.trial.error}.`);
  if (ffprobe.trial?.error) problems.push(`ffprobe at ${ffprobe.path} ${ffprobe.trial.error}.`);
  if (toolPair === 'mixed' && ffmpeg.origin !== 'env' && ffprobe.origin !== 'env') {
    warnings.push(
      `ffmpeg (${ffmpeg.from ?? ''}) and ffprobe (${ffprobe.from ?? ''}) come from different builds, as no single build of both works here.`,
    );
  }
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
    toolPair,
    dataDir,
    database,
    disk: minFreeBytes === undefined ? { freeBytes } : { freeBytes, minFreeBytes },
  };
}
