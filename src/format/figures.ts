import type { CxWarning, Estimate } from '../types.ts';
import { isEstimate, isNps, isObject, kindOf, type Loose, MAX_DEPTH, warningsOf } from './kinds.ts';
import { count, fixed, pValueLabel, type Scale } from './numbers.ts';

// The display model shared by the text and HTML views: a result becomes a list of blocks, most of
// them figures (one number with its interval). Building it reads the result defensively: shapes
// were only checked by duck typing, so every optional field is checked again where it is used.

/** One number with its interval: one line of text, one row of the HTML table. @internal */
export interface Figure {
  type: 'figure';
  /** Key path in a collection ('north', 'q1 / north'), absent for a single result. */
  group?: string;
  label: string;
  value: number;
  lower: number;
  upper: number;
  scale: Scale;
  n?: number;
  method?: string;
  confidence?: number;
  /** Extra parts of the parenthesis: 'p=0.04', '2 open'. */
  details: string[];
  /** A longer note for the HTML view (NPS breakdown, satisfied counts). */
  note?: string;
  /** A reference line on the bar: 0 for differences. */
  reference?: number;
  /** 1 for the groups a and b under a difference. */
  depth: number;
  /** A signed value (differences). */
  signed: boolean;
  warnings: CxWarning[];
}

/** A cohort retention table. @internal */
export interface CohortBlock {
  type: 'cohort';
  group?: string;
  period: string;
  asOf: string;
  n: number;
  rows: { cohort: string; size: number; cells: { period: number; active?: number; retained: Estimate }[] }[];
  warnings: CxWarning[];
}

/** Something that is not a result, shown as JSON. @internal */
export interface JsonBlock {
  type: 'json';
  group?: string;
  text: string;
}

/** Warnings that belong to a collection rather than to one of its figures. @internal */
export interface WarningsBlock {
  type: 'warnings';
  group?: string;
  warnings: CxWarning[];
}

/** @internal */
export type Block = Figure | CohortBlock | JsonBlock | WarningsBlock;

const PROPORTION_METHODS = new Set(['wilson', 'agresti-coull', 'clopper-pearson', 'jeffreys', 'wald']);

const inUnit = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;

/** An Estimate of a proportion: a proportion-interval method and value and bounds in [0, 1]. @internal */
export function isShareLike(e: Estimate): boolean {
  return PROPORTION_METHODS.has(e.method) && inUnit(e.value) && inUnit(e.lower) && inUnit(e.upper);
}

const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** JSON text that never throws: non-finite numbers and bigints as strings, cycles marked. @internal */
export function jsonText(x: unknown, indent?: number): string {
  const stack: unknown[] = [];
  try {
    const text = JSON.stringify(
      x,
      function replacer(this: unknown, _key, value: unknown) {
        if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
        if (typeof value === 'bigint') return `${value}n`;
        if (typeof value === 'symbol') return value.toString();
        if (isObject(value)) {
          // JSON.stringify visits depth-first; `this` is the holder, so trim the stack to it.
          while (stack.length > 0 && stack[stack.length - 1] !== this) stack.pop();
          if (stack.includes(value)) return '[Circular]';
          stack.push(value);
        }
        return value;
      },
      indent,
    );
    return text ?? String(x);
  } catch {
    try {
      return String(x);
    } catch {
      return '[unprintable value]';
    }
  }
}

interface FigureOptions {
  group?: string | undefined;
  depth?: number;
  details?: string[];
  note?: string | undefined;
  signed?: boolean;
  reference?: number;
  warnings?: CxWarning[];
}

function figure(e: Estimate, label: string, scale: Scale, options: FigureOptions = {}): Figure {
  const f: Figure = {
    type: 'figure',
    label,
    value: e.value,
    lower: e.lower,
    upper: e.upper,
    scale,
    n: e.n,
    method: e.method,
    confidence: e.confidence,
    details: options.details ?? [],
    depth: options.depth ?? 0,
    signed: options.signed ?? false,
    warnings: options.warnings ?? warningsOf(e),
  };
  if (options.group !== undefined) f.group = options.group;
  if (options.note !== undefined) f.note = options.note;
  if (options.reference !== undefined) f.reference = options.reference;
  return f;
}

