/**
 * Text from the command line into the numbers and switches the contract takes. Only the reading
 * is done here; whether a value is in range is the contract's schemas' to say. Pure.
 */
import { UsageError } from './cli-context';

/** A number, or a usage error naming where it was given (`--limit`, `concurrency.downloads`). */
export function parseNumber(where: string, text: string): number {
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new UsageError(`${where} takes a number, not "${text}".`);
  return value;
}

const byteUnits: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/** Bytes as people write them: `2147483648`, `2GiB`, `500 MB`, `1.5gb` (KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024). */
export function parseBytes(where: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = byteUnits[(match?.[2] || 'b').toLowerCase()];
  if (!match || unit === undefined)
    throw new UsageError(`${where} takes a size such as 2GiB, 500MB or a number of bytes, not "${text}".`);
  return Math.round(Number(match[1]) * unit);
}

/** true/false, yes/no, on/off. */
export function parseSwitch(where: string, text: string): boolean {
  const value = text.trim().toLowerCase();
  if (['true', 'yes', 'on'].includes(value)) return true;
  if (['false', 'no', 'off'].includes(value)) return false;
  throw new UsageError(`${where} takes true or false, not "${text}".`);
}
