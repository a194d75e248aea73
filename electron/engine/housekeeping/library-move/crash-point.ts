/**
 * The steps of a library move where its tests kill the moving process (FERRY_TEST_MOVE_CRASH_AT
 * names one): each must leave the old library or the new one whole and in use.
 */
export const moveCrashPoints = [
  'before-copy',
  'mid-copy',
  'after-verify',
  'mid-switch',
  'after-switch',
  'mid-removal',
] as const;
export type MoveCrashPoint = (typeof moveCrashPoints)[number];

/** Kills this process with SIGKILL when the environment names this step. */
export function crashPoint(env: NodeJS.ProcessEnv, point: MoveCrashPoint): void {
  if (env.FERRY_TEST_MOVE_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
