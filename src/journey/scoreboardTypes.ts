import type { PAdjustMethod } from '../analysis/adjustPValues.ts';
import type { BreakdownGroup, BreakdownResult } from '../analysis/breakdown.ts';
import type { GroupTest } from '../analysis/metricPlan.ts';
import type { CesResult } from '../metrics/ces.ts';
import type { CsatResult } from '../metrics/csat.ts';
import type { NpsResult } from '../metrics/nps.ts';
import type { CxWarning, Difference } from '../types.ts';

// The constants and types of `journeyScoreboard` (scoreboard.ts builds the result; momentOfTruth.ts
// finds its moment of truth; scoreboardText.ts prints it).

/**
 * The survey metrics of a journey scoreboard, in the order of its columns.
 *
 * @example
 * SCOREBOARD_METRICS // => ['nps', 'csat', 'ces']
 */
export const SCOREBOARD_METRICS = Object.freeze(['nps', 'csat', 'ces'] as const);

/**
 * One of `SCOREBOARD_METRICS`: the survey type a column reads (responses carry it in `type`).
 *
 * @example
 * const m: ScoreboardMetric = 'csat'
 * m // => 'csat'
 */
export type ScoreboardMetric = (typeof SCOREBOARD_METRICS)[number];

/**
 * The default journey stages, in journey order: the same list as `JOURNEY_STAGES` of
 * 'cx-metrics/schemas', copied so that the main entry does not load zod
 * (test/journey/scoreboard.test.ts checks they agree). Frozen.
 *
 * @example
 * SCOREBOARD_STAGES[0] // => 'awareness'
 * SCOREBOARD_STAGES.length // => 8
 */
export const SCOREBOARD_STAGES: readonly string[] = Object.freeze([
  'awareness',
  'consideration',
  'purchase',
  'onboarding',
  'usage',
  'support',
  'renewal',
  'advocacy',
]);

/**
 * Options of `journeyScoreboard`.
 *
 * @example
 * const responses = [{ type: 'csat', journeyStage: 'purchase', score: 5 }, { type: 'csat', journeyStage: 'support', score: 2 }]
 * journeyScoreboard(responses, { metrics: ['csat'], csat: { scale: { min: 1, max: 5 } } }).stages // => ['purchase', 'support']
 */
export interface JourneyScoreboardOptions {
  /** The rows: `'journeyStage'` (default) or `'touchpoint'`, the response field read. */
  by?: 'journeyStage' | 'touchpoint';
  /**
   * The rows' keys in journey order. Given, every one is a row (an empty one too) and a response
   * naming another is an error. By default: for `'journeyStage'` the stages of `SCOREBOARD_STAGES`
   * that occur, in that order (another stage is an error: pass `stages`); for `'touchpoint'` the
   * touchpoints that occur, in code-unit order.
   */
  stages?: readonly string[];
  /** The columns; all three by default. */
  metrics?: readonly ScoreboardMetric[];
  /**
   * Where the answer is: a field name or a function (response, index) => score; `'score'` by
   * default. A function receives the response's index within its cell.
   */
  accessor?: string | ((response: never, index: number) => unknown);
  /** p-value adjustment (any `adjustPValues` method); `'holm'` by default. */
  adjust?: PAdjustMethod;
  /** A cell is flagged when its adjusted p-value is below this; 0.05 by default. */
  level?: number;
  /** Confidence level of every interval; 0.95 by default. */
  confidence?: number;
  /** Options of the NPS column (those of `nps` / `breakdown`: scale, method, missing, …). */
  nps?: Record<string, unknown>;
  /** Options of the CSAT column (scale, satisfiedMin, method, …). */
  csat?: Record<string, unknown>;
  /** Options of the CES column (scale, direction, easyThreshold, method, …). */
  ces?: Record<string, unknown>;
}

/**
 * One cell of a scoreboard: a metric at one stage (or touchpoint), its estimate with interval and
 * n, and how the stage differs from all the other stages on that metric.
 *
 * @example
 * const responses = [...Array(40).fill({ type: 'nps', journeyStage: 'purchase', score: 10 }), ...Array(40).fill({ type: 'nps', journeyStage: 'support', score: 2 })]
 * const cell = journeyScoreboard(responses, { metrics: ['nps'] }).rows[1].nps
 * [cell.stage, cell.n, cell.estimate.value, cell.vsRest.difference, cell.flag] // => ['support', 40, -100, -200, 'lower']
 */
