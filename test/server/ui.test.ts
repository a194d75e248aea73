/**
 * `GET /` of `ferry serve`: the built renderer and its assets without a token, the right types
 * and caching, and a sentence saying how to build it when it is not built.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/create-engine';
import { findRendererDir } from '../../electron/server/routes/ui';
import { repoRoot } from '../helpers/spawn-ts';
import { tempDir } from '../helpers/temp-dir';
import { serveEngine, type Served } from './ws-serve-fixture';

let engine: Engine | undefined;
let served: Served | undefined;

afterEach(async () => {
  await served?.stop();
  engine?.close();
  delete process.env.FERRY_RENDERER_DIR;
});

async function serveUi(rendererDir: string): Promise<Served> {
  process.env.FERRY_RENDERER_DIR = rendererDir;
  engine = createEngine({ dataDir: tempDir() });
  served = await serveEngine(engine);
  return served;
}

describe('the UI over http', () => {
  it('serves index.html at / and the hashed assets, with no token', async () => {
    const dir = tempDir('ferry-ui-');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script src="./assets/index-abc.js"></script>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log("ferry")');
    const { url } = await serveUi(dir);

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('assets/index-abc.js');

    const script = await fetch(`${url}/assets/index-abc.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log("ferry")');

    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${url}/assets/..%2findex.html`)).status).not.toBe(200);
  });

  it('answers 503 with the command to run when the renderer is not built', async () => {
    const { url } = await serveUi(path.join(tempDir(), 'not-built'));
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('run npm run build');
  });

  it('finds out/renderer from the sources and from the bundle in out/main', () => {
    const fromSources = findRendererDir({}, path.join(repoRoot, 'electron/server/routes'));
    expect(fromSources).toBe(path.join(repoRoot, 'out/renderer'));
    const bundle = tempDir();
    fs.mkdirSync(path.join(bundle, 'out/renderer'), { recursive: true });
    fs.writeFileSync(path.join(bundle, 'out/renderer/index.html'), '');
    expect(findRendererDir({}, path.join(bundle, 'out/main'))).toBe(path.join(bundle, 'out/renderer'));
  });
});
