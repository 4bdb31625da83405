import type { CxWarning, Estimate } from '../types.ts';

// Result kinds are recognised by shape (duck typing), never by class or a brand: results are plain
// JSON-able objects, and one parsed back from JSON, built by hand or made by another version of
// cx-metrics displays the same way. The rules are written out in `resultKind`'s JSDoc and in
// docs/notebooks.md; keep the three in step.

/**
 * What `show` and `formatResult` recognise a value as (see `resultKind` for the rules).
 *
 * @example
 * resultKind(ttr([1, 2, 3])) // => 'duration'
 * resultKind(compareMeans([4, 5, 5, 4, 3], [3, 2, 4, 3, 3])) // => 'difference'
 * resultKind(csatFromCounts({ satisfied: 3, total: 5 })) // => 'csat'
 */
export type ResultKind =
  | 'chart'
  | 'kaplan-meier'
  | 'cohort-retention'
  | 'duration'
  | 'difference'
  | 'nps'
  | 'ces'
  | 'csat'
  | 'estimate'
  | 'collection'
  | 'breakdown'
  | 'trend'
  | 'unknown';

/** Any object, read field by field. @internal */
export type Loose = Record<string, unknown>;

/** Nesting depth up to which collections of collections are looked into. @internal */
export const MAX_DEPTH = 4;

export function isObject(x: unknown): x is Loose {
  return typeof x === 'object' && x !== null;
}

const isNumber = (x: unknown): x is number => typeof x === 'number';

/** Estimate-shaped: numeric value, lower, upper, n and confidence, a string method. @internal */
export function isEstimate(x: unknown): x is Estimate {
  return (
    isObject(x) &&
    isNumber(x.value) &&
    isNumber(x.lower) &&
    isNumber(x.upper) &&
    isNumber(x.n) &&
    isNumber(x.confidence) &&
    typeof x.method === 'string'
  );
}

/** Warnings of a result, keeping only well-formed `{ code, message }` entries. @internal */
export function warningsOf(x: unknown): CxWarning[] {
  if (!isObject(x) || !Array.isArray(x.warnings)) return [];
  return x.warnings.filter(
    (w): w is CxWarning => isObject(w) && typeof w.code === 'string' && typeof w.message === 'string',
  );
}

function hasNumbers(x: unknown, keys: readonly string[]): x is Loose {
  return isObject(x) && keys.every((k) => isNumber(x[k]));
}

const NPS_GROUPS = ['promoters', 'passives', 'detractors'] as const;

function isKaplanMeier(x: Loose): boolean {
  return (
    Array.isArray(x.points) &&
    x.points.every((p) => hasNumbers(p, ['time', 'survival', 'lower', 'upper'])) &&
    isEstimate(x.median)
  );
}

function isCohortTable(x: Loose): boolean {
  return (
    Array.isArray(x.cohorts) &&
    x.cohorts.every(
      (row) =>
        isObject(row) &&
        typeof row.cohort === 'string' &&
        Array.isArray(row.cells) &&
        row.cells.every((cell) => hasNumbers(cell, ['period']) && isEstimate((cell as Loose).retained)),
    )
  );
}

function isDuration(x: Loose): boolean {
  return x.unit === 'ms' && isEstimate(x.median) && isEstimate(x.mean) && isObject(x.percentiles);
}

function isDifference(x: Loose): boolean {
  return (
    hasNumbers(x, ['difference', 'lower', 'upper', 'pValue']) &&
    typeof x.method === 'string' &&
    isEstimate(x.a) &&
    isEstimate(x.b)
  );
}

/** NpsResult-shaped: an Estimate with promoter/passive/detractor counts and shares. @internal */
export function isNps(x: unknown): x is Estimate & Loose {
  return isEstimate(x) && hasNumbers(x, NPS_GROUPS) && hasNumbers((x as Loose).shares, NPS_GROUPS);
}

function isCes(x: Loose): boolean {
  return isEstimate(x) && isEstimate(x.easy) && Array.isArray(x.distribution);
}

function isCsat(x: Loose): boolean {
  return isEstimate(x) && isNumber(x.satisfied) && Array.isArray(x.distribution);
}

/** A Vega-Lite spec (from the chart builders or anywhere else): a vega-lite `$schema`. @internal */
export function isVegaLiteSpec(x: unknown): x is Loose {
  return (
    isObject(x) && typeof x.$schema === 'string' && x.$schema.startsWith('https://vega.github.io/schema/vega-lite/')
  );
}

/**
 * How each result `kind` the library writes is displayed, with the shape its renderer needs. A
 * result names its kind, so dispatch is by `kind`; the shape check only guards the renderer
 * (an object claiming a kind without the fields falls through to the shape rules). Results
 * without a `kind` (hand-built, or saved by an older version) are recognised by shape alone.
 */
const DISPLAY_OF_KIND: Readonly<Record<string, readonly [ResultKind, (x: Loose) => boolean]>> = {
  nps: ['nps', isNps],
  ces: ['ces', isCes],
  csat: ['csat', isCsat],
  difference: ['difference', isDifference],
  'kaplan-meier': ['kaplan-meier', isKaplanMeier],
  'retention-curve': ['kaplan-meier', isKaplanMeier],
  'cohort-retention': ['cohort-retention', isCohortTable],
  duration: ['duration', isDuration],
  proportion: ['estimate', isEstimate],
  mean: ['estimate', isEstimate],
  rate: ['estimate', isEstimate],
  quantile: ['estimate', isEstimate],
  correlation: ['estimate', isEstimate],
  'converted-churn': ['estimate', isEstimate],
  'customer-lifetime-value': ['estimate', isEstimate],
  fcr: ['estimate', isEstimate],
  sla: ['estimate', isEstimate],
  churn: ['estimate', isEstimate],
};

