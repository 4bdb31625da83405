/**
 * Plain-text formatting for the demo report: fixed decimals, percentages, intervals, aligned
 * tables, warnings. ASCII only, so the output lines up in any terminal or log.
 */
import type { CxWarning, Estimate, NpsResult } from '../src/index.ts';

/** A number with fixed decimals; `-0.0` prints as `0.0`. */
export function fixed(x: number, digits = 1): string {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A share 0..1 as a percentage with one decimal: `0.482` → `48.2%`. */
export function percent(share: number): string {
  return `${fixed(100 * share)}%`;
}

/** A sample size: whole numbers as is, effective (weighted) sizes with one decimal. */
export function count(n: number): string {
  return Number.isInteger(n) ? String(n) : fixed(n);
}

/** A confidence level as a percentage: `0.95` → `95%`, `0.975` → `97.5%`. */
export function confidenceLabel(confidence: number): string {
  return `${Number((100 * confidence).toFixed(4))}%`;
}

/** `adjusted-wald 95%` */
export function methodLabel(e: Pick<Estimate, 'method' | 'confidence'>): string {
  return `${e.method} ${confidenceLabel(e.confidence)}`;
}

/** A number with fixed decimals and an explicit sign: `+4.1`, `-0.25`, `0.0`. */
export function signed(x: number, digits = 1): string {
  const s = fixed(x, digits);
  return s.startsWith('-') || Number(s) === 0 ? s : `+${s}`;
}

/** A p-value: `< 0.001`, three decimals below 0.01 (`0.004`), else two (`0.67`). */
export function pValue(p: number): string {
  if (p < 0.001) return '< 0.001';
  return p < 0.01 ? p.toFixed(3) : p.toFixed(2);
}

/** How a bound prints: one decimal by default; `percent` for shares, `(x) => fixed(x, 2)` for means. */
export type BoundFormat = (x: number) => string;

/**
 * `[27.1, 36.8]`, with the bounds padded to the given widths so a column of intervals aligns.
 * `format` prints each bound (one decimal by default).
 */
export function interval(
  lower: number,
  upper: number,
  widths: [number, number] = [0, 0],
  format: BoundFormat = fixed,
): string {
  return `[${format(lower).padStart(widths[0])}, ${format(upper).padStart(widths[1])}]`;
}

/** Widths that align the lower and upper bounds of several intervals printed with `format`. */
export function intervalWidths(
  estimates: readonly Pick<Estimate, 'lower' | 'upper'>[],
  format: BoundFormat = fixed,
): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const e of estimates) {
    lo = Math.max(lo, format(e.lower).length);
    hi = Math.max(hi, format(e.upper).length);
  }
  return [lo, hi];
}

/** `NPS  32.0  [27.1, 36.8]  adjusted-wald 95%  n=412  skipped=9` */
export function npsLine(r: NpsResult): string {
  return `NPS  ${fixed(r.value)}  ${interval(r.lower, r.upper)}  ${methodLabel(r)}  n=${count(r.n)}  skipped=${r.skipped}`;
}

