/**
 * The engine process's entry as one JavaScript file, for Node. Loading the engine's ~200
 * TypeScript files through tsx takes ~470 ms at every start (and every restart after a crash);
 * one esbuild bundle loads in ~120 ms. The bundle is rebuilt only when a file it was made from
 * changed (esbuild's metafile lists them), so a developer's edit is never served stale. Packages
 * stay external (native modules load from node_modules). Written to a temporary name and renamed,
 * so processes starting at once never read half a file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('./engine-host-main.ts', import.meta.url));
const repoRoot = path.resolve(path.dirname(entry), '../../..');
/** Inside node_modules, so that the bundle's packages resolve from the repository's node_modules. */
const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'ferry');
const bundle = path.join(cacheDir, 'engine-host.mjs');
const inputsFile = `${bundle}.inputs.json`;

/** Whether every file the bundle was made from is as it was then. */
async function isFresh(): Promise<boolean> {
  try {
    const inputs = JSON.parse(await fs.readFile(inputsFile, 'utf8')) as Record<string, number>;
    const now = await Promise.all(
      Object.entries(inputs).map(async ([file, mtime]) => (await fs.stat(path.join(repoRoot, file))).mtimeMs === mtime),
    );
    return now.every(Boolean);
  } catch {
    // No bundle yet, or a file it was made from is gone: build it.
    return false;
  }
}

async function rebuild(): Promise<void> {
  await fs.mkdir(cacheDir, { recursive: true });
  const unique = `${process.pid}-${Date.now()}`;
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: `${bundle}.${unique}`,
    absWorkingDir: repoRoot,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.fromEntries(
    await Promise.all(
      Object.keys(result.metafile.inputs).map(async (file) => [
        file,
        (await fs.stat(path.join(repoRoot, file))).mtimeMs,
      ]),
    ),
  );
  await fs.rename(`${bundle}.${unique}`, bundle);
  await fs.writeFile(`${inputsFile}.${unique}`, JSON.stringify(inputs));
  await fs.rename(`${inputsFile}.${unique}`, inputsFile);
}

/** The path of an up-to-date bundle of the engine process's entry. */
export async function engineHostBundle(): Promise<string> {
  if (!(await isFresh())) await rebuild();
  return bundle;
}
