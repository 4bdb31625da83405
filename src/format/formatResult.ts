import { breakdownText, isBreakdown, isTrend, trendText } from './analysisText.ts';
import { type Block, blocksOf, type CohortBlock, type Figure, jsonText } from './figures.ts';
import { confidenceLabel, count, formatters, signed } from './numbers.ts';
import { unwrap } from './unwrap.ts';

/** `NPS 32.0 [27.1, 36.8] (adjusted-wald, 95%, n=412)`, with warning codes after a ⚠. @internal */
export function figureLine(f: Figure): string {
  const format = formatters(f.scale, f.value, f.lower, f.upper);
  const value = f.signed ? signed(format(f.value)) : format(f.value);
  const parts: string[] = [];
  if (f.method !== undefined) parts.push(f.method);
  if (f.confidence !== undefined) parts.push(confidenceLabel(f.confidence));
  if (f.n !== undefined) parts.push(`n=${count(f.n)}`);
  parts.push(...f.details);
  const warnings = f.warnings.length === 0 ? '' : ` ⚠ ${[...new Set(f.warnings.map((w) => w.code))].join(', ')}`;
  const indent = '  '.repeat(f.depth);
  const group = f.group === undefined ? '' : `${f.group}: `;
  const paren = parts.length === 0 ? '' : ` (${parts.join(', ')})`;
  return `${group}${indent}${f.label} ${value} [${format(f.lower)}, ${format(f.upper)}]${paren}${warnings}`;
}

function cohortLines(b: CohortBlock): string[] {
  const group = b.group === undefined ? '' : `${b.group}: `;
  const asOf = b.asOf === '' ? '' : `, as of ${b.asOf.slice(0, 10)}`;
  const warnings = b.warnings.length === 0 ? '' : ` ⚠ ${[...new Set(b.warnings.map((w) => w.code))].join(', ')}`;
  const lines = [`${group}Cohort retention by ${b.period} (n=${count(b.n)}${asOf})${warnings}`];
  const share = formatters({ kind: 'share' }, 0, 0, 1);
  const width = Math.max(0, ...b.rows.map((row) => row.cohort.length));
  for (const row of b.rows) {
    const cells =
      row.cells.length === 0 ? 'no complete period yet' : row.cells.map((c) => share(c.retained.value)).join(' · ');
    lines.push(`${group}  ${row.cohort.padEnd(width)} (n=${count(row.size)}): ${cells}`);
  }
  return lines;
}

/** The text/plain lines of display blocks. @internal */
export function blockLines(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    const group = b.group === undefined ? '' : `${b.group}: `;
    switch (b.type) {
      case 'figure':
        return [figureLine(b)];
      case 'cohort':
        return cohortLines(b);
      case 'warnings':
        return b.warnings.map((w) => `${group}⚠ ${w.code}: ${w.message}`);
      default:
        return [`${group}${b.text}`];
    }
  });
}

/**
 * The plain-text form of a result: one readable line per figure, e.g.
 * `NPS 32.0 [27.1, 36.8] (adjusted-wald, 95%, n=412)` — the value, the interval, the method, the
 * confidence level and the sample size, then the codes of any warnings after a ⚠.
 *
 * Accepts everything `show` does and recognises results by shape (see `resultKind`). NPS is
 * printed in points with one decimal, shares (CSAT, FCR, SLA, churn, proportions) as percentages,
 * differences of shares in percentage points, durations (ms) in a readable unit (ms, s, min, h,
 * d), other numbers with decimals chosen from the interval's width (about three significant
 * digits of it). A difference prints its line, with the p-value, and the two groups indented
 * below; a collection prints its entries prefixed by their keys. Anything else prints as JSON
 * (non-finite numbers as strings). Never throws.
 *
 * @param x - a result, an array or record of results, or anything else
 * @returns the text, lines separated by `\n` (no trailing newline)
 * @example
 * formatResult(npsFromCounts({ promoters: 50, passives: 30, detractors: 20 })) // => 'NPS 30.0 [14.1, 44.2] (adjusted-wald, 95%, n=100)'
 * formatResult(csatFromCounts({ satisfied: 3, total: 5 })) // => 'CSAT 60.0% [23.1%, 88.2%] (wilson, 95%, n=5)'
 * formatResult({ north: npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }) }).startsWith('north: NPS 30.0') // => true
 * formatResult({ hello: 'world' }) // => '{\n  "hello": "world"\n}'
 */
export function formatResult(x: unknown): string {
  try {
    const value = unwrap(x);
    if (isBreakdown(value)) return breakdownText(value);
    if (isTrend(value)) return trendText(value);
    return blockLines(blocksOf(value)).join('\n');
  } catch {
    // Hostile input (a throwing getter, a revoked proxy): still print something.
    return jsonText(x);
  }
}
