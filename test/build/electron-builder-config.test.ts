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
  directories: { buildResources: string };
  extraResources: { from: string; to: string; filter: string[] }[];
  protocols: { name: string; schemes: string[] }[];
  asarUnpack: string[];
  npmRebuild: boolean;
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  linux: { target: string[]; icon: string };
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
    for (const pkg of ['ffprobe-static', '@ffprobe-installer', '@ffmpeg-installer', 'better-sqlite3', '@napi-rs']) {
      expect(config.asarUnpack).toContain(`node_modules/${pkg}/**`);
    }
  });

  it('gives every platform the app icon: a 1024x1024 PNG that electron-builder turns into .icns and .ico', () => {
    expect(config.directories.buildResources).toBe('resources');
    for (const platform of [config.mac, config.win, config.linux]) {
      expect(pngSize(platform.icon)).toEqual({ width: 1024, height: 1024 });
    }
  });

  it('ships tray icons for light and dark menu bars, at 1x and 2x, where main looks for them', () => {
    expect(config.extraResources).toContainEqual({ from: 'resources', to: 'tray', filter: ['tray*.png'] });
    for (const name of ['trayTemplate', 'tray-light', 'tray-dark']) {
      expect(pngSize(`resources/${name}.png`)).toEqual({ width: 16, height: 16 });
      expect(pngSize(`resources/${name}@2x.png`)).toEqual({ width: 32, height: 32 });
    }
  });

  it('registers ferry:// links with the OS, so they open Ferry', () => {
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toContain('ferry');
  });
});

/** A PNG's size from its IHDR chunk; fails when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(path.join(repoRoot, file));
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
