import { CxMetricsError } from '../errors.ts';
import { closestName, isPlainObject } from '../options.ts';
import { describe } from '../stats/validate.ts';

// Checks for summaries that come from outside (JSON from a warehouse or a queue, SQL rows, a
// user's hand): each failure is INVALID_VALUE naming the field, so a bad partition is found by
// reading the message. Shared by every family's `check`.

/**
 * The summary as a record: a plain object of the given kind and version 1 whose keys are all in
 * `keys` (a misspelt or foreign field is refused with the closest name, never ignored). @internal
 */
export function summaryFields(fn: string, s: unknown, kind: string, keys: readonly string[]): Record<string, unknown> {
  if (!isPlainObject(s)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected a '${kind}' object, got ${describe(s)}`, { value: s });
  }
  if (s.kind !== kind) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: kind is ${describe(s.kind)}; expected '${kind}'`, {
      value: s.kind,
    });
  }
  if (s.version !== 1) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: version is ${describe(s.version)}; this version of cx-metrics reads version 1 summaries`,
      { value: s.version },
    );
  }
  for (const key of Object.keys(s)) {
    if (!keys.includes(key)) {
      const guess = closestName(key, keys);
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: unknown field ${describe(key)} in a '${kind}'${guess === undefined ? `; its fields are ${keys.join(', ')}` : `; did you mean '${guess}'?`}`,
        { value: key },
      );
    }
  }
  return s;
}

/** A whole number ≥ 0 (a safe integer). @internal */
export function summaryCount(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} is ${describe(x)}; expected a whole number ≥ 0`, {
      value: x,
    });
  }
  return x;
}

/** A finite number, optionally ≥ 0 or > 0. @internal */
export function summaryNumber(
  fn: string,
  name: string,
  x: unknown,
  bound: 'any' | 'non-negative' | 'positive',
): number {
  const ok =
    typeof x === 'number' && Number.isFinite(x) && (bound === 'any' || (bound === 'non-negative' ? x >= 0 : x > 0));
  if (!ok) {
    const expected =
      bound === 'any' ? 'a finite number' : bound === 'positive' ? 'a finite number > 0' : 'a finite number ≥ 0';
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} is ${describe(x)}; expected ${expected}`, { value: x });
  }
  return x as number;
}

/** An array of exactly `length` entries, each checked by `item`; a fresh copy. @internal */
export function summaryArray<T>(
  fn: string,
  name: string,
  x: unknown,
  length: number | undefined,
  item: (fn: string, name: string, value: unknown) => T,
): T[] {
  if (!Array.isArray(x)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${name} is ${describe(x)}; expected an array`, { value: x });
  }
  if (length !== undefined && x.length !== length) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: ${name} has ${x.length} entries; expected ${length} (one per point of the scale)`,
      { value: x.length },
    );
  }
  const out: T[] = [];
  for (let i = 0; i < x.length; i++) out.push(item(fn, `${name}[${i}]`, x[i]));
  return out;
}

/**
 * The INVALID_VALUE error for two summaries that measure different things: `what` names the field
 * ('scale', 'clock', …) and the two renderings show how they differ. @internal
 */
export function mismatch(fn: string, what: string, a: unknown, b: unknown): CxMetricsError {
  return new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: cannot merge summaries made under different ${what}: ${render(a)} and ${render(b)}`,
    { value: b },
  );
}

function render(x: unknown): string {
  if (x === undefined) return 'none';
  const text = JSON.stringify(x) ?? String(x);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