/** The kind of a single result, or undefined when x is not one. @internal */
function singleKind(x: Loose): ResultKind | undefined {
  if (x.kind === 'breakdown' && Array.isArray(x.groups)) return 'breakdown';
  if (x.kind === 'trend' && Array.isArray(x.periods)) return 'trend';
  if (typeof x.kind === 'string' && Object.hasOwn(DISPLAY_OF_KIND, x.kind)) {
    const [display, fits] = DISPLAY_OF_KIND[x.kind] as readonly [ResultKind, (x: Loose) => boolean];
    if (fits(x)) return display;
  }
  if (isVegaLiteSpec(x)) return 'chart';
  if (isKaplanMeier(x)) return 'kaplan-meier';
  if (isCohortTable(x)) return 'cohort-retention';
  if (isDuration(x)) return 'duration';
  if (isDifference(x)) return 'difference';
  if (isNps(x)) return 'nps';
  if (isCes(x)) return 'ces';
  if (isCsat(x)) return 'csat';
  if (isEstimate(x)) return 'estimate';
  return undefined;
}

/** Whether x is an array or a plain object (a record), the two shapes a collection can take. */
function isContainer(x: Loose): boolean {
  if (Array.isArray(x)) return true;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** The kind of x; `seen` guards against cycles in collections. @internal */
export function kindOf(x: unknown, depth = 0, seen: Set<object> = new Set()): ResultKind {
  if (!isObject(x)) return 'unknown';
  const kind = singleKind(x);
  if (kind !== undefined) return kind;
  if (depth >= MAX_DEPTH || seen.has(x) || !isContainer(x)) return 'unknown';
  seen.add(x);
  try {
    const found = Object.values(x).some((v) => {
      const kind = kindOf(v, depth + 1, seen);
      return kind !== 'unknown' && kind !== 'chart';
    });
    return found ? 'collection' : 'unknown';
  } finally {
    seen.delete(x);
  }
}

/**
 * The kind of result `show` and `formatResult` recognise x as. A result of this library names
 * its `kind` ('nps', 'difference', 'retention-curve', 'proportion', …) and is displayed by it,
 * once its fields fit that display (no class, brand or prototype is needed, so a result parsed
 * back from JSON displays the same). An object without a known `kind` (built by hand, or saved
 * by an older version) is recognised by its shape; the first rule that matches wins:
 *
 * 0. `'chart'`: a Vega-Lite spec, i.e. `$schema` starts with
 *    `https://vega.github.io/schema/vega-lite/` (what the chart builders return).
 * 0b. `'breakdown'` / `'trend'`: `kind` is `'breakdown'` with a `groups` array, or `'trend'` with
 *    a `periods` array (`breakdown`, `trend`): shown as one table, a row per group or period.
 * 1. `'kaplan-meier'`: `points` is an array of `{ time, survival, lower, upper }` (numbers) and
 *    `median` is Estimate-shaped (`kaplanMeier`, `retentionCurve`).
 * 2. `'cohort-retention'`: `cohorts` is an array of `{ cohort: string, cells }` whose cells have a
 *    numeric `period` and an Estimate-shaped `retained` (`cohortRetention`).
 * 3. `'duration'`: `unit` is `'ms'`, `median` and `mean` are Estimate-shaped and `percentiles` is
 *    an object (`ttr`, `firstResponseTime`).
 * 4. `'difference'`: numeric `difference`, `lower`, `upper`, `pValue`, a string `method`, and
 *    Estimate-shaped `a` and `b` (`compareNps`, `compareProportions`, `compareMeans`).
 * 5. `'nps'`: Estimate-shaped with numeric `promoters`, `passives`, `detractors` and a `shares`
 *    object with the same three numbers.
 * 6. `'ces'`: Estimate-shaped with an Estimate-shaped `easy` and a `distribution` array.
 * 7. `'csat'`: Estimate-shaped with a numeric `satisfied` and a `distribution` array.
 * 8. `'estimate'`: Estimate-shaped — numeric `value`, `lower`, `upper`, `n`, `confidence` and a
 *    string `method` (`warnings` is optional).
 * 9. `'collection'`: an array or plain object with at least one entry that is a result (rules
 *    1–9, charts excepted; looked into up to 4 levels deep, cycles ignored).
 * 10. `'unknown'`: anything else; `show` displays it as JSON text.
 *
 * @param x - any value
 * @returns the kind, one of the strings above
 * @example
 * resultKind(nps([10, 9, 3])) // => 'nps'
 * resultKind({ north: nps([10, 9, 3]), south: nps([7, 8]) }) // => 'collection'
 * resultKind({ value: 1, lower: 0, upper: 2, n: 5, confidence: 0.95, method: 't' }) // => 'estimate'
 * resultKind({ hello: 'world' }) // => 'unknown'
 */
export function resultKind(x: unknown): ResultKind {
  return kindOf(x);
}
