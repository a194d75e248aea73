/**
 * Looks at a local file: its first bytes, its size, then ffprobe (limited to local files and to
 * the formats in media-formats.ts). Answers MediaInfo, or the error a user should see.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import { probeFormatWhitelist } from './media-formats';
import { nameNotPath } from './name-not-path';
import { readProbe, type FfprobeOutput, type Limits, type ProbeVerdict } from './read-probe';
import { readFirstBytes, sniffContent } from './sniff-content';

const run = promisify(execFile);

export interface ProbeLimits extends Limits {
  maxSizeBytes?: number;
}

export async function probeMedia(ffprobe: string, file: string, limits: ProbeLimits = {}): Promise<ProbeVerdict> {
  const stat = await fs.stat(file);
  if (limits.maxSizeBytes !== undefined && limits.maxSizeBytes > 0 && stat.size > limits.maxSizeBytes) {
    return {
      ok: false,
      code: 'ERR_SIZE_EXCEED_CONSTRAINT',
      text: `The file is ${stat.size} bytes, over the limit of ${limits.maxSizeBytes} bytes set for it.`,
    };
  }
  const sniffed = sniffContent(readFirstBytes(file));
  if (sniffed.kind === 'hls' || sniffed.kind === 'dash') {
    return {
      ok: false,
      code: 'ERR_STREAMING_MANIFEST',
      text: `This is a streaming playlist (${sniffed.kind.toUpperCase()}), not a video file. Give Ferry the original video instead.`,
    };
  }

  let probe: FfprobeOutput;
  try {
    const { stdout } = await run(
      ffprobe,
      [
        '-v',
        'error',
        '-protocol_whitelist',
        'file',
        '-format_whitelist',
        probeFormatWhitelist,
        '-show_format',
        '-show_streams',
        '-of',
        'json',
        file,
      ],
      { maxBuffer: 16 * 1024 * 1024, timeout: 120_000, windowsHide: true },
    );
    probe = JSON.parse(stdout) as FfprobeOutput;
  } catch (error) {
    const said = nameNotPath(((error as { stderr?: string }).stderr ?? '').trim().split('\n').pop() ?? '', file);
    if (sniffed.kind === 'container') {
      return {
        ok: false,
        code: 'ERR_MALFORMED_VIDEO',
        text: `The file looks like ${sniffed.name} but cannot be read (${said || 'unreadable'}): it is damaged or incomplete. Export or download it again.`,
      };
    }
    const what =
      sniffed.kind === 'image'
        ? `a still image (${sniffed.name})`
        : sniffed.kind === 'audio'
          ? `audio (${sniffed.name})`
          : sniffed.kind === 'html'
            ? 'a web page'
            : 'not a video';
    return { ok: false, code: 'ERR_NON_VIDEO', text: `This file is ${what}. Ferry needs a video file.` };
  }
  const verdict = readProbe(probe, limits);
  if (verdict.ok && verdict.info.size < 0) verdict.info.size = stat.size;
  return verdict;
}
