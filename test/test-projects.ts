/**
 * Which project of vitest.config.ts a test file belongs to, decided by what it imports, so that a
 * new test lands in the right one with nothing to list. Unit: nothing it imports, directly or
 * through our own modules, can start a process, open a socket or a SQLite database, or drive a
 * browser. End-to-end: test/e2e (Chromium on the real UI). Integration: everything else.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Packages that reach real parts: processes (ffmpeg, ferry), sockets and servers, SQLite, the browser. */
const realParts = new Set([
  'child_process',
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'better-sqlite3',
  'playwright-core',
  'fastify',
  '@fastify/static',
  '@fastify/websocket',
  '@tus/server',
  '@tus/file-store',
  '@napi-rs/keyring',
]);

/** `node:http` and `http` alike; a scoped package by its scope and name. */
const packageName = (specifier: string) =>
  specifier
    .replace(/^node:/, '')
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Whether `file` reaches a real part through its imports. `importsOf` answers a file's imports:
 * package names as written, our own modules as resolved paths (those are followed). Pure.
 */
export function reachesRealParts(file: string, importsOf: (file: string) => readonly string[]): boolean {
  const seen = new Set<string>();
  const pending = [file];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    for (const specifier of importsOf(next)) {
      if (path.isAbsolute(specifier)) pending.push(specifier);
      else if (realParts.has(packageName(specifier))) return true;
    }
  }
  return false;
}

// `import x from`, `import {…} from`, `export … from`, `import '…'` and `import('…')`; not `import type`.
const importPattern =
  /(?:^|\n)\s*(?:import(?!\s+type\s)[^'"]*?from\s*|export[^'"]*?from\s*|import\s*\(?\s*)['"]([^'"]+)['"]/g;

/** A file's imports as `reachesRealParts` takes them: our own resolved to their paths, packages as written. */
function readImports(file: string): string[] {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return [...source.matchAll(importPattern)].map(([, specifier]) => {
    if (!specifier!.startsWith('.')) return specifier!;
    const base = path.resolve(path.dirname(file), specifier!.replace(/\.js$/, ''));
    const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
    return candidates.find((candidate) => fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) ?? base;
  });
}

/** The unit test files under root/test, relative to root. */
export function unitTestFiles(root: string): string[] {
  const files = fs.readdirSync(path.join(root, 'test'), { recursive: true, encoding: 'utf8' });
  return files
    .filter((file) => /\.test\.tsx?$/.test(file) && !file.startsWith(`e2e${path.sep}`))
    .filter((file) => !reachesRealParts(path.join(root, 'test', file), readImports))
    .map((file) => path.posix.join('test', ...file.split(path.sep)))
    .sort();
}