/** The label and scale of a plain Estimate, from the fields that name what it measures. */
function describeEstimate(e: Estimate & Loose): [string, Scale] {
  const share = isShareLike(e);
  if (num(e.arpa) !== undefined && num(e.expectedLifetime) !== undefined) {
    return ['Customer lifetime value', { kind: 'number' }];
  }
  if (num(e.met) !== undefined && num(e.missed) !== undefined && num(e.targetMs) !== undefined) {
    return ['SLA attainment', share ? { kind: 'share' } : { kind: 'number' }];
  }
  if (num(e.firstContact) !== undefined && str(e.definition) !== undefined) {
    return [`FCR (${e.definition})`, share ? { kind: 'share' } : { kind: 'number' }];
  }
  if ((e.definition === 'cohort' || e.definition === 'exposure') && num(e.churned) !== undefined) {
    if (e.definition === 'exposure') return [`Churn rate per customer-${str(e.unit) ?? 'day'}`, { kind: 'number' }];
    return ['Churn', share ? { kind: 'share' } : { kind: 'number' }];
  }
  if (num(e.fromDays) !== undefined && num(e.toDays) !== undefined) {
    return ['Churn (converted)', share ? { kind: 'share' } : { kind: 'number' }];
  }
  if (num(e.p) !== undefined && str(e.confType) !== undefined) return [`Quantile p=${e.p}`, { kind: 'time', unit: '' }];
  if (num(e.achievedConfidence) !== undefined) return ['Quantile', { kind: 'number' }];
  if (share) return ['Proportion', { kind: 'share' }];
  return ['Estimate', { kind: 'number' }];
}

function percentOf(share: unknown): string {
  return typeof share === 'number' ? `${fixed(100 * share, 1)}%` : '?';
}

function npsNote(r: Loose): string {
  const shares = isObject(r.shares) ? r.shares : {};
  const parts = (['promoters', 'passives', 'detractors'] as const).map(
    (k) => `${k} ${count(num(r[k]) ?? Number.NaN)} (${percentOf(shares[k])})`,
  );
  const skipped = num(r.skipped) ?? 0;
  if (skipped > 0) parts.push(`${count(skipped)} skipped`);
  return parts.join(' · ');
}

function skippedNote(r: Loose, first: string): string {
  const skipped = num(r.skipped) ?? 0;
  return skipped > 0 ? `${first} · ${count(skipped)} skipped` : first;
}

function npsBlocks(r: Estimate & Loose, group: string | undefined): Block[] {
  return [figure(r, 'NPS', { kind: 'points' }, { group, note: npsNote(r) })];
}

function csatBlocks(r: Estimate & Loose, group: string | undefined): Block[] {
  const scale = isObject(r.scale) ? r.scale : {};
  const threshold = num(scale.satisfiedMin);
  const satisfied = `${count(num(r.satisfied) ?? Number.NaN)} satisfied${threshold === undefined ? '' : ` (≥ ${threshold})`}`;
  const out: Block[] = [
    figure(r, 'CSAT', isShareLike(r) ? { kind: 'share' } : { kind: 'number' }, {
      group,
      note: skippedNote(r, satisfied),
    }),
  ];
  if (isEstimate(r.mean)) out.push(figure(r.mean, 'CSAT mean score', { kind: 'number' }, { group }));
  return out;
}

function cesBlocks(r: Estimate & Loose, group: string | undefined): Block[] {
  const scale = isObject(r.scale) ? r.scale : {};
  const range = `scale ${num(scale.min) ?? '?'}–${num(scale.max) ?? '?'}`;
  const direction = str(scale.direction)?.replaceAll('-', ' ');
  const note = skippedNote(r, direction === undefined ? range : `${range}, ${direction}`);
  const out: Block[] = [figure(r, 'CES', { kind: 'number' }, { group, note })];
  const easy = r.easy as Estimate;
  out.push(figure(easy, 'CES easy', isShareLike(easy) ? { kind: 'share' } : { kind: 'number' }, { group }));
  if (isEstimate(r.netEffort)) out.push(figure(r.netEffort, 'CES net effort', { kind: 'points' }, { group }));
  return out;
}

