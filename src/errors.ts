/**
 * Machine-readable reason a cx-metrics function refused its input.
 *
 * @example
 * const error = (() => { try { proportionInterval(42, 50, { confidence: 95 }) } catch (e) { return e } })()
 * error.code // => 'INVALID_OPTION'
 */
export type CxErrorCode = 'EMPTY_INPUT' | 'INVALID_VALUE' | 'INVALID_OPTION' | 'INSUFFICIENT_DATA';

/**
 * The one error type cx-metrics throws for bad input.
 *
 * `code` says what kind of problem it is; `index` and `value` name the element at fault when one
 * element is; the message names the function and what it needs, e.g.
 * `nps: score at index 3 is 11; expected an integer from 0 to 10`.
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
}
