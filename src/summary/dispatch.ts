import { CxMetricsError } from '../errors.ts';
import { checkOptions, closestName, isPlainObject } from '../options.ts';
import { describe } from '../stats/validate.ts';
import type { SummaryFamily } from './family.ts';

// The lookups behind `summarize`, `mergeSummaries` and `estimate`. They take the family list as a
// parameter so that tests can drive them with families of their own; the public functions pass
// FAMILIES (src/summary/registry.ts).

/** The family `summarize` uses for a metric name; INVALID_VALUE with the closest name otherwise. @internal */
export function familyForMetric(families: readonly SummaryFamily[], fn: string, metric: unknown): SummaryFamily {
  if (typeof metric === 'string') {
    const family = families.find((f) => f.metric === metric);
    if (family !== undefined) return family;
  }
  const names = families.map((f) => f.metric);
  throw new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: unknown metric ${describe(metric)}${suggestion(metric, names, 'metric')}`,
    { value: metric },
  );
}

/**
 * The family of a summary, by its `kind`; INVALID_VALUE when the value is not a summary or its
 * kind is unknown (with the closest kind). @internal
 */
export function familyForSummary(families: readonly SummaryFamily[], fn: string, summary: unknown): SummaryFamily {
  if (!isPlainObject(summary)) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: expected a summary (a plain object with a kind, as summarize returns), got ${describe(summary)}`,
      { value: summary },
    );
  }
  const kind = summary.kind;
  const family = typeof kind === 'string' ? families.find((f) => f.kind === kind) : undefined;
  if (family !== undefined) return family;
  const kinds = families.map((f) => f.kind);
  throw new CxMetricsError(
    'INVALID_VALUE',
    kind === undefined
      ? `${fn}: the object has no kind; expected a summary as summarize returns (kind ${listOf(kinds)})`
      : `${fn}: unknown summary kind ${describe(kind)}${suggestion(kind, kinds, 'kind')}`,
    { value: kind },
  );
}

/**
 * Check the options of one side of a family (summarize or estimate): a plain object whose keys are
 * all in `own`. A key that belongs to the other side gets its own message ("method is an option of
 * estimate, not summarize"), anything else the did-you-mean of `checkOptions`. @internal
 */
export function checkSideOptions(
  fn: string,
  options: unknown,
  own: readonly string[],
  other: readonly string[],
  side: 'summarize' | 'estimate',
): Record<string, unknown> {
  if (isPlainObject(options)) {
    for (const key of Object.keys(options)) {
      if (!own.includes(key) && other.includes(key)) {
        const otherSide = side === 'summarize' ? 'estimate' : 'summarize';
        const how =
          otherSide === 'estimate'
            ? `pass it to estimate(summary, { ${key} })`
            : `pass it to summarize(metric, input, { ${key} }); a summary keeps what it was made under`;
        throw new CxMetricsError('INVALID_OPTION', `${fn}: ${key} is an option of ${otherSide}, not ${side}; ${how}`, {
          value: key,
        });
      }
    }
  }
  return checkOptions(fn, options as Record<string, unknown> | undefined, own);
}

function suggestion(value: unknown, names: readonly string[], what: string): string {
  const guess = typeof value === 'string' ? closestName(value, names) : undefined;
  if (guess !== undefined) return `; did you mean '${guess}'?`;
  return names.length > 0 ? `; expected a ${what} from ${listOf(names)}` : `; no ${what} is registered`;
}

function listOf(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(', ');
}
