// Child process of bench/deliver.ts: the peer a developer would write, tus-js-client with its
// defaults (one PATCH for the whole file: chunkSize Infinity) reading an fs.ReadStream of the file.
// Prints as JSON the upload's wall and CPU time (from start() to onSuccess, every thread of the
// process) and the process's resident set before the upload and at its peak.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Upload } from 'tus-js-client';
import { rssMiB } from './resident-set';

const [endpoint, file] = process.argv.slice(2);
if (!endpoint || !file) throw new Error('usage: deliver-tus-js <endpoint> <file>');

const rssBeforeMiB = rssMiB('VmRSS');
const cpu = process.cpuUsage();
const start = performance.now();
const url = await new Promise<string>((resolve, reject) => {
  const upload = new Upload(fs.createReadStream(file), {
    endpoint,
    uploadSize: fs.statSync(file).size,
    onSuccess: () => resolve(upload.url ?? ''),
    onError: reject,
  });
  upload.start();
});
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    upload: { wallSeconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 },
    rssBeforeMiB,
    peakRssMiB: rssMiB('VmHWM'),
    url,
  }),
);
