/**
 * Who holds a claim. An owner id names the host and process, so that at start-up a claim held
 * by a process that no longer exists can be released at once instead of waiting for its lease
 * to expire.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';

export function newLeaseOwner(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * False only when the owner is certainly gone: same host, and no such process (or this very
 * process id, reused by us after a restart: the random suffix tells the two apart).
 */
export function isOwnerAlive(owner: string, self: string): boolean {
  if (owner === self) return true;
  const [host, pidText] = owner.split(':');
  if (host !== os.hostname()) return true;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
