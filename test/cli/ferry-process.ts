/**
 * The real `ferry` binary in processes of its own, for what needs one (its exit code, signals, two
 * processes on one queue), long-lived ones stopped after the test; and what CLI tests share.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { Video } from '../../shared/video';
import { finished, repoRoot, spawnNode, type Finished } from '../helpers/spawn-ts';
import { startTusServer, type TusTestServer } from '../helpers/tus-server';
import { runFerry } from './ferry-in-process';

export const bin = path.join(repoRoot, 'bin/ferry.mjs');

/**
 * One `ferry` command run to its end by the real binary, in a process of its own, with `env` added
 * to this process's environment and `input`, when given, piped to its stdin. Started as a shell
 * starts it, `node bin/ferry.mjs`: the binary registers tsx itself.
 */
export const ferry = (args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<Finished> =>
  finished(spawnNode([bin, ...args], env, input), 120_000);

/**
 * No keychain in a test's environment: the opt-in file store stands in for it
 * (test/engine/delivery/keychain-credentials.test.ts covers the keychain itself).
 */
export const fileStore = { FERRY_CREDENTIALS: 'file' };

/** `ferry target add <name> --provider tus --endpoint <endpoint>`, then `more`. */
export const addTusTargetArgs = (name: string, endpoint: string, ...more: string[]): string[] => [
  'target',
  'add',
  name,
  '--provider',
  'tus',
  '--endpoint',
  endpoint,
  ...more,
];

const tusServers: TusTestServer[] = [];
afterEach(async () => {
  await Promise.all(tusServers.splice(0).map((server) => server.close()));
});

/** A TUS server for one test, closed after it. */
export async function tusServerForTest(options?: Parameters<typeof startTusServer>[0]): Promise<TusTestServer> {
  const server = await startTusServer(options);
  tusServers.push(server);
  return server;
}

export interface RunningFerry {
  child: ChildProcess;
  pid: number;
  /** Settles when the process ends (killed after 120 s). */
  done: Promise<Finished>;
  stderr(): string;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A ferry process left running; killed after the test if it has not ended. */
export function startFerry(args: string[]): RunningFerry {
  const child = spawnNode([bin, ...args]);
  running.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  if (child.pid === undefined) throw new Error(`ferry ${args.join(' ')} did not start`);
  return { child, pid: child.pid, done: finished(child, 120_000), stderr: () => stderr };
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The parent of a process (`ps`, on macOS and Linux alike), or undefined when it is gone. */
export function parentPid(pid: number): number | undefined {
  const ps = spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' });
  const parent = Number(ps.stdout.trim());
  return ps.status === 0 && parent > 0 ? parent : undefined;
}

/**
 * Whether `ferry run --watch` (process `cli`) works the data directory's queue: through its engine,
 * which runs in a child process of its own and holds the runner lock.
 */
export function workedBy(dataDir: string, cli: number | undefined): boolean {
  const runner = runnerPid(dataDir);
  return runner !== undefined && cli !== undefined && parentPid(runner) === cli;
}

/** The process holding the data directory's runner lock, read as another process would. */
export function runnerPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'ferry.db');
  if (!fs.existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // A process that has just created the file may not have made its tables yet.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'settings'").get()) return undefined;
    const value = db.prepare("SELECT value FROM settings WHERE key = 'runner'").pluck().get() as string | undefined;
    const runner = value ? (JSON.parse(value) as { pid: number } | null) : null;
    return runner?.pid;
  } finally {
    db.close();
  }
}

export async function listVideos(dataDir: string): Promise<Video[]> {
  const result = await runFerry(['list', '--json', '--limit', '1000', '--data-dir', dataDir]);
  if (result.code !== 0) throw new Error(`ferry list failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { videos: Video[] }).videos;
}

export async function statesByUid(dataDir: string): Promise<Record<string, string>> {
  return Object.fromEntries((await listVideos(dataDir)).map((v) => [v.uid, v.status.state]));
}

/** Queues links without working them, as a user would before `ferry run`. Answers their uids in list order. */
export async function queueLinks(dataDir: string, urls: string[], options: string[] = []): Promise<string[]> {
  const list = path.join(dataDir, `links-${Date.now()}.txt`);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(list, `${urls.join('\n')}\n`);
  const result = await runFerry(['import', list, '--queue-only', '--json', '--data-dir', dataDir, ...options]);
  if (result.code !== 0) throw new Error(`ferry import failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { report: { uids: string[] } }).report.uids;
}
