import { P_ADJUST_METHODS } from '../analysis/adjustPValues.ts';
import { type BreakdownResult, breakdown } from '../analysis/breakdown.ts';
import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { checkOptions, closestName, isPlainObject } from '../options.ts';
import { ownField } from '../ownField.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import type { CxWarning } from '../types.ts';
import { warning } from '../warnings.ts';
import { momentOfTruth } from './momentOfTruth.ts';
import { compareKeys, isAbsent } from './records.ts';
import { scoreboardLine } from './scoreboardText.ts';
import {
  type JourneyScoreboardOptions,
  type JourneyScoreboardResult,
  SCOREBOARD_METRICS,
  SCOREBOARD_STAGES,
  type ScoreboardCell,
  type ScoreboardMetric,
  type ScoreboardRow,
} from './scoreboardTypes.ts';

export {
  type JourneyScoreboardOptions,
  type JourneyScoreboardResult,
  type MomentOfTruth,
  SCOREBOARD_METRICS,
  SCOREBOARD_STAGES,
  type ScoreboardCell,
  type ScoreboardMetric,
  type ScoreboardRow,
} from './scoreboardTypes.ts';

const KEYS = ['by', 'stages', 'metrics', 'accessor', 'adjust', 'level', 'confidence', 'nps', 'csat', 'ces'] as const;
const BY = ['journeyStage', 'touchpoint'] as const;
const OWN_KEYS: readonly string[] = ['weights', 'by', 'metric', 'order', 'adjust', 'level', 'confidence', 'stages'];

/**
 * A journey scoreboard: NPS, CSAT and CES per journey stage (or touchpoint), in journey order,
 * each stage against the rest, and the "moment of truth" — the stage whose experience differs
 * most from the rest.
 *
 * Each response counts in the column of its `type` ('nps', 'csat', 'ces'; answers of different
 * surveys are never pooled) and the row of its `journeyStage` (or `touchpoint`). Each column is a
 * `breakdown` of that type's responses by stage: the metric's usual estimate and interval per
 * cell, `vsRest` the signed difference stage − all other stages (compareNps for NPS,
 * compareProportions for CSAT, Welch's compareMeans for CES), its p-value adjusted across the
 * column's stages (Holm 1979 by default) and a flag. Small cells (fewer than 30 answers) are shown
 * and warned, never hidden.
 *
 * The moment of truth (Carlzon 1987, "Moments of Truth": the contacts that decide how a customer
 * sees the company) is found in the data: every cell's p-value is adjusted again across all
 * cells of the scoreboard, every metric together (so looking at three columns does not triple
 * the chances of a false find); among the cells below `level` after that, the one with the
 * largest |vsRest| as a share of its metric's range (NPS 200 points, CSAT's share 1, CES max −
 * min) is it (ties: the smaller adjusted p-value, then the stage worse than the rest, then the
 * earlier stage). None qualifies: `momentOfTruth` is null and `momentOfTruthReason` says so. It is an
 * association in survey data: the stage where answers differ, not proof that the stage causes it.
 *
 * @param responses - survey responses `{ type, journeyStage?, touchpoint?, score? }` (as
 *   `parseResponses` of 'cx-metrics/schemas' gives them, or plain records)
 * @param options - `by`, `stages`, `metrics`, `accessor`, `adjust`, `level`, `confidence`, and
 *   per-metric options `nps`, `csat`, `ces` (scale, method, …)
 * @returns JourneyScoreboardResult (`kind: 'journey-scoreboard'`): `rows` (a cell per metric),
 *   `overall`, `tests`, `breakdowns`, `momentOfTruth` and its reason, counts and warnings
 * @throws CxMetricsError EMPTY_INPUT for no responses; INVALID_OPTION for an unknown option, `by`,
 *   metric, stage list or level, and for `weights` (not supported) or a top-level key given in a
 *   column's options; INVALID_VALUE for a response that is not a record, has no known
 *   `type`, a stage that is not text or not in the list (each with its index), and as the metric
 *   for a bad score (with its index in `responses`)
 * @example
 * const responses = [
 *   ...Array(50).fill({ type: 'csat', journeyStage: 'purchase', score: 5 }),
 *   ...Array(20).fill({ type: 'csat', journeyStage: 'support', score: 5 }), ...Array(40).fill({ type: 'csat', journeyStage: 'support', score: 2 }),
 *   ...Array(40).fill({ type: 'nps', journeyStage: 'purchase', score: 9 }), ...Array(40).fill({ type: 'nps', journeyStage: 'support', score: 7 }),
 *   ...Array(40).fill({ type: 'nps', journeyStage: 'usage', score: 9 }),
 * ]
 * const s = journeyScoreboard(responses, { metrics: ['nps', 'csat'] })
 * s.stages // => ['purchase', 'usage', 'support']
 * s.rows.map((r) => [r.stage, r.csat.n, r.nps.estimate.value]) // => [['purchase', 50, 100], ['usage', 0, 100], ['support', 60, 0]]
 * [s.momentOfTruth.stage, s.momentOfTruth.metric, s.momentOfTruth.direction] // => ['support', 'csat', 'worse']
 * String(s).startsWith('Journey scoreboard by journeyStage') // => true
 */
