import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spawn-ts';

interface LockedPackage {
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>;
};

/** Where npm would find `name` for the package installed at `at`: its own node_modules, then each parent's. */
function resolves(at: string, name: string): boolean {
  const parts = at === '' ? [] : at.split('/node_modules/');
  for (let i = parts.length; i >= 0; i--) {
    const prefix = parts.slice(0, i).join('/node_modules/');
    if (lock.packages[`${prefix ? `${prefix}/` : ''}node_modules/${name}`]) return true;
  }
  return false;
}

describe('package-lock.json', () => {
  it("locks every platform's optional native package, so an install elsewhere finds it (rollup, esbuild, ffmpeg)", () => {
    const missing = Object.entries(lock.packages).flatMap(([at, pkg]) =>
      Object.keys(pkg.optionalDependencies ?? {})
        .filter((name) => !resolves(at, name))
        .map((name) => `${at || 'ferry'} -> ${name}`),
    );
    expect(missing).toEqual([]);
    expect(lock.packages['node_modules/@rollup/rollup-darwin-arm64']).toBeDefined();
    expect(lock.packages['node_modules/@rollup/rollup-win32-x64-msvc']).toBeDefined();
  });
});
