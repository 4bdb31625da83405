import { adjustPValues, P_ADJUST_METHODS, type PAdjustMethod } from '../analysis/adjustPValues.ts';
import { compareNps, type NpsDifference } from '../compare/compareNps.ts';
import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { pearsonCorrelation, spearmanCorrelation } from '../intervals/correlation.ts';
import { checkOptions, isPlainObject } from '../options.ts';
import { ownField } from '../ownField.ts';
import { type CorrelationResult, SPEARMAN_VARIANCES, type SpearmanVariance } from '../stats/correlation.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import { isAbsent } from './records.ts';

/**
 * How a value is read from a response: the name of a field, or a function of the response and its
 * index. `null`, `undefined` or a blank string is "no answer".
 *
 * @example
 * const responses = [{ nps: 9, q: { checkout: 5 } }, { nps: 3, q: { checkout: 1 } }, { nps: 10, q: { checkout: 4 } }, { nps: 6, q: { checkout: 2 } }]
 * const r = touchpointDrivers(responses, { nps: 'nps', touchpoints: { checkout: (x) => x.q.checkout } })
 * r.drivers[0].touchpoint // => 'checkout'
 */
export type ResponseField<T> = string | ((response: T, index: number) => unknown);

/**
 * What `touchpointDrivers` ranks the touchpoints by: Spearman's rho (default), Pearson's r, or
 * the NPS difference between the satisfied and the others.
 *
 * @example
 * DRIVER_RANKINGS // => ['spearman', 'pearson', 'nps-difference']
 */
export type DriverRanking = 'spearman' | 'pearson' | 'nps-difference';

/**
 * The rankings of `touchpointDrivers`, default first.
 *
 * @example
 * DRIVER_RANKINGS[0] // => 'spearman'
 */
export const DRIVER_RANKINGS: readonly DriverRanking[] = ['spearman', 'pearson', 'nps-difference'];

/**
 * Options of `touchpointDrivers`.
 *
 * @example
 * const responses = [{ nps: 9, delivery: 5 }, { nps: 3, delivery: 1 }, { nps: 10, delivery: 4 }, { nps: 6, delivery: 2 }]
 * const options = { nps: 'nps', touchpoints: ['delivery'], satisfiedMin: 4, scale: { min: 1, max: 5 }, adjust: 'bh' }
 * touchpointDrivers(responses, options).drivers[0].satisfied // => 2
 */
export interface TouchpointDriversOptions<T = unknown> {
  /** Where each response's NPS answer (0–10) is (required). */
  nps: ResponseField<T>;
  /**
   * The touchpoints (required): field names, or a record of touchpoint name → field or function.
   * Each rating is a number on `scale`.
   */
  touchpoints: readonly string[] | Readonly<Record<string, ResponseField<T>>>;
  /** Ratings at or above this are "satisfied"; 4 by default (top-2 box of 1–5). */
  satisfiedMin?: number;
  /** The rating scale, `{ min: 1, max: 5 }` by default; a rating outside it is an error. */
  scale?: { min: number; max: number };
  /** p-value adjustment across touchpoints (see `adjustPValues`); `'holm'` by default. */
  adjust?: PAdjustMethod;
  /** What the touchpoints are ranked by; `'spearman'` by default. */
  rankBy?: DriverRanking;
  /** Fisher-z variance of Spearman's rho (see `spearmanCorrelation`); `'bonett-wright'` by default. */
  spearmanVariance?: SpearmanVariance;
  /** Confidence level in (0, 1); 0.95 by default. */
  confidence?: number;
}

/**
 * p-values adjusted across the touchpoints, one family per test.
 *
 * @example
 * const responses = [{ nps: 9, a: 5 }, { nps: 3, a: 1 }, { nps: 10, a: 4 }, { nps: 6, a: 2 }]
 * Object.keys(touchpointDrivers(responses, { nps: 'nps', touchpoints: ['a'] }).drivers[0].adjustedPValues) // => ['spearman', 'pearson', 'npsDifference']
 */
export interface DriverPValues {
  spearman: number | null;
  pearson: number | null;
  npsDifference: number | null;
}

