// better-sqlite3 is a native module compiled for one runtime ABI at a time: Node's (tests, CLI,
// bench) or Electron's (the app). Rebuilding for one breaks the other with NODE_MODULE_VERSION
// errors. This script loads the module under the runtime about to be used and rebuilds it only
// when it does not load, so `npm test` after `npm start` (and the reverse) just work.
//   node scripts/ensure-native-abi.mjs node|electron
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronBinary, downloadElectron } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
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

function run(cmd, args, env) {
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

/**
 * Electron's documented way to build a native module with npm: prebuild-install and node-gyp
 * both read these. (@electron/rebuild would do the same, but its current major needs Node 22.)
 */
function electronBuildEnv() {
  const { version } = require('electron/package.json');
  return {
    npm_config_runtime: 'electron',
    npm_config_target: version,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_nodedir: '',
    npm_config_arch: process.arch,
    npm_config_target_arch: process.arch,
  };
}

const rt = runtime();
const first = loads(rt);
if (first.ok) process.exit(0);

console.log(`ferry: better-sqlite3 is not built for ${target} (${first.detail ?? 'load failed'}); rebuilding…`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const rebuilt = run(npm, ['rebuild', 'better-sqlite3'], target === 'electron' ? electronBuildEnv() : {});
const second = rebuilt ? loads(rt) : { ok: false, detail: 'the rebuild command failed' };
if (!second.ok) {
  console.error(`ferry: better-sqlite3 still does not load under ${target}: ${second.detail ?? 'unknown error'}`);
  process.exit(1);
}