function differenceBlocks(d: Loose, group: string | undefined): Block[] {
  const a = d.a as Estimate;
  const b = d.b as Estimate;
  let label = 'Difference';
  let scale: Scale = { kind: 'number' };
  let groupLabel = 'Estimate';
  let groupScale: Scale = { kind: 'number' };
  if (isNps(a) && isNps(b)) {
    [label, scale, groupLabel, groupScale] = ['NPS difference', { kind: 'points' }, 'NPS', { kind: 'points' }];
  } else if (num(d.t) !== undefined && num(d.df) !== undefined) {
    [label, groupLabel] = ['Mean difference', 'Mean'];
  } else if (isShareLike(a) && isShareLike(b)) {
    [label, scale, groupLabel, groupScale] = ['Proportion difference', { kind: 'pp' }, 'Proportion', { kind: 'share' }];
  }
  const top: Estimate = {
    value: d.difference as number,
    lower: d.lower as number,
    upper: d.upper as number,
    confidence: num(d.confidence) ?? Number.NaN,
    method: d.method as string,
    n: Number.NaN,
    warnings: warningsOf(d),
  };
  const head = figure(top, label, scale, {
    group,
    details: [pValueLabel(d.pValue as number)],
    signed: true,
    reference: 0,
  });
  delete head.n;
  if (Number.isNaN(top.confidence)) delete head.confidence;
  return [
    head,
    figure(a, `a: ${groupLabel}`, groupScale, { group, depth: 1 }),
    figure(b, `b: ${groupLabel}`, groupScale, { group, depth: 1 }),
  ];
}

