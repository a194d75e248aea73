/** The bench children's memory figures, read from /proc (Linux). */
import fs from 'node:fs';

/** The process's resident set now (VmRSS) or at its highest so far (VmHWM), in MiB. */
export const rssMiB = (field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;
