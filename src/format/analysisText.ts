import { isEstimate, isObject, type Loose } from './kinds.ts';
import { fixed, pValueLabel } from './numbers.ts';

// The text tables of `breakdown` and `trend` results: one row per group or period with the
// estimate, its interval as a bar on an axis shared by all rows (the overall value marked as a
// rule), the comparison, its adjusted p-value and the flag. Recognised by shape (kind and the
// groups/periods array), like every other result kind; never throws.

/** Whether x is a breakdown result (kind 'breakdown' with a groups array). @internal */
export function isBreakdown(x: unknown): x is Loose {
  return isObject(x) && x.kind === 'breakdown' && Array.isArray(x.groups);
}

/** Whether x is a trend result (kind 'trend' with a periods array). @internal */
export function isTrend(x: unknown): x is Loose {
  return isObject(x) && x.kind === 'trend' && Array.isArray(x.periods);
}

const SHARE_METRICS = ['csat', 'proportion', 'fcr', 'sla', 'churn', 'funnel', 'cart-abandonment'];
const BAR = 24;

interface Row {
  label: string;
  n: string;
  estimate: unknown;
  comparison: Loose | null;
  adjusted: unknown;
  flag: unknown;
  extra: string;
}

const DURATION_METRICS = ['ttr', 'first-response'];

/** The estimate a row shows: the result itself, a duration result's median, or a funnel's end-to-end conversion. @internal */
export function shownEstimate(x: unknown): unknown {
  if (isEstimate(x)) return x;
  if (isObject(x) && x.kind === 'funnel' && isObject(x.endToEnd) && isEstimate(x.endToEnd.conversion)) {
    return x.endToEnd.conversion;
  }
  return isObject(x) && isEstimate(x.median) ? x.median : undefined;
}

function valueText(metric: unknown, x: number): string {
  if (DURATION_METRICS.includes(String(metric))) return `${fixed(x / 3_600_000, 1)} h`;
  return SHARE_METRICS.includes(String(metric))
    ? `${fixed(100 * x, 1)}%`
    : metric === 'nps'
      ? fixed(x, 1)
      : fixed(x, 2);
}

function differenceText(metric: unknown, x: number): string {
  const t = SHARE_METRICS.includes(String(metric))
    ? `${fixed(100 * x, 1)} pp`
    : metric === 'nps'
      ? fixed(x, 1)
      : fixed(x, 2);
  return t.startsWith('-') || /^0(\.0*)?( |$)/.test(t) ? t : `+${t}`;
}

function bar(lower: number, value: number, upper: number, lo: number, hi: number, rule: number | undefined): string {
  const cells = Array.from({ length: BAR }, () => ' ');
  const at = (x: number) => Math.max(0, Math.min(BAR - 1, Math.round(((x - lo) / (hi - lo || 1)) * (BAR - 1))));
  if (rule !== undefined && Number.isFinite(rule)) cells[at(rule)] = '┊';
  if ([lower, value, upper].every(Number.isFinite)) {
    for (let i = at(lower); i <= at(upper); i++) cells[i] = '─';
    cells[at(lower)] = '├';
    cells[at(upper)] = '┤';
    cells[at(value)] = '●';
  }
  return cells.join('');
}

function table(metric: unknown, rows: Row[], overall: unknown, heading: string, compareHeading: string): string[] {
  const estimates = rows.map((r) => shownEstimate(r.estimate)).filter(isEstimate);
  const bounds = estimates.flatMap((e) => [e.lower, e.upper]).filter(Number.isFinite);
  const whole = shownEstimate(overall);
  if (isEstimate(whole)) bounds.push(whole.lower, whole.upper);
  const lo = bounds.length > 0 ? Math.min(...bounds) : 0;
  const hi = bounds.length > 0 ? Math.max(...bounds) : 1;
  const rule = isEstimate(whole) ? whole.value : undefined;
  const cells = rows.map((r) => {
    const e: unknown = shownEstimate(r.estimate);
    const est = isEstimate(e)
      ? `${valueText(metric, e.value)} [${valueText(metric, e.lower)}, ${valueText(metric, e.upper)}]`
      : '—';
    const c = r.comparison;
    const cmp = isObject(c) && typeof c.difference === 'number' ? differenceText(metric, c.difference) : '';
    const adj = typeof r.adjusted === 'number' ? pValueLabel(r.adjusted).replace('p=', '').replace('p < ', '<') : '';
    const flag = r.flag === 'higher' ? '▲ higher' : r.flag === 'lower' ? '▼ lower' : '';
    const barText = isEstimate(e) ? bar(e.lower, e.value, e.upper, lo, hi, rule) : ' '.repeat(BAR);
    return [r.label, r.n, est, barText, cmp, adj, flag, r.extra];
  });
  const head = ['', 'n', `${heading} [CI]`, '', compareHeading, 'adj. p', '', ''];
  const all = [head, ...cells];
  const widths = head.map((_, i) => Math.max(...all.map((row) => (row[i] as string).length)));
  return all.map((row) =>
    row
      .map((cell, i) =>
        i === 1 || i === 4 || i === 5 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number),
      )
      .join('  ')
      .trimEnd(),
  );
}