export interface ScoreboardCell<R = NpsResult | CsatResult | CesResult>
  extends Pick<BreakdownGroup<R>, 'n' | 'estimate' | 'vsRest' | 'pValue' | 'adjustedPValue' | 'flag' | 'warnings'> {
  // The figures are those of the stage's group in the column's breakdown (the same fields, read
  // from `breakdowns[metric].groups`), so they are declared once, on BreakdownGroup: an empty
  // cell has n 0 and null figures; the warnings include SMALL_SAMPLE (shown, never hidden).
  stage: string;
  metric: ScoreboardMetric;
}

/**
 * One row of a scoreboard: a stage (or touchpoint) and a cell per metric.
 *
 * @example
 * const responses = [{ type: 'ces', journeyStage: 'support', score: 6 }, { type: 'ces', journeyStage: 'support', score: 3 }]
 * const row = journeyScoreboard(responses, { metrics: ['ces'] }).rows[0]
 * [row.stage, row.ces.n, row.nps] // => ['support', 2, undefined]
 */
export interface ScoreboardRow {
  stage: string;
  nps?: ScoreboardCell<NpsResult>;
  csat?: ScoreboardCell<CsatResult>;
  ces?: ScoreboardCell<CesResult>;
}

/**
 * The moment of truth of a scoreboard: the cell whose stage differs most from the rest.
 *
 * @example
 * const responses = [...Array(40).fill({ type: 'nps', journeyStage: 'purchase', score: 10 }), ...Array(40).fill({ type: 'nps', journeyStage: 'support', score: 2 })]
 * const m = journeyScoreboard(responses).momentOfTruth
 * [m.stage, m.metric, m.direction, m.share] // => ['support', 'nps', 'worse', 1]
 */
export interface MomentOfTruth {
  stage: string;
  metric: ScoreboardMetric;
  /** The cell's vsRest (this stage minus all others). */
  vsRest: Difference;
  /** |vsRest| as a share of the metric's range (NPS 200 points, CSAT 1, CES max − min): how cells of different metrics are compared. */
  share: number;
  /** Whether the stage's experience is better or worse than the rest (for CES, by the scale's direction). */
  direction: 'better' | 'worse';
  /** The p-value adjusted across every cell of the scoreboard (all metrics together). */
  adjustedPValue: number;
}

/**
 * Result of `journeyScoreboard`.
 *
 * @example
 * const responses = [{ type: 'nps', journeyStage: 'purchase', score: 9 }, { type: 'nps', journeyStage: 'usage', score: 6 }]
 * const s = journeyScoreboard(responses, { metrics: ['nps'] })
 * [s.kind, s.by, s.stages, s.momentOfTruth] // => ['journey-scoreboard', 'journeyStage', ['purchase', 'usage'], null]
 */
export interface JourneyScoreboardResult {
  kind: 'journey-scoreboard';
  by: 'journeyStage' | 'touchpoint';
  metrics: ScoreboardMetric[];
  /** The rows' keys, in journey order. */
  stages: string[];
  rows: ScoreboardRow[];
  /** Each metric on all its responses that have a stage; null when there are none. */
  overall: { nps?: NpsResult | null; csat?: CsatResult | null; ces?: CesResult | null };
  /** Any difference across the stages at all, per metric (see `breakdown`); null when it cannot be tested. */
  tests: { nps?: GroupTest | null; csat?: GroupTest | null; ces?: GroupTest | null };
  /** The breakdown behind each column (null for a metric without responses). */
  breakdowns: {
    nps?: BreakdownResult<NpsResult> | null;
    csat?: BreakdownResult<CsatResult> | null;
    ces?: BreakdownResult<CesResult> | null;
  };
  /** The stage that differs most from the rest, or null (`momentOfTruthReason` says why). */
  momentOfTruth: MomentOfTruth | null;
  /** How the moment of truth was found, or why there is none, in words. */
  momentOfTruthReason: string;
  /** Responses read. */
  responses: number;
  /** Responses without a stage (touchpoint), left out of every cell and of `overall`. */
  unstaged: number;
  /** Responses of a type not among `metrics`, left out. */
  otherTypes: number;
  adjust: PAdjustMethod;
  level: number;
  warnings: CxWarning[];
}
