import { blocksOf, isShareLike } from '../format/figures.ts';
import { blockLines, formatResult } from '../format/formatResult.ts';
import { isEstimate, isNps, isObject, kindOf, type Loose, type ResultKind } from '../format/kinds.ts';
import { SHOWN, unwrap } from '../format/unwrap.ts';
import type { Estimate } from '../types.ts';
import { analysisChartFor } from './analysisCharts.ts';
import { cohortRetentionChart } from './cohortRetentionChart.ts';
import { comparisonChart } from './comparisonChart.ts';
import { distributionChart } from './distributionChart.ts';
import { blocksHtml, escapeHtml } from './html.ts';
import { intervalChart } from './intervalChart.ts';
import { kaplanMeierChart } from './kaplanMeierChart.ts';
import { npsBreakdownChart } from './npsBreakdownChart.ts';
import type { VegaLiteSpec } from './spec.ts';

/**
 * The key Deno's Jupyter kernel (and other JS kernels) call to get a value's MIME bundle
 * (`Deno.jupyter.$display`).
 *
 * @example
 * JUPYTER_DISPLAY === Symbol.for('Jupyter.display') // => true
 * show(npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }))[JUPYTER_DISPLAY]()['text/plain'].startsWith('NPS 30.0') // => true
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display');

/**
 * The key Node's `util.inspect` (and so `console.log`) calls for a custom printout.
 *
 * @example
 * NODE_INSPECT === Symbol.for('nodejs.util.inspect.custom') // => true
 */
export const NODE_INSPECT: unique symbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * The key Deno's `console.log` and `Deno.inspect` call for a custom printout.
 *
 * @example
 * DENO_INSPECT === Symbol.for('Deno.customInspect') // => true
 */
export const DENO_INSPECT: unique symbol = Symbol.for('Deno.customInspect');

/**
 * The MIME type of Vega-Lite 5 specs in Jupyter.
 *
 * @example
 * VEGA_LITE_MIME // => 'application/vnd.vegalite.v5+json'
 */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

/**
 * A Jupyter MIME bundle: the same result as text, as HTML and, where a chart fits, as Vega-Lite.
 * Plain JSON.
 *
 * @example
 * Object.keys(show(meanInterval([1, 2, 3]))[JUPYTER_DISPLAY]()) // => ['text/plain', 'text/html']
 * Object.keys(show({ hello: 'world' })[JUPYTER_DISPLAY]()) // => ['text/plain']
 */
export interface MimeBundle {
  'text/plain': string;
  'text/html'?: string;
  'application/vnd.vegalite.v5+json'?: VegaLiteSpec;
}

/**
 * What `show` returns: the value, displayed richly in notebooks and as text in consoles.
 *
 * @example
 * const result = meanInterval([1, 2, 3])
 * show(result).value === result // => true
 * show(result).kind // => 'estimate'
 * JSON.stringify(show(result)) === JSON.stringify(result) // => true
 */
export interface Shown<T = unknown> {
  /** The wrapped value, unchanged. */
  readonly value: T;
  /** What the value was recognised as (see `resultKind`). */
  readonly kind: ResultKind;
  /** The MIME bundle a Jupyter kernel displays. */
  [JUPYTER_DISPLAY](): MimeBundle;
  /** Node's console.log / util.inspect print the text/plain form. */
  [NODE_INSPECT](): string;
  /** Deno's console.log prints the text/plain form. */
  [DENO_INSPECT](): string;
  /** The text/plain form (`String(show(x))`, template literals). */
  toString(): string;
  /** The wrapped value, so `JSON.stringify(show(x))` is `JSON.stringify(x)`. */
  toJSON(): unknown;
  /** @internal */
  readonly [SHOWN]: T;
}

