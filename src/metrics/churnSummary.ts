import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { gammaQuantileUnchecked } from '../stats/gamma.ts';
import { PROPORTION_METHODS, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import { summaryCount, summaryFields, summaryNumber } from '../summary/check.ts';
import type { SummaryFamily } from '../summary/family.ts';
import type { ChurnSummary } from '../summary/types.ts';
import { parseTimestamp } from '../time/timestamp.ts';
import type { CxWarning } from '../types.ts';
import type { ChurnEstimate, ChurnOptions, ChurnResult } from './churn.ts';
import {
  type CustomerRecord,
  checkTimeUnit,
  DAY_MS,
  iso,
  readCustomers,
  TIME_UNIT_DAYS,
  TIME_UNITS,
  type TimeUnit,
  timestampOption,
} from './customers.ts';

// The churn summary family: over one window, the cohort counts (customers active at `from`, and
// of those churned by `to`) or the exposure sums (churn events and customer-time in the window,
// in one unit). `churn` is `estimate(summarize('churn', …))`.

/**
 * How churn is counted: a share of a starting cohort, or events per unit of customer-time.
 *
 * @example
 * const customers = [{ startedAt: '2026-01-01', endedAt: '2026-01-11' }, { startedAt: '2026-01-01' }]
 * churn(customers, { from: '2026-01-01', to: '2026-01-21', definition: 'exposure' }).value // => 1 / 30 (to 1e-15) (1 churn in 10 + 20 customer-days)
 * churn(customers, { from: '2026-01-01', to: '2026-01-21', definition: 'cohort' }).value // => 0.5
 */
export type ChurnDefinition = 'cohort' | 'exposure';

/**
 * The churn definitions `churn` accepts, default first.
 *
 * @example
 * CHURN_DEFINITIONS // => ['cohort', 'exposure']
 */
export const CHURN_DEFINITIONS: readonly ChurnDefinition[] = ['cohort', 'exposure'];

/**
 * Options of `summarize('churn', customers, …)`: the window, the definition and (exposure) the
 * unit; the interval options belong to `estimate`.
 *
 * @example
 * const customers = [{ startedAt: '2026-01-01', endedAt: '2026-01-11' }, { startedAt: '2026-01-01' }]
 * summarize('churn', customers, { from: '2026-01-01', to: '2026-01-21', definition: 'exposure' }).exposure // => 30
 */
export type ChurnSummaryOptions = Pick<ChurnOptions, 'from' | 'to' | 'definition' | 'unit'>;

/** Options that shape a churn summary. @internal */
export const CHURN_SUMMARY_KEYS = ['from', 'to', 'definition', 'unit'] as const;
/** Options of the churn estimate. @internal */
export const CHURN_ESTIMATE_KEYS = ['method', 'confidence'] as const;

/** Read customer records into the churn summary of a window. @internal */
export function summarizeChurn(fn: string, customers: unknown, o: Record<string, unknown>): ChurnSummary {
  const from = timestampOption(fn, 'from', o.from);
  const to = timestampOption(fn, 'to', o.to);
  if (!(to > from)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: to (${iso(to)}) is not after from (${iso(from)}); expected a window with to > from`,
      { value: o.to },
    );
  }
  const definition = checkOneOf(fn, 'definition', o.definition ?? 'cohort', CHURN_DEFINITIONS);
  const window = { from: iso(from), to: iso(to) };
  if (definition === 'cohort') {
    if (o.unit !== undefined) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: unit applies to the exposure definition only; the cohort rate is a share of the window`,
        { value: o.unit },
      );
    }
    const { start, end } = readCustomers(fn, customers as readonly CustomerRecord[]);
    let customersAtStart = 0;
    let churned = 0;
    for (let i = 0; i < start.length; i++) {
      const e = end[i] as number;
      if ((start[i] as number) <= from && from < e) {
        customersAtStart++;
        if (e <= to) churned++;
      }
    }
    return { kind: 'churn-summary', version: 1, definition, ...window, customersAtStart, churned };
  }
  const unit = checkTimeUnit(fn, 'unit', o.unit ?? 'day');
  const { start, end } = readCustomers(fn, customers as readonly CustomerRecord[]);
  let churned = 0;
  let exposureMs = 0;
  let exposed = 0;
  for (let i = 0; i < start.length; i++) {
    const s = start[i] as number;
    const e = end[i] as number;
    if (from < e && e <= to) churned++;
    const overlap = Math.min(e, to) - Math.max(s, from);
    if (overlap > 0) {
      exposureMs += overlap;
      exposed++;
    }
  }
  const exposure = exposureMs / (TIME_UNIT_DAYS[unit] * DAY_MS);
  return { kind: 'churn-summary', version: 1, definition, ...window, churned, exposure, unit, customers: exposed };
}

