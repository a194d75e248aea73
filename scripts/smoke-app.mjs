// npm run smoke:app: the built desktop app, driven by Playwright's Electron support, as far as a
// machine with the Electron binary can prove it. It adds a link over the real path (the window's
// port to the engine's utility process), sees its events arrive, kills the engine's process with
// SIGKILL and sees the window get a new port and the same list. Where the Electron binary is
// absent (CI here: it downloads from GitHub at install) it says so and exits 0; `npm test` never
// needs it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const binary = electronBinary();
if (!binary || !fs.existsSync(binary)) {
  console.log(
    'smoke:app: skipped: the Electron binary is not installed here (npm install downloads it where GitHub is reachable).',
  );
  process.exit(0);
}
if (
  !fs.existsSync(path.join(root, 'out/main/index.js')) ||
  !fs.existsSync(path.join(root, 'out/main/engine-host.js'))
) {
  console.error('smoke:app: build the app first: npm run build');
  process.exit(1);
}

// better-sqlite3 must be built for Electron's ABI to load in the engine's utility process.
if (
  spawnSync(process.execPath, [path.join(root, 'scripts/ensure-native-abi.mjs'), 'electron'], { stdio: 'inherit' })
    .status !== 0
)
  process.exit(1);

const step = (text) => console.log(`smoke:app: ${text}`);
const within = (ms, what) =>
  new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`smoke:app: ${what} did not happen in ${ms} ms`)), ms).unref(),
  );

// A data directory of its own: Electron's userData follows the config folders of the platform.
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-smoke-'));
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, '.config'),
  APPDATA: path.join(home, 'AppData'),
};
const app = await electron.launch({ executablePath: binary, args: [root], env, timeout: 60_000 });
try {
  const window = await app.firstWindow();
  await window.getByRole('navigation', { name: 'Screens' }).waitFor({ timeout: 30_000 });
  step('the window is up');

  await window.evaluate(() => {
    window.__seen = [];
    window.ferry.on('videos', (videos) => window.__seen.push(...videos.map((video) => video.uid)));
  });
  const added = await window.evaluate(() =>
    window.ferry.pauseQueue().then(() => window.ferry.addLinks({ links: [{ url: 'https://example.com/smoke.mp4' }] })),
  );
  if (!added.ok) throw new Error(`smoke:app: addLinks answered ${JSON.stringify(added)}`);
  const uid = added.value.queued[0].uid;
  await Promise.race([
    window.waitForFunction((id) => window.__seen.includes(id), uid),
    within(10_000, 'the videos event'),
  ]);
  step(`added ${uid} over the window's port, and its event arrived`);

  const enginePid = await app.evaluate(
    ({ app: electronApp }) =>
      electronApp.getAppMetrics().find((metric) => metric.type === 'Utility' && metric.serviceName === 'Ferry engine')
        ?.pid,
  );
  if (!enginePid) throw new Error("smoke:app: no utility process named 'Ferry engine' runs");
  process.kill(enginePid, 'SIGKILL');
  step(`killed the engine's process ${enginePid}`);

  const back = await Promise.race([
    window.waitForFunction(
      async (id) => {
        const got = await window.ferry.get({ uid: id });
        return got.ok && got.value.uid === id;
      },
      uid,
      { polling: 250 },
    ),
    within(30_000, 'the window getting the list back from a restarted engine'),
  ]);
  if (!back) throw new Error('smoke:app: the window did not recover');
  step('the engine restarted and the window has the same list: ok');
} finally {
  await app.close();
  fs.rmSync(home, { recursive: true, force: true });
}
