/**
 * Fuzzing the parsing of request headers a user gives for a link: the one check in shared
 * (http-header-name.ts), the CLI's `--header 'Name: value'` flags and the contract's `headers`.
 * What the check lets through, Node's HTTP client can send as one header; what Node would refuse
 * or what belongs to the connection, the check refuses, in any spelling.
 */
import http from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../electron/cli/cli-context';
import { parseHeaders } from '../../electron/cli/parse-headers';
import { headerProblem } from '../../shared/http-header-name';
import { validateCommand } from '../../shared/validate-command';
import { fuzzParameters, withinBudget } from './fuzz-settings';

const tokenChars = "!#$%&'*+.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-";
const headerName = fc.oneof(
  fc.string({ unit: fc.constantFrom(...tokenChars), minLength: 1, maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('Authorization', 'Cookie', 'Referer', 'X-Api-Key', 'Range'),
);
const headerValue = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('a\r\nX-Injected: 1', 'a\nb', 'a\rb', 'nul\0', 'tab\there', 'caf\u00e9', 'snow\u2603'),
);
const anyValue = fc.oneof(headerValue, fc.jsonValue({ maxDepth: 1 }));

/** Whether Node's HTTP client would send this header, as http.request checks it. */
function nodeSends(name: string, value: string): boolean {
  try {
    http.validateHeaderName(name);
    http.validateHeaderValue(name, value);
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

const connectionHeaders = ['Host', 'Connection', 'Keep-Alive', 'Transfer-Encoding', 'TE', 'Trailer', 'Upgrade'];
const framingHeaders = ['Content-Length', 'Expect', 'Proxy-Authorization', 'Proxy-Connection'];

/** The same name in a random mix of upper and lower case. */
const anyCase = (name: string) =>
  fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

describe('fuzzing the request-header check', () => {
  it('lets through only headers Node sends as one header, and refuses every one Node would not', () => {
    fc.assert(
      fc.property(headerName, anyValue, (name, value) => {
        const problem = withinBudget('headerProblem', () => headerProblem(name, value));
        if (problem === null) {
          expect(typeof value).toBe('string');
          expect(nodeSends(name, value as string)).toBe(true);
        } else expect(problem).toContain(JSON.stringify(name));
        if (typeof value !== 'string' || !nodeSends(name, value)) expect(problem).not.toBeNull();
      }),
      fuzzParameters(),
    );
  });

  it('refuses the connection and framing headers in any spelling', () => {
    const name = fc.constantFrom(...connectionHeaders, ...framingHeaders).chain(anyCase);
    fc.assert(
      fc.property(name, headerValue, (spelled, value) => {
        expect(headerProblem(spelled, value)).not.toBeNull();
      }),
      fuzzParameters(),
    );
  });

  it('agrees with the contract, which refuses exactly the headers it refuses', () => {
    fc.assert(
      fc.property(fc.dictionary(headerName, headerValue, { maxKeys: 3 }), (headers) => {
        const checked = validateCommand('addLinks', { links: [{ url: 'https://example.com/a.mp4', headers }] });
        const refused = Object.entries(headers).some(([name, value]) => headerProblem(name, value) !== null);
        expect(checked.ok).toBe(!refused);
      }),
      fuzzParameters(),
    );
  });
});

describe("fuzzing the CLI's --header flags", () => {
  it('reads any flags into headers or a UsageError, nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), headerValue), { maxLength: 4 }),
        (flags) => {
          try {
            const headers = withinBudget('parseHeaders', () => parseHeaders(flags));
            for (const name of Object.keys(headers)) expect(name).toBe(name.trim());
          } catch (error) {
            expect(error).toBeInstanceOf(UsageError);
          }
        },
      ),
      fuzzParameters(),
    );
  });

  it("reads 'Name: value' back as the header it was written from", () => {
    // A key named __proto__ cannot be set on a JavaScript object by assignment; zod drops it too.
    const name = fc
      .string({ unit: fc.constantFrom(...tokenChars), minLength: 1, maxLength: 20 })
      .filter((n) => n !== '__proto__');
    const value = fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((v) => v.trim());
    fc.assert(
      fc.property(name, value, fc.constantFrom(':', ': ', ' : '), (n, v, separator) => {
        expect(parseHeaders([`${n}${separator}${v}`])).toEqual({ [n]: v });
      }),
      fuzzParameters(),
    );
  });
});
