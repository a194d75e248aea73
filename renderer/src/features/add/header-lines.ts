/**
 * The request headers typed for pasted links, one `Name: value` a line, checked by the same rule
 * the engine applies (shared/http-header-name.ts), so the sheet says what to fix before queueing.
 * Pure.
 */
import { headerProblem } from '../../../../shared/http-header-name';

export interface HeaderLines {
  headers: Record<string, string>;
  problems: string[];
}

export function parseHeaderLines(text: string): HeaderLines {
  const parsed: HeaderLines = { headers: {}, problems: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      parsed.problems.push(`Line ${index + 1} is not a header: write it as Name: value`);
      return;
    }
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const problem = headerProblem(name, value);
    if (problem) parsed.problems.push(`Line ${index + 1}: ${problem}`);
    else parsed.headers[name] = value;
  });
  return parsed;
}
