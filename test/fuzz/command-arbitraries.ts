/**
 * Arbitraries for the contract's command inputs: JSON built from each command's own field names
 * and words (read from its schema), and the command cases' valid inputs with a few fields
 * changed, removed or added, so fuzzing gets past the first refusal. For the fuzzing of the
 * contract's check and of the socket door.
 */
import fc from 'fast-check';
import { z } from 'zod';
import type { CommandName } from '../../shared/api';
import { commandSchemas } from '../../shared/validate-command';
import { cases, type Fixture } from '../engine/api/command-cases';

/** What the command cases' valid inputs read from a fixture: names only, nothing is run. */
const placeholder = {
  uid: '0123456789abcdef0123456789abcdef',
  file: '/videos/a.mp4',
  list: '/videos/links.txt',
  dataDir: '/data',
} as Fixture;

/** Every property name and every listed word (enum, literal) the command's schema mentions. */
function schemaWords(name: CommandName): { keys: string[]; words: (string | number | boolean)[] } {
  const keys = new Set<string>();
  const words = new Set<string | number | boolean>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && typeof value === 'object' && value !== null)
        Object.keys(value).forEach((k) => keys.add(k));
      if (key === 'enum' && Array.isArray(value)) value.forEach((w: string | number | boolean) => words.add(w));
      if (key === 'const') words.add(value as string | number | boolean);
      walk(value);
    }
  };
  walk(z.toJSONSchema(commandSchemas[name], { unrepresentable: 'any', io: 'input' }));
  return { keys: [...keys], words: [...words] };
}

/** Values from the schema's own words, and the kinds of value fields usually take. */
function leafOf(words: readonly (string | number | boolean)[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    ...(words.length > 0 ? [fc.constantFrom(...words)] : []),
    fc.constantFrom('0123456789abcdef0123456789abcdef', 'https://example.com/a.mp4', '2030-01-31T18:00:00Z', 'x', ''),
    fc.constantFrom(0, 1, 0.5, -1, 64, 240, 1080, 65_536, 1e308, -0, true, false, null),
    fc.jsonValue({ maxDepth: 1 }),
  );
}

/** JSON made of the schema's own names and words, mixed with anything else. */
export function shapedLike(name: CommandName): fc.Arbitrary<unknown> {
  const { keys, words } = schemaWords(name);
  const key = keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 })) : fc.string();
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ maxDepth: 4, depthIdentifier: name }, leafOf(words), tie('object'), tie('array')),
    object: fc.dictionary(key, tie('value'), { maxKeys: 5, depthIdentifier: name }),
    array: fc.array(tie('value'), { maxLength: 3, depthIdentifier: name }),
  }));
  return value;
}

type Edit = { at: number; op: 'replace' | 'delete' | 'add'; key: string; value: unknown };

/** Every object and array inside `value` with the key or index of each of its entries. */
function slots(value: unknown): [Record<string, unknown>, string][] {
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  return Object.keys(node).flatMap((key) => [[node, key] as [Record<string, unknown>, string], ...slots(node[key])]);
}

/** The input with each edit made at one of its fields (a copy: the seed stays as it was). */
function edited(seed: unknown, edits: readonly Edit[]): unknown {
  const copy = structuredClone(seed);
  for (const { at, op, key, value } of edits) {
    const all = slots(copy);
    const [node, field] = all[at % Math.max(1, all.length)] ?? [undefined, ''];
    if (!node) continue;
    if (op === 'delete') Reflect.deleteProperty(node, field);
    else if (op === 'replace') node[field] = value;
    else node[key] = value;
  }
  return copy;
}

/** A valid input of the command with a few fields changed, removed or added: refusals a field away from acceptance. */
export function nearValid(name: CommandName): fc.Arbitrary<unknown> {
  const { keys, words } = schemaWords(name);
  const seeds = [cases[name].valid(placeholder), cases[name].invalid];
  const edit = fc.record({
    at: fc.nat(),
    op: fc.constantFrom<Edit['op']>('replace', 'delete', 'add'),
    key: keys.length > 0 ? fc.constantFrom(...keys) : fc.string({ maxLength: 6 }),
    value: fc.oneof(leafOf(words), shapedLike(name)),
  });
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { maxLength: 3 }))
    .map(([seed, edits]) => edited(seed, edits));
}
