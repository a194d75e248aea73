/**
 * Fuzzing the API's request bodies at the one check every door shares (shared/validate-command.ts):
 * for every command, any JSON (and JSON built from the command's own field names and words, so
 * the fuzzing gets past the first refusal) is accepted as the contract's input or refused with a
 * message naming the command and each bad field, never an exception; what it accepts it accepts
 * again after a trip through JSON, as the socket and HTTP doors send it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandNames } from '../../shared/api';
import { validateCommand } from '../../shared/validate-command';
import { nearValid, shapedLike } from './command-arbitraries';
import { fuzzParameters, withinBudget } from './fuzz-settings';

const jsonTrip = (value: unknown): unknown => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
};

describe('fuzzing every command’s input', () => {
  it.each(commandNames)('%s: accepts its input or names each bad field, for any JSON', (name) => {
    const input = fc.oneof(nearValid(name), shapedLike(name), fc.jsonValue(), fc.constant(undefined));
    let accepted = 0;
    fc.assert(
      fc.property(input, (given) => {
        const checked = withinBudget('validateCommand', () => validateCommand(name, given));
        if (!checked.ok) {
          expect(checked.message.startsWith(`Invalid input for "${name}": `)).toBe(true);
          expect(checked.issues.length).toBeGreaterThan(0);
          for (const issue of checked.issues) expect(issue.message).not.toBe('');
          return;
        }
        accepted++;
        expect(validateCommand(name, jsonTrip(checked.value))).toMatchObject({ ok: true });
      }),
      fuzzParameters(0.25),
    );
    // Past the first refusal, or the fuzzing would only ever test that.
    expect(accepted).toBeGreaterThan(0);
  });
});