function durationBlocks(r: Loose, group: string | undefined): Block[] {
  const median = r.median as Estimate;
  const mean = r.mean as Estimate & Loose;
  const open = num(r.open);
  const completed = num(r.completed);
  const clock = str(r.clock);
  const details = open !== undefined && open > 0 ? [`${count(open)} open`] : [];
  const noteParts: string[] = [];
  if (completed !== undefined) noteParts.push(`${count(completed)} completed`);
  if (open !== undefined) noteParts.push(`${count(open)} open`);
  if (clock === 'business') noteParts.push('business hours');
  const method = str(r.method);
  if (method !== undefined) noteParts.push(method);
  // Sample-level warnings go with the headline figure; the median's own follow them.
  const seen = new Set<string>();
  const merged = [...warningsOf(r), ...warningsOf(median)].filter((w) => {
    const key = `${w.code}\u0000${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const duration: Scale = { kind: 'duration' };
  const out: Block[] = [
    figure(median, 'Duration median', duration, {
      group,
      details,
      note: noteParts.join(' · '),
      warnings: merged,
    }),
  ];
  const percentiles = isObject(r.percentiles) ? r.percentiles : {};
  for (const [key, e] of Object.entries(percentiles)) {
    if (!isEstimate(e)) continue;
    // The median is already the headline; p50 would repeat it.
    if ((e as Estimate & Loose).p === 0.5 || key === 'p50') continue;
    out.push(figure(e, `Duration ${key}`, duration, { group }));
  }
  const restricted = num(mean.horizon) !== undefined;
  out.push(figure(mean, restricted ? 'Duration restricted mean' : 'Duration mean', duration, { group }));
  return out;
}

function sumOf(points: Loose[], key: string): number | undefined {
  let total = 0;
  for (const p of points) {
    const v = num(p[key]);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

function kaplanMeierBlocks(r: Loose, group: string | undefined): Block[] {
  const points = r.points as Loose[];
  const median = r.median as Estimate;
  const unit = str(r.unit);
  const retention = unit !== undefined && num(r.churned) !== undefined;
  const plural = unit === undefined ? '' : `${unit}s`;
  const timeScale: Scale = { kind: 'time', unit: plural };
  const details: string[] = [];
  if (retention) {
    details.push(`${count(num(r.churned) as number)} churned`);
    const active = num(r.active);
    if (active !== undefined) details.push(`${count(active)} active`);
  } else {
    const events = sumOf(points, 'events');
    const censored = sumOf(points, 'censored');
    if (events !== undefined) details.push(`${count(events)} events`);
    if (censored !== undefined) details.push(`${count(censored)} censored`);
  }
  const seen = new Set<string>();
  const warnings = [...warningsOf(r), ...warningsOf(median)].filter((w) => {
    const key = `${w.code}\u0000${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // The curve itself is a chart, not a line of text; its headline figure is the median.
  return [
    figure(median, retention ? 'Median lifetime' : 'Kaplan–Meier median', timeScale, { group, details, warnings }),
  ];
}

function cohortBlocks(r: Loose, group: string | undefined): Block[] {
  const rows = (r.cohorts as Loose[]).map((row) => ({
    cohort: row.cohort as string,
    size: num(row.size) ?? Number.NaN,
    cells: (row.cells as Loose[]).map((cell) => {
      const c: { period: number; active?: number; retained: Estimate } = {
        period: cell.period as number,
        retained: cell.retained as Estimate,
      };
      const active = num(cell.active);
      if (active !== undefined) c.active = active;
      return c;
    }),
  }));
  const block: CohortBlock = {
    type: 'cohort',
    period: str(r.period) ?? 'period',
    asOf: str(r.asOf) ?? '',
    n: num(r.n) ?? Number.NaN,
    rows,
    warnings: warningsOf(r),
  };
  if (group !== undefined) block.group = group;
  return [block];
}

/** `Vega-Lite chart: Net Promoter Score` — what a chart spec prints as text. @internal */
export function chartLabel(spec: Loose): string {
  const title = isObject(spec.title) ? spec.title.text : spec.title;
  return typeof title === 'string' && title !== '' ? `Vega-Lite chart: ${title}` : 'Vega-Lite chart';
}

function withGroup<T extends Block>(block: T, group: string | undefined): T {
  if (group !== undefined) block.group = group;
  return block;
}

const join = (group: string | undefined, key: string) => (group === undefined ? key : `${group} / ${key}`);

/** The display blocks of any value. @internal */
export function blocksOf(x: unknown, group?: string, depth = 0): Block[] {
  const kind = kindOf(x);
  switch (kind) {
    case 'nps':
      return npsBlocks(x as Estimate & Loose, group);
    case 'csat':
      return csatBlocks(x as Estimate & Loose, group);
    case 'ces':
      return cesBlocks(x as Estimate & Loose, group);
    case 'estimate': {
      const [label, scale] = describeEstimate(x as Estimate & Loose);
      return [figure(x as Estimate, label, scale, { group })];
    }
    case 'difference':
      return differenceBlocks(x as Loose, group);
    case 'duration':
      return durationBlocks(x as Loose, group);
    case 'kaplan-meier':
      return kaplanMeierBlocks(x as Loose, group);
    case 'cohort-retention':
      return cohortBlocks(x as Loose, group);
    case 'chart':
      return [withGroup({ type: 'json', text: chartLabel(x as Loose) }, group)];
    case 'collection': {
      const entries = Object.entries(x as Loose);
      const isArray = Array.isArray(x);
      return entries.flatMap(([key, value]): Block[] => {
        const label = isArray ? (group === undefined ? undefined : `${group}[${key}]`) : join(group, key);
        if (depth < MAX_DEPTH && kindOf(value) !== 'unknown') return blocksOf(value, label, depth + 1);
        if (!isArray && key === 'warnings' && Array.isArray(value)) {
          const warnings = warningsOf(x);
          return warnings.length === 0 ? [] : [withGroup({ type: 'warnings', warnings }, group)];
        }
        // Functions (a Kaplan–Meier `quantile`) are behaviour, not data: JSON leaves them out too.
        if (typeof value === 'function' || value === undefined) return [];
        return [withGroup({ type: 'json', text: jsonText(value) }, label)];
      });
    }
    default:
      return [withGroup({ type: 'json', text: jsonText(x, 2) }, group)];
  }
}
