import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spawn-ts';

// electron-builder's own loader and validator (it ships js-yaml and its JSON schema).
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  asarUnpack: string[];
  npmRebuild: boolean;
  mac: { target: string[] };
  win: { target: string[] };
  linux: { target: string[] };
}

const config = yaml.load(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('targets dmg and zip on macOS, nsis on Windows, AppImage and deb on Linux', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('unpacks every binary and native module from the asar archive', () => {
    for (const pkg of ['ffmpeg-static', '@ffprobe-installer', '@ffmpeg-installer', 'better-sqlite3']) {
      expect(config.asarUnpack).toContain(`node_modules/${pkg}/**`);
    }
  });
});