/**
 * One touchpoint's association with NPS.
 *
 * @example
 * const responses = [{ nps: 9, a: 5 }, { nps: 3, a: 1 }, { nps: 10, a: 4 }, { nps: 6, a: 2 }, { nps: 8 }]
 * const d = touchpointDrivers(responses, { nps: 'nps', touchpoints: ['a'] }).drivers[0]
 * [d.touchpoint, d.rank, d.n, d.unrated, d.satisfied, d.notSatisfied] // => ['a', 1, 4, 1, 2, 2]
 */
export interface TouchpointDriver {
  touchpoint: string;
  /** 1 for the strongest driver by `rankBy`; touchpoints without that figure come last. */
  rank: number;
  /** Respondents with both a rating of this touchpoint and an NPS answer. */
  n: number;
  /** Respondents with an NPS answer but no rating of this touchpoint (left out for it). */
  unrated: number;
  /** Spearman's rho of rating and NPS answer (0–10), with its interval; `null` when undefined (fewer than 4 pairs, constant). */
  spearman: CorrelationResult | null;
  /** Pearson's r, the same way. */
  pearson: CorrelationResult | null;
  /** Respondents rating it at or above `satisfiedMin`. */
  satisfied: number;
  notSatisfied: number;
  /** NPS of the satisfied minus NPS of the others (compareNps, points); `null` when a group is empty. */
  npsDifference: NpsDifference | null;
  /** The three p-values adjusted across touchpoints. */
  adjustedPValues: DriverPValues;
  warnings: CxWarning[];
}

/**
 * Result of `touchpointDrivers`: the touchpoints ranked by their association with NPS.
 *
 * @example
 * const responses = [{ nps: 9, a: 5 }, { nps: 3, a: 1 }, { nps: 10, a: 4 }, { nps: 6, a: 2 }, { a: 3 }]
 * const r = touchpointDrivers(responses, { nps: 'nps', touchpoints: ['a'] })
 * [r.kind, r.respondents, r.skipped, r.rankBy, r.adjust] // => ['touchpoint-drivers', 4, 1, 'spearman', 'holm']
 */
export interface TouchpointDriversResult {
  kind: 'touchpoint-drivers';
  /** The touchpoints, strongest first. */
  drivers: TouchpointDriver[];
  /** Responses with an NPS answer. */
  respondents: number;
  /** Responses without an NPS answer, left out. */
  skipped: number;
  satisfiedMin: number;
  scale: { min: number; max: number };
  adjust: PAdjustMethod;
  rankBy: DriverRanking;
  confidence: number;
  warnings: CxWarning[];
}

const KEYS = [
  'nps',
  'touchpoints',
  'satisfiedMin',
  'scale',
  'adjust',
  'rankBy',
  'spearmanVariance',
  'confidence',
] as const;

