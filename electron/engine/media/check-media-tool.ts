/**
 * Proves that a candidate binary is the tool it claims to be by running it: `-version`, and for
 * ffmpeg the encoder list, the muxer options the transcoder relies on, and a one-frame encode.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import type { Candidate, ToolName } from './locate-media-tools';
import { envVariable } from './locate-media-tools';
import {
  hardwareEncoders,
  parseEncoders,
  parseMuxerOptions,
  parseVersion,
  type ToolVersion,
} from './parse-ffmpeg-info';

const run = promisify(execFile);
const timeout = 20_000;

export interface FfmpegCapabilities {
  encoders: string[];
  hardwareEncoders: string[];
  /** Options of the dash muxer (hls_playlist, seg_duration, adaptation_sets …). */
  dashOptions: string[];
  /** Options of the hls muxer (hls_segment_type, master_pl_name, var_stream_map …). */
  hlsOptions: string[];
}

export interface MediaTool extends Candidate {
  tool: ToolName;
  version: ToolVersion;
  /** Present for ffmpeg only. */
  capabilities?: FfmpegCapabilities;
  /** Why candidates before this one were passed over (for `ferry doctor`). */
  skipped?: string[];
}

export class MediaToolError extends Error {
  constructor(
    readonly tool: ToolName,
    readonly candidate: Candidate,
    message: string,
  ) {
    super(message);
    this.name = 'MediaToolError';
  }
}

function remedy(tool: ToolName, candidate: Candidate): string {
  return candidate.origin === 'env'
    ? `Set ${envVariable(tool)} to the full path of a working ${tool}, or unset it to use the bundled one.`
    : `Reinstall Ferry's dependencies (npm install), install ${tool} on your PATH, or set ${envVariable(tool)}.`;
}

async function output(file: string, args: string[]): Promise<string> {
  const { stdout, stderr } = await run(file, args, { timeout, maxBuffer: 16 * 1024 * 1024, windowsHide: true });
  return `${stdout}${stderr}`;
}

/**
 * `samples`: small media files (made by the chosen ffmpeg) that an ffprobe must read without
 * failing. Some packaged ffprobe builds pass `-version` and then crash on every MPEG-TS file.
 */
export async function checkMediaTool(tool: ToolName, candidate: Candidate, samples: string[] = []): Promise<MediaTool> {
  const where = `${candidate.path} (from ${candidate.from})`;
  const fail = (problem: string): never => {
    throw new MediaToolError(tool, candidate, `${tool} ${problem}: ${where}. ${remedy(tool, candidate)}`);
  };

  let stat: fs.Stats;
  try {
    stat = fs.statSync(candidate.path);
  } catch {
    return fail('not found');
  }
  if (!stat.isFile()) fail('is not a file');
  try {
    fs.accessSync(candidate.path, fs.constants.X_OK);
  } catch {
    fail(`is not executable (on macOS or Linux: chmod +x "${candidate.path}")`);
  }

  let versionText: string;
  try {
    versionText = await output(candidate.path, ['-version']);
  } catch (error) {
    return fail(`could not be run (${(error as Error).message.split('\n')[0]})`);
  }
  const version = parseVersion(versionText, tool);
  if (!version) {
    const said = versionText.trim().split('\n')[0]?.slice(0, 80) ?? '';
    return fail(`is not ${tool}: "-version" printed "${said}"`);
  }
  if (tool === 'ffprobe') {
    for (const sample of samples) {
      try {
        await output(candidate.path, ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', sample]);
      } catch (error) {
        const { signal, code } = error as { signal?: string | null; code?: number | string };
        const how = signal ? `crashed (${signal})` : `failed (exit code ${String(code)})`;
        fail(`${how} reading a ${sample.split('.').pop()?.toUpperCase() ?? ''} test file`);
      }
    }
    return { ...candidate, tool, version };
  }

  try {
    const [encodersText, dashText, hlsText] = await Promise.all([
      output(candidate.path, ['-hide_banner', '-encoders']),
      output(candidate.path, ['-hide_banner', '-h', 'muxer=dash']),
      output(candidate.path, ['-hide_banner', '-h', 'muxer=hls']),
    ]);
    const encoders = parseEncoders(encodersText);
    const videoEncoder = encoders.includes('libx264') ? 'libx264' : 'mpeg4';
    await output(candidate.path, [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'nullsrc=s=64x64:d=0.04',
      '-frames:v',
      '1',
      '-c:v',
      videoEncoder,
      '-f',
      'null',
      '-',
    ]);
    return {
      ...candidate,
      tool,
      version,
      capabilities: {
        encoders,
        hardwareEncoders: hardwareEncoders(encoders),
        dashOptions: parseMuxerOptions(dashText),
        hlsOptions: parseMuxerOptions(hlsText),
      },
    };
  } catch (error) {
    return fail(`failed a one-frame test encode (${(error as Error).message.split('\n').slice(0, 2).join(' ')})`);
  }
}