function metricName(metric: unknown): string {
  if (DURATION_METRICS.includes(String(metric))) return `${String(metric).toUpperCase()} median`;
  if (metric === 'funnel') return 'Funnel end-to-end';
  if (metric === 'cart-abandonment') return 'Cart abandonment';
  return metric === 'nps' ? 'NPS' : typeof metric === 'string' ? metric.toUpperCase() : 'metric';
}

function warningLines(x: Loose): string[] {
  const ws = Array.isArray(x.warnings) ? x.warnings : [];
  return ws.filter(isObject).map((w) => `! ${String(w.code)}: ${String(w.message)}`);
}

/** A funnel breakdown's steps: each step's test, and the groups flagged at it. */
function stepLines(x: Loose): string[] {
  if (!Array.isArray(x.steps)) return [];
  const groups = (x.groups as unknown[]).filter(isObject);
  return x.steps.filter(isObject).map((step, k) => {
    const t = step.test;
    const test = isObject(t) && typeof t.pValue === 'number' ? `chi-square ${pValueLabel(t.pValue)}` : 'no test';
    const flagged = groups
      .map((g) => ({ label: String(g.label ?? g.key), s: Array.isArray(g.steps) ? g.steps[k] : undefined }))
      .filter((r) => isObject(r.s) && (r.s.flag === 'higher' || r.s.flag === 'lower'))
      .map((r) => {
        const s = r.s as Loose;
        const d = isObject(s.vsRest) && typeof s.vsRest.difference === 'number' ? s.vsRest.difference : Number.NaN;
        return `${r.label} ${String(s.flag)} (${differenceText('funnel', d)}, adj. ${pValueLabel(Number(s.adjustedPValue))})`;
      });
    return `step ${String(step.from)} → ${String(step.to)}: ${test}; ${flagged.length > 0 ? flagged.join(', ') : 'no group flagged'}`;
  });
}

/** The text table of a breakdown result. @internal */
export function breakdownText(x: Loose): string {
  try {
    const metric = x.metric;
    const by = Array.isArray(x.by) ? x.by.join(' × ') : 'group';
    const overall = x.overall;
    const rows: Row[] = (x.groups as unknown[]).filter(isObject).map((g) => ({
      label: String(g.label ?? g.key),
      n: String(g.n ?? ''),
      estimate: g.estimate ?? null,
      comparison: isObject(g.vsRest) ? g.vsRest : null,
      adjusted: g.adjustedPValue,
      flag: g.flag,
      extra: '',
    }));
    if (shownEstimate(overall) !== undefined) {
      rows.push({
        label: 'overall',
        n: String(isObject(shownEstimate(overall)) ? (shownEstimate(overall) as Loose).n : ''),
        estimate: overall,
        comparison: null,
        adjusted: null,
        flag: null,
        extra: '',
      });
    }
    const lines = [
      `${metricName(metric)} by ${by}: each group vs the rest, ${String(x.adjust)}-adjusted, flagged below ${String(x.level)} (┊ overall)`,
      ...table(metric, rows, overall, metricName(metric), 'vs rest'),
    ];
    const t = x.test;
    if (isObject(t) && typeof t.statistic === 'number' && typeof t.pValue === 'number') {
      lines.push(
        `any difference across groups: ${String(t.method)} ${fixed(t.statistic, 2)}, df ${String(t.df)}, ${pValueLabel(t.pValue)}`,
      );
    }
    lines.push(...stepLines(x));
    return [...lines, ...warningLines(x)].join('\n');
  } catch {
    return 'breakdown';
  }
}

/** The text table of a trend result. @internal */
export function trendText(x: Loose): string {
  try {
    const metric = x.metric;
    const rows: Row[] = (x.periods as unknown[]).filter(isObject).map((p) => {
      const rollingShown = isObject(p.rolling) ? shownEstimate(p.rolling.estimate) : undefined;
      const rolling = isEstimate(rollingShown) ? rollingShown : undefined;
      return {
        label: `${String(p.label)}${p.partial === true ? '*' : ''}`,
        n: String(p.n ?? ''),
        estimate: p.estimate ?? null,
        comparison: isObject(p.vsPrevious) ? p.vsPrevious : null,
        adjusted: p.adjustedPValue,
        flag: p.flag,
        extra: rolling !== undefined ? `rolling ${valueText(metric, rolling.value)}` : '',
      };
    });
    const window = isObject(x.window)
      ? ` rolling over ${'days' in x.window ? `${String(x.window.days)} days` : `${String(x.window.periods)} periods`};`
      : '';
    const lines = [
      `${metricName(metric)} by ${String(x.period)} (${String(x.timeZone)}):${window} each period vs the previous, ${String(x.adjust)}-adjusted (* partial)`,
      ...table(metric, rows, x.overall, metricName(metric), 'vs prev'),
    ];
    const t = x.trendTest;
    if (isObject(t) && typeof t.statistic === 'number' && typeof t.pValue === 'number') {
      lines.push(
        `steady trend: ${String(t.method)} ${fixed(t.statistic, 2)}, slope ${differenceText(metric, Number(t.slope))} per period, ${pValueLabel(t.pValue)}`,
      );
    }
    return [...lines, ...warningLines(x)].join('\n');
  } catch {
    return 'trend';
  }
}
