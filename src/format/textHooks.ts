// The print hooks alone, with no formatter behind them: time/ and summary/ attach their own
// one-liners without loading the result formatter (which knows every metric's fields).

const NODE_INSPECT = Symbol.for('nodejs.util.inspect.custom');
const DENO_INSPECT = Symbol.for('Deno.customInspect');

/**
 * Make `text(value)` what `value` prints as — from `console.log` / `util.inspect` in Node, Deno's
 * inspect, `${value}`, `String(value)` and string concatenation — and return `value`.
 *
 * The two inspect hooks and `toString` are non-enumerable own properties, so the value stays a
 * plain object for everything else: `JSON.stringify`, `structuredClone`, spreading, `Object.keys`
 * and deep equality see exactly the fields they saw before (a copy is a bare object again).
 * @internal
 */
export function withText<T extends object>(value: T, text: (value: T) => string): T {
  const print = () => text(value);
  // toString serves `${value}`, String(value) and `'' + value` alike (valueOf gives no
  // primitive, so ToPrimitive falls through to it); a Symbol.toPrimitive would also capture
  // numeric coercion, which has no honest answer for a result.
  for (const key of [NODE_INSPECT, DENO_INSPECT, 'toString']) {
    Object.defineProperty(value, key, { value: print, enumerable: false, writable: true, configurable: true });
  }
  return value;
}
