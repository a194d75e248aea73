import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reachesRealParts, unitTestFiles } from './test-projects';

/** A made-up import graph: our own modules by absolute path, packages by name. */
const graph = (edges: Record<string, string[]>) => (file: string) => edges[file] ?? [];

describe('which project a test file belongs to', () => {
  it('follows our own modules to the packages they import, through cycles', () => {
    const pure = graph({ '/t.test.ts': ['/plan.ts', 'vitest'], '/plan.ts': ['zod', '/t.test.ts', 'node:path'] });
    expect(reachesRealParts('/t.test.ts', pure)).toBe(false);
    const twoHops = graph({
      '/t.test.ts': ['/plan.ts'],
      '/plan.ts': ['/run-ffmpeg.ts'],
      '/run-ffmpeg.ts': ['node:child_process'],
    });
    expect(reachesRealParts('/t.test.ts', twoHops)).toBe(true);
    expect(reachesRealParts('/t.test.ts', graph({ '/t.test.ts': ['better-sqlite3'] }))).toBe(true);
    expect(reachesRealParts('/t.test.ts', graph({ '/t.test.ts': ['@fastify/static'] }))).toBe(true);
    expect(reachesRealParts('/t.test.ts', graph({ '/t.test.ts': ['http'] }))).toBe(true);
  });

  it('puts pure tests in unit, and those that start ferry, servers or Chromium elsewhere', () => {
    const unit = unitTestFiles(path.resolve(import.meta.dirname, '..'));
    expect(unit).toContain('test/shared/format-units.test.ts');
    expect(unit).toContain('test/engine/media/plan-ladder.test.ts');
    expect(unit).not.toContain('test/cli/cli.test.ts');
    expect(unit).not.toContain('test/engine/media/find-media-tools.test.ts');
    expect(unit.filter((file) => file.startsWith('test/e2e/'))).toEqual([]);
  });
});