/** Check a churn summary from outside and copy it. @internal */
export function checkChurn(fn: string, s: unknown): ChurnSummary {
  const o = summaryFields(fn, s, 'churn-summary', [
    'kind',
    'version',
    'definition',
    'from',
    'to',
    'customersAtStart',
    'churned',
    'exposure',
    'unit',
    'customers',
  ]);
  if (o.definition !== 'cohort' && o.definition !== 'exposure') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: definition is ${describe(o.definition)}; expected 'cohort' or 'exposure'`,
      { value: o.definition },
    );
  }
  const instant = (name: 'from' | 'to') => {
    const value = o[name];
    const ms = typeof value === 'string' ? parseTimestamp(value) : undefined;
    if (ms === undefined) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${name} is ${describe(value)}; expected an ISO-8601 instant such as '2026-02-01T00:00:00.000Z'`,
        { value },
      );
    }
    return ms;
  };
  const from = instant('from');
  const to = instant('to');
  if (!(to > from)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: to (${o.to}) is not after from (${o.from})`, { value: o.to });
  }
  const window = { from: iso(from), to: iso(to) };
  const churned = summaryCount(fn, 'churned', o.churned);
  const foreign = (names: readonly string[]) => {
    for (const name of names) {
      if (o[name] !== undefined) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: ${name} is not a field of a '${o.definition}' churn summary`,
          { value: o[name] },
        );
      }
    }
  };
  if (o.definition === 'cohort') {
    foreign(['exposure', 'unit', 'customers']);
    const customersAtStart = summaryCount(fn, 'customersAtStart', o.customersAtStart);
    if (churned > customersAtStart) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: churned (${churned}) exceeds customersAtStart (${customersAtStart})`,
        { value: churned },
      );
    }
    return { kind: 'churn-summary', version: 1, definition: 'cohort', ...window, customersAtStart, churned };
  }
  foreign(['customersAtStart']);
  if (typeof o.unit !== 'string' || !(TIME_UNITS as readonly string[]).includes(o.unit)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: unit is ${describe(o.unit)}; expected one of ${TIME_UNITS.map((u) => `'${u}'`).join(', ')}`,
      { value: o.unit },
    );
  }
  return {
    kind: 'churn-summary',
    version: 1,
    definition: 'exposure',
    ...window,
    churned,
    exposure: summaryNumber(fn, 'exposure', o.exposure, 'non-negative'),
    unit: o.unit as TimeUnit,
    customers: summaryCount(fn, 'customers', o.customers),
  };
}

