/**
 * A file's content fingerprint, kept with its video when the engine takes the file, and looked up
 * with findByFingerprint: the same content under another name or folder is found, whatever the
 * path; another content is not. The fingerprint is checked against its definition written out
 * here with node:crypto (SHA-256 of the size, a newline, the first MiB and the last MiB).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { fileFingerprint } from '../../../electron/engine/sources/file-fingerprint';
import { tempDir } from '../../helpers/temp-dir';

let engine: Engine | undefined;
afterEach(() => engine?.close());

const mib = 1024 * 1024;

/** Bytes that differ all along, so a wrong range read gives another hash. */
function bytes(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed * 7 + (i >> 10)) & 0xff;
  return out;
}

const written = (file: Buffer) =>
  createHash('sha256')
    .update(`${file.length}\n`)
    .update(file.subarray(0, Math.min(file.length, mib)))
    .update(file.subarray(Math.max(Math.min(file.length, mib), file.length - mib)))
    .digest('hex');

describe('content fingerprints', () => {
  it('read the size, the first MiB and the last MiB of a file, small or large', async () => {
    const dir = tempDir('ferry-fingerprint-');
    for (const size of [0, 10, mib + 5, 2 * mib, 5 * mib + 3]) {
      const content = bytes(size, size);
      const file = path.join(dir, `f-${size}`);
      fs.writeFileSync(file, content);
      expect(await fileFingerprint(file)).toBe(written(content));
    }
  });

  it('are kept with each added file: the same content elsewhere is found, another is not', async () => {
    const dataDir = tempDir('ferry-fingerprint-');
    engine = createEngine({ dataDir });
    const content = bytes(3 * mib, 1);
    const first = path.join(dataDir, 'talk.mp4');
    const copy = path.join(dataDir, 'folder', 'talk copy.mp4');
    const other = path.join(dataDir, 'other.mp4');
    fs.mkdirSync(path.dirname(copy));
    fs.writeFileSync(first, content);
    fs.writeFileSync(copy, content);
    const changed = Buffer.from(content);
    changed[changed.length - 1] = (changed.at(-1) ?? 0) ^ 1;
    fs.writeFileSync(other, changed);

    const added = await engine.addFiles({ paths: [first] });
    const uid = added.queued[0]?.uid;
    expect(await engine.findByFingerprint({ fingerprints: [written(content), written(changed)] })).toEqual([
      { fingerprint: written(content), uid, name: 'talk.mp4', state: 'queued' },
    ]);

    // The engine takes the copy (another path): the newest video with the content answers.
    const again = await engine.addFiles({ paths: [path.dirname(copy), other] });
    expect(again.queued.map((v) => v.meta.name).sort()).toEqual(['other.mp4', 'talk copy.mp4']);
    const found = await engine.findByFingerprint({ fingerprints: [written(changed), written(content)] });
    expect(found.map((match) => match.name)).toEqual(['other.mp4', 'talk copy.mp4']);
  });
});