/** Results whose numbers all share one scale, so one interval chart can hold them. */
function homogeneousEstimates(values: unknown[]): 'nps' | 'share' | 'number' | undefined {
  if (values.length === 0 || !values.every(isEstimate)) return undefined;
  const estimates = values as Estimate[];
  if (estimates.every((e) => isNps(e))) return 'nps';
  const kinds = new Set(estimates.map((e) => kindOf(e)));
  if (kinds.size !== 1) return undefined;
  if (estimates.every(isShareLike)) return 'share';
  return kinds.has('estimate') ? 'number' : undefined;
}

/** The chart that fits a value, or undefined. Never throws: a chart is an extra. */
function fittingChart(x: unknown, kind: ResultKind): VegaLiteSpec | undefined {
  try {
    switch (kind) {
      case 'chart':
        return x as VegaLiteSpec;
      case 'breakdown':
      case 'trend':
        return analysisChartFor(x);
      case 'nps':
        return npsBreakdownChart(x as never);
      case 'csat':
      case 'ces':
        return distributionChart(x as never);
      case 'difference':
        return comparisonChart(x as never);
      case 'kaplan-meier':
        return kaplanMeierChart(x as never);
      case 'cohort-retention':
        return cohortRetentionChart(x as never);
      case 'duration': {
        const r = x as Loose;
        const estimates: Record<string, unknown> = { median: r.median };
        for (const [key, e] of Object.entries(isObject(r.percentiles) ? r.percentiles : {})) {
          if (key !== 'p50') estimates[key] = e;
        }
        estimates.mean = r.mean;
        return intervalChart(estimates as never, { format: 'duration', metric: 'duration' });
      }
      case 'collection': {
        const record = Array.isArray(x) ? Object.fromEntries(x.map((v, i) => [`#${i + 1}`, v])) : (x as Loose);
        const values = Object.values(record);
        const same = homogeneousEstimates(values);
        if (same === 'nps') return npsBreakdownChart(record as never);
        if (same !== undefined) return intervalChart(record as never);
        return undefined;
      }
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/**
 * The Vega-Lite chart that `show` puts in a result's MIME bundle, or undefined when none fits.
 *
 * The rules: NPS → `npsBreakdownChart`; CSAT and CES → `distributionChart`; a Difference →
 * `comparisonChart`; a Kaplan–Meier or retention curve → `kaplanMeierChart`; a cohort table →
 * `cohortRetentionChart`; a DurationResult → `intervalChart` of its median, percentiles and mean
 * (in a readable time unit); an array or record whose entries are all NPS results →
 * `npsBreakdownChart` by key, all Estimates of one kind (all shares, or all plain Estimates) →
 * `intervalChart`; a Vega-Lite spec → itself. A single plain Estimate, mixed collections and
 * anything else → undefined. Never throws: a result too odd to chart gives undefined.
 *
 * JupyterLab and Notebook 7 prefer `text/html` to Vega-Lite, so `show(result)` displays there as
 * the table; `show(chartFor(result))` displays the chart alone.
 *
 * @param x - a result, an array or record of results, or anything
 * @returns the Vega-Lite spec, or undefined
 * @example
 * chartFor(npsFromCounts({ promoters: 5, passives: 3, detractors: 2 })).datasets.shares.length // => 3
 * chartFor(meanInterval([1, 2, 3])) // => undefined
 */
export function chartFor(x: unknown): VegaLiteSpec | undefined {
  const value = unwrap(x);
  let kind: ResultKind;
  try {
    kind = kindOf(value);
  } catch {
    return undefined;
  }
  return fittingChart(value, kind);
}

/**
 * Wrap a result for display: in a Jupyter notebook (Deno's kernel, or any kernel that honours
 * `Symbol.for('Jupyter.display')`) it shows as a compact table with each interval drawn as a bar
 * and, where one fits, a Vega-Lite chart; in Node and Deno consoles it prints as readable lines
 * (`NPS 32.0 [27.1, 36.8] (adjusted-wald, 95%, n=412)`).
 *
 * The MIME bundle has `text/plain` (the `formatResult` lines), `text/html` (a table: value,
 * interval as an inline SVG bar on an axis shared by comparable rows, n, method, details,
 * warnings; everything HTML-escaped, styles inline) and `application/vnd.vegalite.v5+json` for:
 * NPS (`npsBreakdownChart`), CSAT and CES (`distributionChart`), differences (`comparisonChart`),
 * Kaplan–Meier and retention curves (`kaplanMeierChart`), cohort tables
 * (`cohortRetentionChart`), durations (`intervalChart` of median, percentiles and mean), and
 * collections whose entries are all NPS results (breakdown by key) or all Estimates of one kind
 * (`intervalChart`); see `chartFor`. A single plain Estimate and mixed collections get no chart.
 * A Vega-Lite spec (from a chart builder) shows as the chart alone, with a one-line text form.
 * Results are recognised by shape (see `resultKind`); anything else shows as JSON text only.
 *
 * Which type a front end draws is its choice: JupyterLab and Notebook 7 prefer `text/html` to
 * Vega-Lite and show the table; display `show(chartFor(x))` or `show(npsBreakdownChart(x))` for
 * the chart.
 *
 * The wrapper holds the value unchanged: `show(x).value === x`, `JSON.stringify(show(x))` equals
 * `JSON.stringify(x)`, `show(show(x))` is `show(x)`. The bundle is built when asked for, and never
 * throws: a result too odd to chart is shown without a chart.
 *
 * @param x - a result (Estimate, NpsResult, CsatResult, CesResult, a Difference, DurationResult,
 *   Kaplan–Meier or retention curve, cohort table), an array or record of results, or anything
 * @returns a `Shown` wrapper: `[Symbol.for('Jupyter.display')]()` gives the MIME bundle,
 *   `toString()` and console.log the text
 * @example
 * const shown = show(npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }))
 * String(shown) // => 'NPS 30.0 [14.1, 44.2] (adjusted-wald, 95%, n=100)'
 * shown.kind // => 'nps'
 * Object.keys(shown[Symbol.for('Jupyter.display')]()) // => ['text/plain', 'text/html', 'application/vnd.vegalite.v5+json']
 */
export function show<T>(x: T): Shown<T> {
  const value = unwrap(x) as T;
  // Object.is, not !==: NaN !== NaN, so show(NaN) returned the bare NaN instead of a wrapper.
  if (!Object.is(value, x)) return x as unknown as Shown<T>;
  let kind: ResultKind;
  try {
    kind = kindOf(value);
  } catch {
    kind = 'unknown';
  }
  const text = () => formatResult(value);
  const shown: Shown<T> = {
    value,
    kind,
    [SHOWN]: value,
    [JUPYTER_DISPLAY](): MimeBundle {
      if (kind === 'unknown') return { 'text/plain': text() };
      // A chart on its own: no HTML beside it, so front ends that rank HTML above Vega-Lite
      // (JupyterLab, Notebook 7) draw the chart.
      if (kind === 'chart') return { 'text/plain': text(), [VEGA_LITE_MIME]: value as VegaLiteSpec };
      if (kind === 'breakdown' || kind === 'trend') {
        // One table as monospaced text (the interval bars are characters), and the chart.
        const table: MimeBundle = { 'text/plain': text(), 'text/html': `<pre>${escapeHtml(text())}</pre>` };
        const chart = fittingChart(value, kind);
        if (chart !== undefined) table[VEGA_LITE_MIME] = chart;
        return table;
      }
      let blocks: ReturnType<typeof blocksOf>;
      try {
        blocks = blocksOf(value);
      } catch {
        return { 'text/plain': text() };
      }
      const bundle: MimeBundle = { 'text/plain': blockLines(blocks).join('\n'), 'text/html': blocksHtml(blocks) };
      const chart = fittingChart(value, kind);
      if (chart !== undefined) bundle[VEGA_LITE_MIME] = chart;
      return bundle;
    },
    [NODE_INSPECT]: text,
    [DENO_INSPECT]: text,
    toString: text,
    toJSON: () => value,
  };
  return Object.freeze(shown);
}
