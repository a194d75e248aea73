/**
 * Runs ffmpeg with an argument array (never a shell), at a lower OS priority so the desktop stays
 * responsive, reporting `-progress` as it comes and keeping the tail of stderr for the error
 * case. Aborting kills the process and waits for it to be gone.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { parseProgressBlock, takeProgressBlocks, type FfmpegProgress } from './parse-ffmpeg-progress';

export interface FfmpegRun {
  ffmpeg: string;
  args: string[];
  cwd?: string;
  signal?: AbortSignal;
  onProgress?: (progress: FfmpegProgress) => void;
  /** Lower priority for long encodes (default true). */
  background?: boolean;
}

export interface FfmpegResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderrTail: string;
  lastProgress: FfmpegProgress | null;
}

export class FfmpegAbortedError extends Error {
  constructor() {
    super('ffmpeg was stopped.');
    this.name = 'AbortError';
  }
}

const tailBytes = 8 * 1024;

export function runFfmpeg(options: FfmpegRun): Promise<FfmpegResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new FfmpegAbortedError());
      return;
    }
    const child = spawn(options.ffmpeg, options.args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    if (options.background !== false && child.pid !== undefined) {
      try {
        os.setPriority(child.pid, 15);
      } catch (error) {
        // Not fatal: the encode only competes harder with the desktop.
        process.emitWarning(`Could not lower ffmpeg's priority: ${(error as Error).message}`);
      }
    }
    let stderrTail = '';
    let pending = '';
    let lastProgress: FfmpegProgress | null = null;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-tailBytes);
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const { blocks, rest } = takeProgressBlocks(pending + chunk);
      pending = rest;
      for (const block of blocks) {
        const progress = parseProgressBlock(block);
        if (progress) {
          lastProgress = progress;
          options.onProgress?.(progress);
        }
      }
    });
    const abort = () => child.kill('SIGKILL');
    options.signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', abort);
      reject(error);
    });
    child.on('close', (code, signal) => {
      options.signal?.removeEventListener('abort', abort);
      if (options.signal?.aborted) reject(new FfmpegAbortedError());
      else resolve({ code, signal, stderrTail, lastProgress });
    });
  });
}
