/** A folder served to Chromium with the players the tests drive: hls.js, dash.js and a page with one muted video. */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './spawn-ts';

export function writePlayerPage(site: string): void {
  fs.copyFileSync(path.join(repoRoot, 'node_modules/hls.js/dist/hls.min.js'), path.join(site, 'hls.js'));
  fs.copyFileSync(
    path.join(repoRoot, 'node_modules/dashjs/dist/modern/umd/dash.all.min.js'),
    path.join(site, 'dash.js'),
  );
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><video id="v" muted playsinline></video>');
}
