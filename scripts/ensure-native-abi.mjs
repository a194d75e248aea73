// better-sqlite3 is a native module compiled for one runtime ABI at a time: Node's (tests, CLI,
// bench) or Electron's (the app). Rebuilding for one breaks the other with NODE_MODULE_VERSION
// errors. This script loads the module under the runtime about to be used and rebuilds it only
// when it does not load, so `npm test` after `npm start` (and the reverse) just work.
//   node scripts/ensure-native-abi.mjs node|electron
import { spawnSync } from 'node:child_process';
import { electronBinary, downloadElectron } from './electron-binary.mjs';

const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/ensure-native-abi.mjs node|electron');
  process.exit(2);
}

const probeCode = "require('better-sqlite3')(':memory:').prepare('select 1').get()";

function runtime() {
  if (target === 'node') return { bin: process.execPath, env: process.env };
  let bin = electronBinary();
  if (!bin) {
    const download = downloadElectron();
    if (!download.ok) {
      console.error(`ferry: cannot start the desktop app: the Electron binary is missing (${download.reason}).`);
      console.error('       Check the network connection and run `npm install` again.');
      process.exit(1);
    }
    bin = electronBinary();
  }
  return { bin, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } };
}

function loads({ bin, env }) {
  const probe = spawnSync(bin, ['-e', probeCode], { env, encoding: 'utf8' });
  return { ok: probe.status === 0, detail: (probe.stderr || '').split('\n').find((l) => l.includes('Error')) };
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

const rt = runtime();
const first = loads(rt);
if (first.ok) process.exit(0);

console.log(`ferry: better-sqlite3 is not built for ${target} (${first.detail ?? 'load failed'}); rebuilding…`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const rebuilt =
  target === 'node' ? run(npm, ['rebuild', 'better-sqlite3']) : run(npx, ['electron-builder', 'install-app-deps']);
const second = rebuilt ? loads(rt) : { ok: false, detail: 'the rebuild command failed' };
if (!second.ok) {
  console.error(`ferry: better-sqlite3 still does not load under ${target}: ${second.detail ?? 'unknown error'}`);
  process.exit(1);
}
