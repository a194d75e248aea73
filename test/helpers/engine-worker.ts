/**
 * An engine in its own process, for tests that kill it: `engine-worker.ts <dataDir>` works the
 * queue until it is empty and exits 0.
 */
import { createEngine } from '../../electron/engine/create-engine';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: engine-worker.ts <dataDir>');
const engine = createEngine({
  dataDir,
  fetch: { baseMs: 20, idleTimeoutMs: 10_000 },
  delivery: { retryBaseMs: 20, chunkSize: 1024 * 1024, pollBaseMs: 50, pollMaxMs: 200 },
});
try {
  await engine.run();
} finally {
  engine.close();
}
