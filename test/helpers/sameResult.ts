import { expect } from 'vitest';

/**
 * Assert two results are the same to the last bit (toStrictEqual: every number by Object.is),
 * except for the function named at the start of each warning message (`nps: …` from nps,
 * `estimate: …` from estimate): warnings are compared by code and by message after that name.
 */
export function expectSameResult(actual: unknown, expected: unknown): void {
  expect(withoutCaller(actual)).toStrictEqual(withoutCaller(expected));
}

function withoutCaller(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutCaller);
  if (x === null || typeof x !== 'object') return x;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(x)) {
    out[key] = key === 'message' && typeof value === 'string' ? value.replace(/^[^:]*: /, '') : withoutCaller(value);
  }
  return out;
}