export function journeyScoreboard(
  responses: readonly unknown[],
  options: JourneyScoreboardOptions = {},
): JourneyScoreboardResult {
  const fn = 'journeyScoreboard';
  const o = checkOptions(fn, options, KEYS) as JourneyScoreboardOptions;
  const by = checkOneOf(fn, 'by', o.by ?? 'journeyStage', BY);
  const metrics = readMetrics(fn, o.metrics);
  const given = o.stages === undefined ? undefined : readStages(fn, o.stages);
  const adjust = checkOneOf(fn, 'adjust', o.adjust ?? 'holm', P_ADJUST_METHODS);
  const level = o.level ?? 0.05;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: level is ${describe(level)}; expected a number in (0, 1)`, {
      value: level,
    });
  }
  const confidence = o.confidence === undefined ? undefined : checkConfidence(fn, o.confidence);
  for (const m of SCOREBOARD_METRICS) {
    const extra = o[m];
    if (extra !== undefined && !isPlainObject(extra)) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: ${m} is ${describe(extra)}; expected the ${m} options`, {
        value: extra,
      });
    }
    // Weights given per response would not line up with one type's responses; the scoreboard's
    // own keys belong at the top level.
    const misplaced = Object.keys(extra ?? {}).find((k) => OWN_KEYS.includes(k));
    if (misplaced !== undefined) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: ${m}.${misplaced} is not a column option${
          misplaced === 'weights'
            ? ' (weighted answers are not supported by the scoreboard)'
            : `; give ${misplaced} at the top level`
        }`,
        { value: misplaced },
      );
    }
  }
  if (!Array.isArray(responses)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected an array of survey responses, got ${describe(responses)}`,
      {
        value: responses,
      },
    );
  }
  if (responses.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: no responses`);

  // One pass: each response to its column (type) with its row key; the index kept for errors.
  const allowed = given ?? (by === 'journeyStage' ? SCOREBOARD_STAGES : undefined);
  const columns = new Map<ScoreboardMetric, { records: unknown[]; index: number[] }>(
    metrics.map((m) => [m, { records: [], index: [] }]),
  );
  const seen = new Set<string>();
  let unstaged = 0;
  let otherTypes = 0;
  for (let i = 0; i < responses.length; i++) {
    const r: unknown = responses[i];
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: response at index ${i} is ${describe(r)}; expected a record { type, ${by}, score }`,
        { index: i, value: r },
      );
    }
    const type = (r as { type?: unknown }).type;
    if (type !== 'nps' && type !== 'csat' && type !== 'ces') {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: response at index ${i} has type ${describe(type)}; expected 'nps', 'csat' or 'ces' (answers of different surveys are never pooled)`,
        { index: i, value: type },
      );
    }
    const key = ownField(r, by);
    if (isAbsent(key)) {
      unstaged++;
      continue;
    }
    if (typeof key !== 'string') {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: response at index ${i} has ${by} ${describe(key)}; expected text (a ${by === 'journeyStage' ? 'stage' : 'touchpoint'} name)`,
        { index: i, value: key },
      );
    }
    if (allowed !== undefined && !allowed.includes(key)) {
      const guess = closestName(key, allowed);
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: response at index ${i} has ${by} '${key}', which is not among the stages (${allowed.join(', ')})${
          guess !== undefined ? `; did you mean '${guess}'?` : ''
        }${given === undefined ? '; pass your own list as stages' : ''}`,
        { index: i, value: key },
      );
    }
    const column = columns.get(type);
    if (column === undefined) {
      otherTypes++;
      continue;
    }
    seen.add(key);
    column.records.push(r);
    column.index.push(i);
  }
  const stages =
    given !== undefined
      ? [...given]
      : allowed !== undefined
        ? allowed.filter((s) => seen.has(s))
        : [...seen].sort(compareKeys);

  const warnings: CxWarning[] = [];
  const rows: ScoreboardRow[] = stages.map((stage) => ({ stage }));
  const overall: JourneyScoreboardResult['overall'] = {};
  const tests: JourneyScoreboardResult['tests'] = {};
  const breakdowns: JourneyScoreboardResult['breakdowns'] = {};
  const accessor = o.accessor ?? 'score';
  for (const metric of metrics) {
    const column = columns.get(metric) as { records: unknown[]; index: number[] };
    let b: BreakdownResult | null = null;
    if (column.records.length > 0) {
      const bo: Record<string, unknown> = { ...(o[metric] ?? {}), by, metric, accessor, adjust, level, order: stages };
      if (confidence !== undefined) bo.confidence = confidence;
      try {
        b = breakdown(column.records, bo as never) as BreakdownResult;
      } catch (error) {
        if (
          error instanceof CxMetricsError &&
          (error.code === 'EMPTY_INPUT' || error.code === 'INSUFFICIENT_DATA') &&
          error.index === undefined
        ) {
          // Too few answers for even the overall figure (every score skipped): an empty column.
          warnings.push(
            warning(
              'SMALL_SAMPLE',
              `${fn}: the ${metric} column has no estimate (${error.message.replace(/^breakdown\b/, fn)}); its cells are empty`,
            ),
          );
          b = null;
        } else if (error instanceof CxMetricsError && error.index !== undefined) {
          const index = column.index[error.index] ?? error.index;
          const message = error.message.replace(/^breakdown\b/, fn).replace(/\bindex \d+/, `index ${index}`);
          throw new CxMetricsError(error.code, `${message} (${metric} column)`, { index, value: error.value });
        } else if (error instanceof CxMetricsError) {
          throw new CxMetricsError(error.code, `${error.message.replace(/^breakdown\b/, fn)} (${metric} column)`, {
            value: error.value,
          });
        } else throw error;
      }
    } else {
      warnings.push(warning('NO_TEST', `${fn}: no ${metric} responses with a ${by}; the ${metric} cells are empty`));
    }
    (breakdowns as Record<string, unknown>)[metric] = b;
    (overall as Record<string, unknown>)[metric] = b === null ? null : b.overall;
    (tests as Record<string, unknown>)[metric] = b === null ? null : b.test;
    const byKey = new Map((b?.groups ?? []).map((g) => [g.key as string, g]));
    for (const row of rows) {
      const g = byKey.get(row.stage);
      const cell: ScoreboardCell = {
        stage: row.stage,
        metric,
        n: g?.n ?? 0,
        estimate: (g?.estimate ?? null) as ScoreboardCell['estimate'],
        vsRest: g?.vsRest ?? null,
        pValue: g?.pValue ?? null,
        adjustedPValue: g?.adjustedPValue ?? null,
        flag: g?.flag ?? 'none',
        warnings: g?.warnings ?? [],
      };
      (row as unknown as Record<string, ScoreboardCell>)[metric] = cell;
    }
  }

  const cells = rows.flatMap((row) => metrics.map((m) => row[m] as ScoreboardCell));
  const small = cells.filter((c) => c.n > 0 && c.warnings.some((w) => w.code === 'SMALL_SAMPLE'));
  if (small.length > 0) {
    warnings.push(
      warning(
        'SMALL_SAMPLE',
        `${fn}: small cell(s) ${small.map((c) => `${c.metric} at ${c.stage} (n=${c.n})`).join(', ')}: shown, but their estimates and comparisons are rough`,
      ),
    );
  }
  const empty = cells.filter((c) => c.n === 0 && columns.get(c.metric)?.records.length !== 0);
  if (empty.length > 0) {
    warnings.push(
      warning(
        'SMALL_SAMPLE',
        `${fn}: empty cell(s) ${empty.map((c) => `${c.metric} at ${c.stage}`).join(', ')}: no answers, no estimate`,
      ),
    );
  }
  if (unstaged > 0) {
    warnings.push(
      warning('MISSING_FIELD', `${fn}: ${unstaged} response(s) have no ${by}: left out of every cell and of overall`),
    );
  }
  if (otherTypes > 0) {
    warnings.push(
      warning(
        'OTHER_TYPES',
        `${fn}: ${otherTypes} response(s) of a type not among metrics (${metrics.join(', ')}) are left out`,
      ),
    );
  }

  const { moment, reason } = momentOfTruth(cells, by === 'journeyStage' ? 'stage' : 'touchpoint', adjust, level);
  const result: JourneyScoreboardResult = {
    kind: 'journey-scoreboard',
    by,
    metrics,
    stages,
    rows,
    overall,
    tests,
    breakdowns: breakdowns,
    momentOfTruth: moment,
    momentOfTruthReason: reason,
    responses: responses.length,
    unstaged,
    otherTypes,
    adjust,
    level,
    warnings,
  };
  return printable(result, scoreboardLine);
}

function readMetrics(fn: string, metrics: unknown): ScoreboardMetric[] {
  if (metrics === undefined) return [...SCOREBOARD_METRICS];
  if (!Array.isArray(metrics) || metrics.length === 0) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: metrics is ${describe(metrics)}; expected a non-empty list of 'nps', 'csat', 'ces'`,
      { value: metrics },
    );
  }
  const out: ScoreboardMetric[] = [];
  metrics.forEach((m, i) => {
    const metric = checkOneOf(fn, `metrics[${i}]`, m, SCOREBOARD_METRICS);
    if (out.includes(metric)) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: metrics[${i}] '${metric}' repeats an earlier metric`, {
        value: m,
      });
    }
    out.push(metric);
  });
  // Columns in the order of SCOREBOARD_METRICS, whatever the order asked.
  return SCOREBOARD_METRICS.filter((m) => out.includes(m));
}

function readStages(fn: string, stages: unknown): string[] {
  if (!Array.isArray(stages) || stages.length === 0) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: stages is ${describe(stages)}; expected a non-empty list of stage names in journey order`,
      { value: stages },
    );
  }
  const out: string[] = [];
  stages.forEach((s, i) => {
    if (typeof s !== 'string' || s.trim() === '') {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: stages[${i}] is ${describe(s)}; expected a non-blank name`, {
        value: s,
      });
    }
    if (out.includes(s)) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: stages[${i}] '${s}' repeats an earlier stage`, { value: s });
    }
    out.push(s);
  });
  return out;
}
