import { formatResult } from './formatResult.ts';
import { withText } from './textHooks.ts';

/**
 * Give a result its readable one-line form — `NPS 26.3 [19.6, 32.7] (adjusted-wald, 95%, n=570)`
 * from `console.log` in Node and Deno instead of an object dump, and from `${result}`,
 * `String(result)` and string concatenation instead of `[object Object]` — and return it.
 *
 * The two inspect hooks and `toString` are non-enumerable own properties, so the result stays a
 * plain object for everything else: `JSON.stringify`, `structuredClone`, spreading, `Object.keys`
 * and deep equality see exactly the fields they saw before (a spread or cloned copy is a bare
 * object again and prints as one). `text` replaces the shared formatter for results it does not
 * know (revenue retention totals, a CLV without an interval). @internal
 */
export function printable<T extends object>(result: T, text?: (result: T) => string): T {
  return withText(result, text ?? formatResult);
}

/** A share as a percentage for the custom one-liners: 0.9234 → "92.3%". @internal */
export function percent(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : String(x);
}
