/** `ferry settings download.*`, through the real CLI: how fast links may download, and in which hours. */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { runFerry } from './ferry-in-process';

describe('ferry settings download.*', () => {
  it('caps all downloads together with a speed as people write it, or none', async () => {
    const dataDir = tempDir();
    const settings = (...args: string[]) => runFerry(['settings', ...args, '--data-dir', dataDir]);
    expect((await settings()).stdout).toMatch(/download\.maxBytesPerSecond\s+none\n/);
    expect((await settings('download.maxBytesPerSecond', '2MiB/s')).stdout).toBe(
      'download.maxBytesPerSecond = 2097152 (2.0 MiB/s)\n',
    );
    const slow = await settings('download.maxBytesPerSecond', '1000');
    expect(slow.code).toBe(2);
    expect(slow.stderr).toContain('download.maxBytesPerSecond: must be at least 64 KiB a second');
    expect((await settings('download.maxBytesPerSecond', 'none')).stdout).toBe('download.maxBytesPerSecond = none\n');
  });

  it('keeps downloads to the hours given, past midnight too, or any time', async () => {
    const dataDir = tempDir();
    const settings = (...args: string[]) => runFerry(['settings', ...args, '--data-dir', dataDir]);
    expect((await settings('download.hours')).stdout).toBe('any time\n');
    expect((await settings('download.hours', '22:00-7:00')).stdout).toBe('download.hours = 22:00-07:00\n');
    expect(JSON.parse((await settings('--json')).stdout)).toMatchObject({
      download: { maxBytesPerSecond: null, hours: { start: '22:00', end: '07:00' } },
    });
    const late = await settings('download.hours', '22:00-25:00');
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('must be a time of day, HH:MM (00:00 to 23:59)');
    const words = await settings('download.hours', 'nights');
    expect(words.code).toBe(2);
    expect(words.stderr).toContain('takes two times such as 22:00-07:00');
    expect((await settings('download.hours', 'none')).stdout).toBe('download.hours = any time\n');
  });
});
