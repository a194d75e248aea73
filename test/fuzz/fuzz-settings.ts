/**
 * How hard the fuzz properties run. `npm test` runs a modest number of inputs from a fixed seed,
 * so a failure there is the same on every machine; `npm run fuzz` runs many more from a fresh
 * seed. fast-check's failure message names the seed and the path of the shrunk input: rerun it
 * with FERRY_FUZZ_SEED=<seed> (and the same FERRY_FUZZ_RUNS) to see it again.
 */
import type { Parameters } from 'fast-check';

/** Inputs per property in `npm test`; FERRY_FUZZ_RUNS overrides it. */
const defaultRuns = 200;
/** Any fixed number: what matters is that CI draws the same inputs each time. */
const defaultSeed = 20_261_207;

function readRuns(text: string | undefined): number {
  if (text === undefined || text === '') return defaultRuns;
  const runs = Number(text);
  if (!Number.isSafeInteger(runs) || runs < 1)
    throw new Error(`FERRY_FUZZ_RUNS must be a whole number of inputs, like 20000, not "${text}".`);
  return runs;
}

function readSeed(text: string | undefined): number {
  if (text === undefined || text === '') return defaultSeed;
  if (text === 'random') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(text);
  if (!Number.isSafeInteger(seed))
    throw new Error(`FERRY_FUZZ_SEED must be a whole number (from a failure's report) or "random", not "${text}".`);
  return seed;
}

const runs = readRuns(process.env.FERRY_FUZZ_RUNS);
const seed = readSeed(process.env.FERRY_FUZZ_SEED);

/**
 * fast-check's parameters for one property. `share` scales the runs for properties whose inputs
 * are costly (a request through the whole server, a socket): 0.25 runs a quarter as many.
 */
export function fuzzParameters<T>(share = 1): Parameters<T> {
  return { seed, numRuns: Math.max(10, Math.round(runs * share)), endOnFailure: false };
}

/**
 * A hang is what this looks for, not slowness: a pure parser that takes a second over one input
 * is a runaway loop or a regular expression gone exponential, whatever the machine's load.
 */
const budgetMs = 1000;

/** Runs `work` on one input and fails the property when it does not return within the budget. */
export function withinBudget<R>(what: string, work: () => R): R {
  const started = performance.now();
  const result = work();
  const took = performance.now() - started;
  if (took > budgetMs) throw new Error(`${what} took ${Math.round(took)} ms on one input (budget ${budgetMs} ms)`);
  return result;
}

/** Asynchronous work (a request through a whole server, a parser that yields) shares the machine: ten times the room. */
const requestBudgetMs = 10 * budgetMs;

/** The answer of `work`, or a failure naming `what` when it has not settled within the request budget. */
export async function settlesInTime<R>(what: string, work: Promise<R>): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${requestBudgetMs} ms`)), requestBudgetMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The longest the event loop was held while `work` ran, in ms, from the gaps between the ticks of
 * a 10 ms timer. The issue asks engine work to hold it at most 50 ms; the tests fail at a second,
 * since a hang is what they look for.
 */
export async function stallWhile(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    await work();
    // A stall is seen at the tick after it: give the ticker that turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    clearInterval(ticker);
  }
  return longest;
}
