/**
 * The layers of docs/architecture.md, kept: which folder may import which, no `electron` in the engine, no
 * Node in shared or the renderer, and no import cycles. Each failure names the offending import.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/spawn-ts';

type Layer =
  | 'shared'
  | 'renderer'
  | 'preload'
  | 'main'
  | 'cli'
  | 'server'
  | 'entry'
  | 'host'
  | 'api'
  | 'commands'
  | 'run'
  | 'stages'
  | 'delivery-steps'
  | 'housekeeping'
  | 'context'
  | 'sources'
  | 'media'
  | 'delivery'
  | 'notify'
  | 'store'
  | 'retry'
  | 'paths';

/** What the running engine shares (context/) and everything it is built on. */
const belowContext: Layer[] = ['sources', 'media', 'delivery', 'notify', 'store', 'retry', 'paths', 'shared'];
const belowStages: Layer[] = ['delivery-steps', 'housekeeping', 'context', ...belowContext];

/** What each layer may import of ours (besides itself). Inside the engine, one direction: down. */
const allowed: Record<Layer, Layer[]> = {
  shared: [],
  renderer: ['shared'],
  preload: ['shared'],
  // Main and the server reach the engine through its host's client (host/), never its inside.
  main: ['server', 'host', 'api', 'paths', 'shared'],
  cli: ['server', 'host', 'entry', 'api', 'paths', 'shared'],
  // The server reaches the engine's inside only for `engineProcess: 'inline'` (the benchmark's single-process peer).
  server: ['host', 'entry', 'api', 'paths', 'shared'],
  // The engine host: the process that runs the engine and the dispatcher, and its client.
  host: ['entry', 'api', 'paths', 'shared'],
  // createEngine and doctor: the engine's entries, over everything in it.
  entry: ['commands', 'run', 'stages', ...belowStages],
  // The dispatcher: the one door, over the engine's entry.
  api: ['entry', 'shared'],
  commands: ['run', 'stages', ...belowStages],
  run: ['stages', ...belowStages],
  stages: belowStages,
  'delivery-steps': ['context', ...belowContext],
  housekeeping: ['context', ...belowContext],
  context: belowContext,
  // The fetcher sniffs content with media's reader; media never needs the fetcher.
  sources: ['media', 'store', 'retry', 'paths', 'shared'],
  media: ['store', 'retry', 'paths', 'shared'],
  delivery: ['store', 'retry', 'paths', 'shared'],
  notify: ['store', 'retry', 'paths', 'shared'],
  store: ['retry', 'paths', 'shared'],
  retry: ['shared'],
  paths: ['shared'],
};

const engineFolders: Layer[] = [
  'host',
  'api',
  'commands',
  'run',
  'stages',
  'delivery-steps',
  'housekeeping',
  'context',
  'sources',
  'media',
  'delivery',
  'notify',
  'store',
  'retry',
];

function layerOf(file: string): Layer | undefined {
  const parts = file.split('/');
  if (parts[0] === 'shared') return 'shared';
  if (parts[0] === 'renderer') return 'renderer';
  if (parts[0] !== 'electron') return undefined;
  if (parts[1] === 'preload' || parts[1] === 'main' || parts[1] === 'cli' || parts[1] === 'server') return parts[1];
  if (parts[1] !== 'engine') return undefined;
  if (parts.length === 3) return parts[2] === 'data-paths.ts' ? 'paths' : 'entry';
  const folder = parts[2] as Layer;
  return engineFolders.includes(folder) ? folder : undefined;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** The file an import names, as a path from the repository's root, for imports of ours. */
function resolveOurs(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => files.has(candidate));
  // A stylesheet or an asset: not code, but it must be there.
  return found ?? (fs.existsSync(path.join(repoRoot, base)) ? base : undefined);
}

interface Import {
  from: string;
  specifier: string;
  to?: string;
}

const files = ['electron', 'shared', 'renderer'].flatMap(sourceFiles);
const fileSet = new Set(files);
const imports: Import[] = files.flatMap((from) => {
  const text = fs.readFileSync(path.join(repoRoot, from), 'utf8');
  // Static, dynamic and re-export forms alike, type-only ones included.
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName: specifier }) => {
    const to = specifier.startsWith('.') ? resolveOurs(from, specifier, fileSet) : undefined;
    return { from, specifier, ...(to ? { to } : {}) };
  });
});

describe('import rules', () => {
  it('finds the files it checks, and resolves every relative import', () => {
    expect(files.length).toBeGreaterThan(100);
    const unresolved = imports.filter((i) => i.specifier.startsWith('.') && !i.to);
    expect(unresolved.map((i) => `${i.from}: ${i.specifier}`)).toEqual([]);
  });

  it('keeps every folder to the layers below it', () => {
    const broken = imports.flatMap(({ from, specifier, to }) => {
      const a = layerOf(from);
      const b = to ? layerOf(to) : undefined;
      if (!a || !b || a === b || allowed[a].includes(b)) return [];
      return [`${from} imports ${specifier}: ${a} may not import ${b}`];
    });
    expect(broken).toEqual([]);
  });

  it('keeps electron out of the engine, and Node out of shared and the renderer', () => {
    const broken = imports.flatMap(({ from, specifier }) => {
      const layer = layerOf(from);
      const engine = layer !== undefined && !['shared', 'renderer', 'preload', 'main', 'cli', 'server'].includes(layer);
      if (engine && (specifier === 'electron' || specifier.startsWith('electron/')))
        return [`${from} imports ${specifier}: the engine never imports electron`];
      const nodeFree = layer === 'shared' || layer === 'renderer';
      if (nodeFree && (specifier.startsWith('node:') || specifier === 'electron'))
        return [`${from} imports ${specifier}: ${layer} runs without Node or Electron`];
      return [];
    });
    expect(broken).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map<string, string[]>();
    for (const { from, to } of imports) if (to) graph.set(from, [...(graph.get(from) ?? []), to]);
    // Tarjan's strongly connected components: every component of more than one file is a cycle.
    let index = 0;
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (file: string): void => {
      order.set(file, index);
      low.set(file, index++);
      stack.push(file);
      onStack.add(file);
      for (const next of graph.get(file) ?? []) {
        if (!order.has(next)) {
          visit(next);
          low.set(file, Math.min(low.get(file)!, low.get(next)!));
        } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
      if (low.get(file) !== order.get(file)) return;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1) cycles.push(component.sort());
    };
    for (const file of files) if (!order.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
