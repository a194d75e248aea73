/**
 * `npm run bench -- [name...]`: each benchmark runs Ferry and a peer on the same input in the
 * same run and prints the ratio. Timings are reported, never asserted.
 */
import { benchDeliver } from './deliver';
import { benchFetch } from './fetch';
import { benchFingerprint } from './fingerprint';
import { benchPlayable } from './playable';
import { benchQueue } from './queue';
import { benchResponsive } from './responsive';
import { benchServe } from './serve';
import { benchTranscode } from './transcode';
import { benchUi } from './ui';

const benches: Record<string, (args: string[]) => Promise<void>> = {
  queue: benchQueue,
  transcode: benchTranscode,
  fetch: benchFetch,
  serve: benchServe,
  ui: benchUi,
  deliver: benchDeliver,
  responsive: benchResponsive,
  fingerprint: benchFingerprint,
  playable: benchPlayable,
};

const [name, ...args] = process.argv.slice(2);
const selected = name ? [name] : Object.keys(benches);
for (const bench of selected) {
  const run = benches[bench];
  if (!run) {
    console.error(`Unknown benchmark "${bench}". Available: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  await run(args);
}
