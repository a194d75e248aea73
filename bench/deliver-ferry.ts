// Child process of bench/deliver.ts: Ferry's push of one file, as the app does it. A fresh engine
// gets a TUS target, the file is added with transcode off and that target, and the queue is worked
// until idle, with the engine's default delivery tuning. Prints as JSON the deliver stage's wall
// and CPU time (every thread of the process, from the stage's start to its end: the upload and
// its bookkeeping), the whole run's, the process's resident set before the upload and at its peak,
// how the delivery ended and the chunk size it was sent in.
import { performance } from 'node:perf_hooks';
import { rssMiB } from './resident-set';

const [dataDir, endpoint, file] = process.argv.slice(2);
if (!dataDir || !endpoint || !file) throw new Error('usage: deliver-ferry <data-dir> <endpoint> <file>');

// Loading the modules is process startup, not delivery work.
const { createEngine } = await import('../electron/engine/create-engine');
const { FileVault } = await import('../electron/engine/delivery/file-vault');
const { defaultDeliveryTuning } = await import('../electron/engine/delivery-steps/delivery-tuning');

interface Phase {
  wallSeconds: number;
  cpuSeconds: number;
}

let deliverStage: Phase | undefined;
/** Before the upload: the engine loaded, the database open, the video probed. */
let rssBeforeMiB = NaN;
const engine = createEngine({
  dataDir,
  // No keychain in a headless bench; the target has no credential anyway.
  credentials: new FileVault(dataDir),
  wrapStage: (stage, runner) => async (context, claimed) => {
    if (stage !== 'deliver') return runner(context, claimed);
    rssBeforeMiB = rssMiB('VmRSS');
    const cpu = process.cpuUsage();
    const start = performance.now();
    try {
      return await runner(context, claimed);
    } finally {
      const used = process.cpuUsage(cpu);
      // One delivery, one deliver stage; a retry (a broken run) would add to it.
      deliverStage = {
        wallSeconds: (deliverStage?.wallSeconds ?? 0) + (performance.now() - start) / 1000,
        cpuSeconds: (deliverStage?.cpuSeconds ?? 0) + (used.user + used.system) / 1e6,
      };
    }
  },
});
try {
  const target = await engine.saveTarget({ name: 'bench', provider: 'tus', mode: 'push', endpoint });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const added = await engine.addFiles({ paths: [file], options: { transcode: false, deliverTo: [target.id] } });
  const uid = added.queued[0]?.uid;
  if (!uid) throw new Error(`the engine did not queue ${file}: ${JSON.stringify(added)}`);
  await engine.run();
  const used = process.cpuUsage(cpu);
  const run: Phase = { wallSeconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  const video = await engine.get({ uid });
  const delivery = video.deliveries[0];
  console.log(
    JSON.stringify({
      deliver: deliverStage ?? null,
      run,
      chunkSize: defaultDeliveryTuning.chunkSize,
      rssBeforeMiB,
      peakRssMiB: rssMiB('VmHWM'),
      state: video.status.state,
      delivery: delivery ? { state: delivery.state, error: delivery.error ?? null } : null,
    }),
  );
} finally {
  engine.close();
}
