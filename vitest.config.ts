import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { unitTestFiles } from './test/test-projects';

// Decided by what each file imports (test/test-projects.ts): a new test needs no listing here.
const unit = unitTestFiles(import.meta.dirname);

export default defineConfig({
  plugins: [react()],
  test: {
    // Real SQLite files, real processes and real ffmpeg: give slow machines room, never retry.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on 2 cores, one file at a time.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.test.{ts,tsx}'], exclude: [...unit, 'test/e2e/**'] },
      },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.{ts,tsx}'] } },
    ],
  },
});
