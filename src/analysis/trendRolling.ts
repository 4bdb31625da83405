import { CxMetricsError } from '../errors.ts';
import type { Summary } from '../summary/types.ts';
import type { PeriodDays } from '../time/periods.ts';
import type { CxWarning } from '../types.ts';
import { estimateOrNull, type MetricPlan, resultN } from './metricPlan.ts';
import type { TrendPeriod } from './trend.ts';

// The rolling figures of `trend`: each period's window is a merge of the bucket summaries it
// covers (local days for `{ days: N }`, periods for `{ periods: N }`), never a second reading.

/** Set `rolling` on every period: the metric on the window ending with it. @internal */
export function addRolling(
  fn: string,
  plan: MetricPlan,
  window: { days: number } | { periods: number },
  periods: TrendPeriod[],
  periodDays: PeriodDays[],
  bucketSummaries: Summary[],
  ranges: (number[] | null)[],
  first: PeriodDays,
  from: number,
  startOf: (day: number) => number,
  merge: (a: Summary, b: Summary) => Summary,
): void {
  const k = periods.length;
  const span = 'days' in window ? (periodDays[k - 1] as PeriodDays).next - first.first : k;
  const size = 'days' in window ? window.days : window.periods;
  if (size > span) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: window is ${size} ${'days' in window ? 'days' : 'periods'} but the series spans ${span}; expected a window no longer than the series`,
      { value: size },
    );
  }
  periods.forEach((p, i) => {
    const pd = periodDays[i] as PeriodDays;
    let a: number;
    let b: number;
    let startDay: number;
    if ('days' in window) {
      // Buckets are days here (or periods of one day): the N days ending with the period's last day.
      const endBucket = ranges[i] === null ? i + 1 : ((ranges[i] as number[])[1] as number);
      b = endBucket;
      a = Math.max(0, b - window.days);
      startDay = pd.next - window.days;
    } else {
      b = ranges[i] === null ? i + 1 : ((ranges[i] as number[])[1] as number);
      const startPeriod = Math.max(0, i - window.periods + 1);
      a = ranges[startPeriod] === null ? startPeriod : ((ranges[startPeriod] as number[])[0] as number);
      startDay =
        i - window.periods + 1 >= 0 ? (periodDays[i - window.periods + 1] as PeriodDays).first : first.first - 1;
    }
    let s = bucketSummaries[a] as Summary;
    for (let j = a + 1; j < b; j++) s = merge(s, bucketSummaries[j] as Summary);
    const complete = startDay >= first.first && startOf(Math.max(startDay, first.first)) >= from;
    const w: CxWarning[] = [];
    const est = estimateOrNull(plan, s, `${fn}: rolling window ending ${p.label}`, w);
    const start = Math.max(from, startOf(Math.max(startDay, first.first)));
    p.rolling = {
      start: new Date(start).toISOString(),
      end: p.end,
      estimate: est,
      n: resultN(est),
      complete,
    };
  });
}
