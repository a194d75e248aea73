/** This process's children by program name, from /proc (Linux): how many ffmpeg runs are live, and at what priority. */
import fs from 'node:fs';

/** The nice value of each live child called `name`. */
export function childNiceness(name: string, parent = process.pid): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended while we looked
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // Fields after the command: state, ppid, …; nice is the 19th field of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) === parent && comm === name) found.push(Number(fields[16]));
  }
  return found;
}

/** Any process on the machine whose command line mentions `text` (an orphaned ffmpeg included). */
export function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // the process ended while we looked
    }
    if (cmdline.includes(text)) pids.push(Number(entry));
  }
  return pids;
}