/**
 * Touchpoint drivers of NPS: for each touchpoint, how the respondents' rating of it goes with
 * their NPS answer — Spearman's and Pearson's correlations with Fisher-z intervals, and the NPS
 * of those satisfied with it against the others — ranked, with p-values adjusted across
 * touchpoints. Association, not cause.
 *
 * For touchpoint t, the pairs are the respondents with both a rating of t and an NPS answer
 * (0–10): rho and r are `spearmanCorrelation` and `pearsonCorrelation` of (rating, answer) — the
 * answer on its 0–10 scale, not the promoter/passive/detractor category; the NPS difference is
 * `compareNps(satisfied, others)` in points (adjusted Wald), satisfied = rating ≥ `satisfiedMin`.
 * Each family of p-values (Spearman, Pearson, NPS difference) is adjusted across touchpoints with
 * `adjustPValues` (Holm by default). Touchpoints are ranked by `rankBy`, highest first (ties by
 * name); one whose figure is undefined (fewer than 4 pairs, every rating alike, no satisfied or no
 * other respondent) comes last and says why in its warnings.
 *
 * A strong association says the touchpoint and loyalty move together among these respondents,
 * not that improving it would raise NPS: both may follow a third factor (a product that works,
 * a customer's mood), and respondents who rate touchpoints are not all customers. Treat the
 * ranking as where to look first, and test changes (an experiment) before crediting them.
 *
 * References: Spearman (1904), doi:10.2307/1412159; Fisher (1921), Metron 1, 3–32; Bonett &
 * Wright (2000), doi:10.1007/BF02294183; Rocks (2016), doi:10.1080/00031305.2016.1158124 (the NPS
 * difference); Holm (1979), Scand. J. Statist. 6, 65–70.
 *
 * @param responses - survey responses (records); not mutated
 * @param options - `nps` and `touchpoints` (required), `satisfiedMin` (4), `scale` ({ min: 1, max: 5 }),
 *   `adjust` ('holm'), `rankBy` ('spearman'), `spearmanVariance` ('bonett-wright'), `confidence` (0.95)
 * @returns TouchpointDriversResult (`kind: 'touchpoint-drivers'`): `drivers` ranked, `respondents`,
 *   `skipped`, and the settings used
 * @throws CxMetricsError EMPTY_INPUT for no responses; INVALID_VALUE (with index) for a response
 *   that is not a record, an NPS answer that is not an integer 0–10, or a rating that is not a
 *   number on the scale; INVALID_OPTION for missing `nps`/`touchpoints` or a bad option;
 *   INSUFFICIENT_DATA when no response has an NPS answer
 * @example
 * const responses = [
 *   { nps: 10, checkout: 5, delivery: 5 }, { nps: 9, checkout: 4, delivery: 5 }, { nps: 9, checkout: 5, delivery: 4 },
 *   { nps: 8, checkout: 4, delivery: 4 }, { nps: 7, checkout: 5, delivery: 3 }, { nps: 6, checkout: 4, delivery: 2 },
 *   { nps: 4, checkout: 3, delivery: 2 }, { nps: 2, checkout: 4, delivery: 1 }, { nps: 9, checkout: 2 },
 * ]
 * const r = touchpointDrivers(responses, { nps: 'nps', touchpoints: ['checkout', 'delivery'] })
 * r.drivers.map((d) => d.touchpoint) // => ['delivery', 'checkout']
 * r.drivers[0].spearman.value // => 0.9635 (to 1e-4)
 * r.drivers[0].npsDifference.difference // => 150 (NPS 75 among the satisfied, −75 among the others)
 */
