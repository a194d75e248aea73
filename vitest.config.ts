import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Real SQLite files, real processes and real ffmpeg: give slow machines room, never retry.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
