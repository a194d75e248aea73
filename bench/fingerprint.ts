/**
 * Fingerprint benchmark (issue 21, item 13): what it costs a browser to tell whether a dropped
 * file is in Ferry already, on a file of several GiB, in Chromium. The fingerprint Ferry uses
 * (shared/content-fingerprint.ts: SHA-256 of the size, the first and the last MiB) against what
 * any full hash needs at least: reading every byte (file.stream()), and crypto.subtle.digest on
 * the bytes it has in memory (the Web Crypto API hashes one whole buffer, never a stream).
 * `npm run bench -- fingerprint [--gib N]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/helpers/chromium';
import { serveFolder } from '../test/helpers/static-server';
import { fmt } from './figures';

export async function benchFingerprint(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { gib: { type: 'string', default: '4' } } });
  const gib = Number(values.gib);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-fingerprint-'));
  const file = path.join(dir, 'big.mp4');
  // Sparse: the bytes are read from the page cache of the file system, as a file just written would be.
  fs.writeFileSync(file, '');
  fs.truncateSync(file, gib * 1024 ** 3);
  const browser = await launchChromium();
  let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
  try {
    // A page of 127.0.0.1 is a secure context: the Web Crypto API is there, as on ferry serve.
    fs.writeFileSync(path.join(dir, 'index.html'), '<input type="file">');
    server = await serveFolder(dir);
    const page = await browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.setInputFiles('input', file);
    // A string, not a function: the bundler's helpers (__name) do not exist in the page.
    const figures = (await page.evaluate(`(async () => {
      const picked = document.querySelector('input').files[0];
      const mib = 1024 * 1024;
      const time = async (work) => {
        const start = performance.now();
        await work();
        return performance.now() - start;
      };
      const edges = await time(async () => {
        const head = await picked.slice(0, mib).arrayBuffer();
        const tail = await picked.slice(picked.size - mib).arrayBuffer();
        const message = new Uint8Array(head.byteLength + tail.byteLength + 16);
        message.set(new Uint8Array(head), 16);
        message.set(new Uint8Array(tail), 16 + head.byteLength);
        await crypto.subtle.digest('SHA-256', message);
      });
      let read = 0;
      const readAll = await time(async () => {
        const reader = picked.stream().getReader();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) read += chunk.value.length;
      });
      const buffer = new Uint8Array(512 * mib);
      const digest512 = await time(() => crypto.subtle.digest('SHA-256', buffer));
      return { size: picked.size, read, edges, readAll, digest512 };
    })()`)) as { size: number; read: number; edges: number; readAll: number; digest512: number };
    const gibOf = (bytes: number) => bytes / 1024 ** 3;
    const mibPerSecond = (bytes: number, ms: number) => fmt(bytes / 1024 ** 2 / (ms / 1000));
    console.log(`fingerprint of a ${fmt(gibOf(figures.size), 1)} GiB file in Chromium`);
    console.log(`  size + first and last MiB, SHA-256: ${fmt(figures.edges)} ms`);
    console.log(
      `  reading every byte (file.stream()): ${fmt(figures.readAll)} ms (${mibPerSecond(figures.read, figures.readAll)} MiB/s)`,
    );
    console.log(
      `  crypto.subtle.digest of 512 MiB in memory: ${fmt(figures.digest512)} ms (${mibPerSecond(512 * 1024 ** 2, figures.digest512)} MiB/s)`,
    );
  } finally {
    await browser.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