export function touchpointDrivers<T = unknown>(
  responses: readonly T[],
  options: TouchpointDriversOptions<T>,
): TouchpointDriversResult {
  const fn = 'touchpointDrivers';
  if (options === undefined) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: options { nps, touchpoints } are required`);
  }
  const opts = checkOptions(fn, options, KEYS);
  const readNps = fieldReader<T>(fn, 'nps', opts.nps);
  const touchpoints = touchpointReaders<T>(fn, opts.touchpoints);
  const scale = checkScale(fn, opts.scale);
  const satisfiedMin = checkSatisfiedMin(fn, opts.satisfiedMin, scale);
  const adjust = checkOneOf(fn, 'adjust', opts.adjust ?? 'holm', P_ADJUST_METHODS);
  const rankBy = checkOneOf(fn, 'rankBy', opts.rankBy ?? 'spearman', DRIVER_RANKINGS);
  const variance = checkOneOf(fn, 'spearmanVariance', opts.spearmanVariance ?? 'bonett-wright', SPEARMAN_VARIANCES);
  const confidence = checkConfidence(fn, opts.confidence ?? 0.95);
  if (!Array.isArray(responses)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: expected an array of responses, got ${describe(responses)}`, {
      value: responses,
    });
  }
  if (responses.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one response`);

  // Read every answer once, checked, in input order.
  const answers: number[] = [];
  const ratings: (number | undefined)[][] = touchpoints.map(() => []);
  let skipped = 0;
  // Indexed, not forEach: a hole in the array is refused as a missing record, never skipped.
  for (let i = 0; i < responses.length; i++) {
    const response: unknown = responses[i];
    if (response === null || typeof response !== 'object' || Array.isArray(response)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: response at index ${i} is ${describe(response)}; expected a record`,
        { index: i, value: response },
      );
    }
    const answer = readNps(response as T, i);
    if (isAbsent(answer)) {
      skipped++;
      continue;
    }
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer > 10) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: response at index ${i} has NPS answer ${describe(answer)}; expected an integer from 0 to 10, or none`,
        { index: i, value: answer },
      );
    }
    answers.push(answer);
    touchpoints.forEach(([name, read], t) => {
      const rating = read(response as T, i);
      if (isAbsent(rating)) {
        (ratings[t] as (number | undefined)[]).push(undefined);
        return;
      }
      if (typeof rating !== 'number' || !Number.isFinite(rating) || rating < scale.min || rating > scale.max) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: response at index ${i} rates '${name}' ${describe(rating)}; expected a number from ${scale.min} to ${scale.max}, or none`,
          { index: i, value: rating },
        );
      }
      (ratings[t] as (number | undefined)[]).push(rating);
    });
  }
  if (answers.length === 0) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: none of the ${responses.length} response(s) has an NPS answer; expected at least one`,
    );
  }

  const drivers = touchpoints.map(([name], t): Omit<TouchpointDriver, 'rank' | 'adjustedPValues'> => {
    const x: number[] = [];
    const y: number[] = [];
    const satisfiedScores: number[] = [];
    const otherScores: number[] = [];
    (ratings[t] as (number | undefined)[]).forEach((rating, k) => {
      if (rating === undefined) return;
      const answer = answers[k] as number;
      x.push(rating);
      y.push(answer);
      (rating >= satisfiedMin ? satisfiedScores : otherScores).push(answer);
    });
    const warnings: CxWarning[] = [];
    const attempt = <R>(what: string, f: () => R): R | null => {
      try {
        return f();
      } catch (error) {
        if (!(error instanceof CxMetricsError) || !['INSUFFICIENT_DATA', 'EMPTY_INPUT'].includes(error.code))
          throw error;
        warnings.push(
          warning('INSUFFICIENT_DATA', `${fn}: '${name}': no ${what}: ${error.message.replace(/^\w+: /, '')}`),
        );
        return null;
      }
    };
    const spearman = attempt("Spearman's rho", () => spearmanCorrelation(x, y, { confidence, variance }));
    const pearson = attempt("Pearson's r", () => pearsonCorrelation(x, y, { confidence }));
    let npsDifference: NpsDifference | null = null;
    if (satisfiedScores.length === 0 || otherScores.length === 0) {
      warnings.push(
        warning(
          'INSUFFICIENT_DATA',
          `${fn}: '${name}': no NPS difference: ${satisfiedScores.length} respondent(s) rate it ${satisfiedMin} or more and ${otherScores.length} below; both groups need someone`,
        ),
      );
    } else npsDifference = compareNps(satisfiedScores, otherScores, { confidence });
    if (x.length < answers.length) {
      warnings.push(
        warning(
          'MISSING_FIELD',
          `${fn}: '${name}': ${answers.length - x.length} of ${answers.length} respondent(s) did not rate it and are left out for it`,
        ),
      );
    }
    return {
      touchpoint: name,
      n: x.length,
      unrated: answers.length - x.length,
      spearman,
      pearson,
      satisfied: satisfiedScores.length,
      notSatisfied: otherScores.length,
      npsDifference,
      warnings,
    };
  });

  const adjusted = (pick: (d: (typeof drivers)[number]) => number | undefined): (number | null)[] => {
    const present = drivers.map(pick);
    const values = adjustPValues(
      present.filter((p): p is number => p !== undefined),
      { method: adjust },
    );
    let k = 0;
    return present.map((p) => (p === undefined ? null : (values[k++] as number)));
  };
  const spearmanAdjusted = adjusted((d) => d.spearman?.pValue);
  const pearsonAdjusted = adjusted((d) => d.pearson?.pValue);
  const npsAdjusted = adjusted((d) => d.npsDifference?.pValue);
  const score = (d: (typeof drivers)[number]): number | undefined =>
    rankBy === 'spearman' ? d.spearman?.value : rankBy === 'pearson' ? d.pearson?.value : d.npsDifference?.difference;
  const order = drivers
    .map((d, t) => ({ t, s: score(d) }))
    .sort((a, b) => {
      if (a.s === undefined || b.s === undefined)
        return a.s === undefined ? (b.s === undefined ? nameOrder(a.t, b.t) : 1) : -1;
      return b.s - a.s || nameOrder(a.t, b.t);
    });
  function nameOrder(a: number, b: number): number {
    const x = drivers[a]?.touchpoint as string;
    const y = drivers[b]?.touchpoint as string;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const ranked: TouchpointDriver[] = order.map(({ t }, k) => ({
    ...(drivers[t] as (typeof drivers)[number]),
    rank: k + 1,
    adjustedPValues: {
      spearman: spearmanAdjusted[t] as number | null,
      pearson: pearsonAdjusted[t] as number | null,
      npsDifference: npsAdjusted[t] as number | null,
    },
  }));
  const warnings: CxWarning[] = [];
  if (skipped > 0) {
    warnings.push(
      warning('MISSING_FIELD', `${fn}: ${skipped} response(s) without an NPS answer are left out (counted in skipped)`),
    );
  }
  return printable(
    {
      kind: 'touchpoint-drivers',
      drivers: ranked,
      respondents: answers.length,
      skipped,
      satisfiedMin,
      scale,
      adjust,
      rankBy,
      confidence,
      warnings,
    },
    driversText,
  );
}

function fieldReader<T>(fn: string, name: string, field: unknown): (response: T, index: number) => unknown {
  if (field === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name} is required: the field (or a function) holding each response's ${name === 'nps' ? 'NPS answer' : 'value'}`,
    );
  }
  if (typeof field === 'function') return field as (response: T, index: number) => unknown;
  if (typeof field === 'string' && field !== '') return (response) => ownField(response, field);
  throw new CxMetricsError(
    'INVALID_OPTION',
    `${fn}: ${name} is ${describe(field)}; expected a field name or a function`,
    {
      value: field,
    },
  );
}

