#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx ferry` works right after `npm install`
// with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  stdin: process.stdin,
  ...(process.stderr.isTTY
    ? { terminal: { write: (raw) => process.stderr.write(raw), columns: process.stderr.columns || 80 } }
    : {}),
});