/** Two churn summaries added; INVALID_VALUE for another definition, window or unit. @internal */
export function mergeChurn(fn: string, a: ChurnSummary, b: ChurnSummary): ChurnSummary {
  const differ = (what: string, x: string, y: string) =>
    new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: cannot merge summaries made under different ${what}: '${x}' and '${y}'`,
      {
        value: y,
      },
    );
  if (a.definition !== b.definition) throw differ('definitions', a.definition, b.definition);
  if (a.from !== b.from || a.to !== b.to) throw differ('windows', `${a.from}–${a.to}`, `${b.from}–${b.to}`);
  const window = { from: a.from, to: a.to };
  if (a.definition === 'cohort' && b.definition === 'cohort') {
    return {
      kind: 'churn-summary',
      version: 1,
      definition: 'cohort',
      ...window,
      customersAtStart: a.customersAtStart + b.customersAtStart,
      churned: a.churned + b.churned,
    };
  }
  if (a.definition === 'exposure' && b.definition === 'exposure') {
    if (a.unit !== b.unit) throw differ('units', a.unit, b.unit);
    return {
      kind: 'churn-summary',
      version: 1,
      definition: 'exposure',
      ...window,
      churned: a.churned + b.churned,
      exposure: a.exposure + b.exposure,
      unit: a.unit,
      customers: a.customers + b.customers,
    };
  }
  throw differ('definitions', a.definition, b.definition);
}

/** The churn estimate from a summary: Wilson (or another method) for a cohort, Garwood for exposure. @internal */
export function estimateChurn(fn: string, s: ChurnSummary, o: Record<string, unknown>): ChurnResult {
  const window = { from: s.from, to: s.to };
  if (s.definition === 'cohort') {
    const method = checkOneOf(fn, 'method', o.method ?? 'wilson', PROPORTION_METHODS);
    const confidence = checkConfidence(fn, o.confidence ?? 0.95);
    if (s.customersAtStart === 0) {
      throw new CxMetricsError(
        'INSUFFICIENT_DATA',
        `${fn}: no customer is active at from (${s.from}); ` +
          "the cohort definition needs customers with startedAt ≤ from < endedAt (try definition: 'exposure')",
      );
    }
    return printable({
      kind: 'churn' as const,
      definition: 'cohort' as const,
      churned: s.churned,
      ...proportionIntervalUnchecked(fn, s.churned, s.customersAtStart, method, confidence),
      customers: s.customersAtStart,
      ...window,
    });
  }
  if (o.method !== undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: method applies to the cohort definition only; exposure rates use the exact Poisson (Garwood) interval`,
      { value: o.method },
    );
  }
  const confidence = checkConfidence(fn, o.confidence ?? 0.95);
  if (s.exposure === 0) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: no customer-time between ${s.from} and ${s.to}; the exposure definition needs customers active inside the window`,
    );
  }
  return printable({
    ...exposureEstimate(fn, s.churned, s.exposure, confidence),
    unit: s.unit,
    customers: s.customers,
    ...window,
  });
}

/** The churn summary family. @internal */
export const CHURN_FAMILY: SummaryFamily<ChurnSummary, ChurnResult> = {
  metric: 'churn',
  kind: 'churn-summary',
  summarizeKeys: CHURN_SUMMARY_KEYS,
  estimateKeys: CHURN_ESTIMATE_KEYS,
  summarize: summarizeChurn,
  merge: mergeChurn,
  check: checkChurn,
  estimate: estimateChurn,
};

/** Garwood interval for validated counts (poissonRateInterval's computation, named for `fn`). @internal */
export function exposureEstimate(fn: string, churned: number, exposure: number, confidence: number): ChurnEstimate {
  const half = (1 - confidence) / 2;
  const warnings: CxWarning[] = [];
  if (churned === 0) {
    warnings.push({
      code: 'ZERO_EVENTS',
      message: `${fn}: no churn events; the lower bound is 0 and only the upper bound is informative`,
    });
  }
  const upper = gammaQuantileUnchecked(1 - half, churned + 1, half) / exposure;
  if (!Number.isFinite(upper)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: exposure ${exposure} is too small to express the rate`, {
      value: exposure,
    });
  }
  return {
    kind: 'churn',
    definition: 'exposure',
    churned,
    exposure,
    value: churned / exposure,
    lower: churned === 0 ? 0 : gammaQuantileUnchecked(half, churned) / exposure,
    upper,
    confidence,
    method: 'exact-garwood',
    n: churned,
    standardError: Math.sqrt(churned) / exposure,
    warnings,
  };
}