function touchpointReaders<T>(fn: string, touchpoints: unknown): [string, (response: T, index: number) => unknown][] {
  let entries: [string, unknown][];
  if (Array.isArray(touchpoints)) entries = touchpoints.map((t: unknown) => [t as string, t]);
  else if (isPlainObject(touchpoints)) entries = Object.entries(touchpoints);
  else {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: touchpoints is ${touchpoints === undefined ? 'required' : describe(touchpoints)}; expected field names (['checkout', 'delivery']) or a record of name → field or function`,
      { value: touchpoints },
    );
  }
  if (entries.length === 0) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: touchpoints is empty; expected at least one touchpoint`);
  }
  const seen = new Set<string>();
  return entries.map(([name, field], k) => {
    if (typeof name !== 'string' || name.trim() === '') {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: touchpoints[${k}] is ${describe(name)}; expected a field name`,
        {
          value: name,
        },
      );
    }
    if (seen.has(name)) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: touchpoint '${name}' appears twice; expected each once`, {
        value: name,
      });
    }
    seen.add(name);
    return [name, fieldReader<T>(fn, `touchpoints.${name}`, field)];
  });
}

function checkScale(fn: string, scale: unknown): { min: number; max: number } {
  if (scale === undefined) return { min: 1, max: 5 };
  const s = checkOptions(fn, scale as { min?: unknown; max?: unknown }, ['min', 'max'], 'scale');
  const { min, max } = s;
  if (
    typeof min !== 'number' ||
    typeof max !== 'number' ||
    !Number.isFinite(min) ||
    !Number.isFinite(max) ||
    !(min < max)
  ) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: scale is { min: ${describe(min)}, max: ${describe(max)} }; expected finite numbers with min < max, e.g. { min: 1, max: 5 }`,
      { value: scale },
    );
  }
  return { min, max };
}

function checkSatisfiedMin(fn: string, value: unknown, scale: { min: number; max: number }): number {
  const v = value ?? (scale.min === 1 && scale.max === 5 ? 4 : undefined);
  if (v === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: satisfiedMin is required with a scale other than 1–5: the lowest rating that counts as satisfied`,
    );
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= scale.min || v > scale.max) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: satisfiedMin is ${describe(v)}; expected a number above ${scale.min} and at most ${scale.max}, so both groups can exist`,
      { value: v },
    );
  }
  return v;
}

function driversText(r: TouchpointDriversResult): string {
  const label = r.rankBy === 'nps-difference' ? 'NPS difference' : r.rankBy === 'pearson' ? 'r' : 'rho';
  const parts = r.drivers.map((d) => {
    const figure =
      r.rankBy === 'nps-difference'
        ? d.npsDifference?.difference
        : r.rankBy === 'pearson'
          ? d.pearson?.value
          : d.spearman?.value;
    const shown = figure === undefined ? '–' : r.rankBy === 'nps-difference' ? figure.toFixed(1) : figure.toFixed(2);
    return `${d.rank}. ${d.touchpoint} (${label} ${shown}, n=${d.n})`;
  });
  return `Touchpoint drivers of NPS (association, not cause; n=${r.respondents}): ${parts.join(', ')}`;
}
