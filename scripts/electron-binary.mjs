// Shared by postinstall and ensure-native-abi: where Electron's binary is, and fetching it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Absolute path of the Electron binary, or null when the package or its download is missing. */
export function electronBinary() {
  try {
    // The electron package's main export is the path of the downloaded binary; it throws when
    // the download never happened.
    return require('electron');
  } catch {
    return null;
  }
}

/** Runs Electron's own install script (the download). Never throws. */
export function downloadElectron() {
  let installScript;
  try {
    installScript = require.resolve('electron/install.js');
  } catch {
    return { ok: false, reason: 'the electron package is not installed (production install?)' };
  }
  if (electronBinary()) return { ok: true };
  const run = spawnSync(process.execPath, [installScript], {
    cwd: path.dirname(installScript),
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (run.status === 0 && electronBinary()) return { ok: true };
  const lines = `${run.stderr ?? ''}${run.stdout ?? ''}`.trim().split('\n').filter(Boolean);
  const reason = lines.find((line) => /Error/.test(line)) ?? lines.pop();
  return { ok: false, reason: reason?.trim() ?? `exit code ${run.status}` };
}
