/** Marks the objects `show` returns, so that `show(show(x))` and `formatResult(show(x))` see x. @internal */
export const SHOWN: unique symbol = Symbol.for('cx-metrics.notebook.shown');

/** The value a `show` wrapper holds, or x itself. @internal */
export function unwrap(x: unknown): unknown {
  try {
    if (typeof x === 'object' && x !== null && SHOWN in x) return (x as { [SHOWN]: unknown })[SHOWN];
  } catch {
    // A hostile object (a proxy whose traps throw) is displayed as itself, as far as it allows.
  }
  return x;
}