/** `promoters 250 (48.0%)   passives 101 (19.4%)   detractors 61 (14.8%)` */
export function npsGroupsLine(r: NpsResult): string {
  return [
    `promoters ${r.promoters} (${percent(r.shares.promoters)})`,
    `passives ${r.passives} (${percent(r.shares.passives)})`,
    `detractors ${r.detractors} (${percent(r.shares.detractors)})`,
  ].join('   ');
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/**
 * An aligned plain-text table: a header row, a rule, then one line per row. Cells are strings
 * already formatted; columns are separated by two spaces and left-aligned unless told otherwise.
 */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = columns.map((c, k) => Math.max(c.header.length, ...rows.map((row) => (row[k] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    indent +
    columns
      .map((c, k) => {
        const cell = cells[k] ?? '';
        const width = widths[k] ?? 0;
        return c.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** `count (share%)` for a table cell. */
export function countWithShare(n: number, share: number): string {
  return `${n} (${percent(share)})`;
}

/** Warnings as indented lines, each prefixed with the row it belongs to: `! phone: SMALL_SAMPLE ...`. */
export function warningLines(
  items: readonly { label: string; warnings: readonly CxWarning[] }[],
  indent = '  ',
): string[] {
  const lines: string[] = [];
  for (const { label, warnings } of items) {
    for (const w of warnings) lines.push(`${indent}! ${label}: ${w.code} - ${w.message}`);
  }
  return lines;
}

/** A section title underlined with `-`. */
export function heading(title: string): string[] {
  return [title, '-'.repeat(title.length)];
}

/** A part or report title underlined with `=`. */
export function partHeading(title: string): string[] {
  return [title, '='.repeat(title.length)];
}

/**
 * The answers at each point of a rating scale as a small table:
 *
 *   score        1     2     3      4      5
 *   -------  ----  ----  ----  -----  -----
 *   answers     14    19    24     88    130
 *   share     5.1%  6.9%  8.7%  32.0%  47.3%
 */
export function distributionTable(points: readonly { score: number; count: number; share: number }[]): string[] {
  const columns: Column[] = [
    { header: 'score' },
    ...points.map((p) => ({ header: String(p.score), align: 'right' as const })),
  ];
  return table(columns, [
    ['answers', ...points.map((p) => String(p.count))],
    ['share', ...points.map((p) => percent(p.share))],
  ]);
}

const SECOND_MS = 1_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * A duration in milliseconds for a reader: `40 s`, `43 min`, `5 h 12 min`, `2.3 days`; `not reached`
 * for Infinity (a percentile or bound a Kaplan–Meier curve never reaches). The style follows
 * `scale` (by default the duration itself): seconds under a minute, minutes under an hour, hours
 * and minutes under 48 hours, days with one decimal above. Pass the estimate as `scale` when
 * printing its bounds, so an estimate and its interval read in one style.
 */
export function duration(ms: number, scale = ms): string {
  if (ms === Number.POSITIVE_INFINITY) return 'not reached';
  if (!Number.isFinite(ms)) return '-';
  const reference = Number.isFinite(scale) ? scale : ms;
  if (reference < MINUTE_MS) return `${Math.round(ms / SECOND_MS)} s`;
  if (reference < HOUR_MS) return `${Math.round(ms / MINUTE_MS)} min`;
  if (reference < 48 * HOUR_MS) {
    const minutes = Math.round(ms / MINUTE_MS);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return `${m} min`;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  return `${fixed(ms / DAY_MS)} days`;
}

/** A BoundFormat printing durations in the style of `scale` (see `duration`). */
export function durationFormat(scale: number): BoundFormat {
  return (x) => duration(x, scale);
}

/** `[31 h 14 min, 58 h 4 min]`: an estimate's interval in the estimate's duration style. */
export function durationInterval(e: { value: number; lower: number; upper: number }): string {
  return interval(e.lower, e.upper, undefined, durationFormat(e.value));
}

/** Whole currency units with thousands separators: `19330.4` → `$19,330`, `-684` → `-$684`; Infinity → `unbounded`. */
export function money(x: number, symbol = '$'): string {
  if (x === Number.POSITIVE_INFINITY) return 'unbounded';
  if (!Number.isFinite(x)) return '-';
  const digits = String(Math.round(Math.abs(x))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 && Math.round(x) !== 0 ? '-' : ''}${symbol}${digits}`;
}

/**
 * A message with every `<number> ms` followed by the same duration for a reader:
 * `horizon 4746299000 ms` → `horizon 4746299000 ms (54.9 days)`. The number is kept as is.
 */
export function readableMs(message: string): string {
  return message.replace(/\b(\d+(?:\.\d+)?) ms\b/g, (match, n: string) => `${match} (${duration(Number(n))})`);
}
