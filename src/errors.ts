/**
 * Machine-readable reason a cx-metrics function refused its input.
 *
 * @example
 * const error = (() => { try { proportionInterval(42, 50, { confidence: 95 }) } catch (e) { return e } })()
 * error.code // => 'INVALID_OPTION'
 */
export type CxErrorCode = 'EMPTY_INPUT' | 'INVALID_VALUE' | 'INVALID_OPTION' | 'INSUFFICIENT_DATA';

// The brand every CxMetricsError carries, in the global symbol registry so that the ESM build,
// the CJS build and any second copy of the package (two versions in node_modules, a bundle beside
// a require) all share it. `instanceof` and `isCxMetricsError` test the brand, not the prototype
// chain, because each build defines its own class: without this, an error thrown by
// `require('cx-metrics')` is not an `instanceof` the class from `import 'cx-metrics'`.
const BRAND = Symbol.for('cx-metrics.CxMetricsError');

/**
 * The one error type cx-metrics throws for bad input.
 *
 * `code` says what kind of problem it is; `index` and `value` name the element at fault when one
 * element is; the message names the function and what it needs, e.g.
 * `nps: score at index 3 is 11; expected an integer from 0 to 10`.
 *
 * `error instanceof CxMetricsError` holds for an error from any copy of cx-metrics loaded in the
 * process (its ESM and CJS builds, or two installed versions), because it tests the
 * `Symbol.for('cx-metrics.CxMetricsError')` brand rather than the prototype chain; see also
 * `isCxMetricsError`. A subclass keeps the ordinary prototype-chain test.
 *
 * @example
 * const error = (() => { try { nps([null]) } catch (e) { return e } })()
 * error instanceof CxMetricsError // => true
 * error.code // => 'EMPTY_INPUT'
 */
export class CxMetricsError extends Error {
  override readonly name = 'CxMetricsError';
  readonly code: CxErrorCode;
  // `declare`: only set when a single element is at fault, so `'index' in error` says so.
  declare readonly index?: number;
  declare readonly value?: unknown;

  constructor(code: CxErrorCode, message: string, details: { index?: number; value?: unknown } = {}) {
    super(message);
    this.code = code;
    if (details.index !== undefined) (this as { index?: number }).index = details.index;
    if ('value' in details) (this as { value?: unknown }).value = details.value;
  }

  /** `x instanceof CxMetricsError`: true for a CxMetricsError from any build or copy of cx-metrics. */
  static override [Symbol.hasInstance](x: unknown): x is CxMetricsError {
    // A subclass (`this` is not this class) keeps the prototype-chain test, so `instanceof Sub`
    // is not true of every CxMetricsError.
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof, maybe a subclass
    if (this !== CxMetricsError) return Function.prototype[Symbol.hasInstance].call(this, x);
    return isCxMetricsError(x);
  }
}

// The brand sits on the prototype (non-enumerable, read-only), so it is never an own property of
// an error and stays out of the type: the classes of two copies remain structurally the same type.
Object.defineProperty(CxMetricsError.prototype, BRAND, { value: true });

/**
 * Whether `x` is an error thrown by cx-metrics: a `CxMetricsError` from any build or copy of the
 * package (ESM or CJS, this version or another), told by its `Symbol.for('cx-metrics.CxMetricsError')`
 * brand. The same test `x instanceof CxMetricsError` makes; use this one where you hold no
 * reference to the class (a logger, an error boundary) or want the intent spelled out.
 *
 * Never throws: a hostile value (a Proxy whose traps throw) is simply not a CxMetricsError.
 *
 * @param x - anything, typically a caught exception
 * @returns true when x carries the cx-metrics error brand; it then has `code`, `message` and, when
 *   one element is at fault, `index` and `value`
 * @example
 * const error = (() => { try { proportionInterval(42, 50, { confidence: 95 }) } catch (e) { return e } })()
 * isCxMetricsError(error) // => true
 * isCxMetricsError(new Error('proportionInterval failed')) // => false
 * isCxMetricsError({ code: 'INVALID_OPTION', message: 'looks alike' }) // => false
 */
export function isCxMetricsError(x: unknown): x is CxMetricsError {
  if ((typeof x !== 'object' && typeof x !== 'function') || x === null) return false;
  try {
    return (x as Record<symbol, unknown>)[BRAND] === true;
  } catch {
    return false;
  }
}
