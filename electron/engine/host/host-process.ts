/**
 * A started engine process as its starter drives it, whatever started it: Node's
 * child_process.fork here (fork-engine-host.ts), Electron's utilityProcess in the app.
 */
import type { FromEngine, ToEngine } from '../../../shared/engine-messages';
import type { HostOptions } from './host-options';

export interface HostExit {
  code: number | null;
  signal: string | null;
}

export interface HostProcess {
  readonly pid: number | undefined;
  post(message: ToEngine): void;
  onMessage(listener: (message: FromEngine) => void): void;
  onExit(listener: (exit: HostExit) => void): void;
  /** The last lines it wrote to stderr, for the crash log. */
  stderrTail(): string;
  kill(): void;
  /** Electron only: hands the engine a window's MessagePortMain (the window holds the other end). */
  connectPort?(port: unknown): void;
}

export type SpawnHost = (options: HostOptions) => HostProcess;

/** Keeps the last `max` characters written to a stream, whole lines first. */
export function tailKeeper(max = 4000): { add(chunk: string): void; text(): string } {
  let kept = '';
  return {
    add(chunk) {
      kept = (kept + chunk).slice(-max);
    },
    text: () => kept.trim(),
  };
}

/** Passes a started engine's stderr through to this process's, keeping its tail for the crash log. */
export function followStderr(stderr: NodeJS.ReadableStream | null | undefined): ReturnType<typeof tailKeeper> {
  const tail = tailKeeper();
  stderr?.setEncoding('utf8');
  stderr?.on('data', (chunk: string) => {
    tail.add(chunk);
    process.stderr.write(chunk);
  });
  return tail;
}
