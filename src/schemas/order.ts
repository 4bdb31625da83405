// Cross-field checks on timestamps (a ticket resolved before it was created, a subscription that
// ended before it started). Internal to 'cx-metrics/schemas'.
import type * as z from 'zod';

/** `[later, earlier]`: the field `later`, when present, must not be before the field `earlier`. */
export type TimeOrder<K extends string> = readonly [later: K, earlier: K];

/**
 * A superRefine that reports each `later` time that is before its `earlier` time, on the path of
 * the later field. Runs even when other fields failed (zod's `when`), so one pass reports every
 * problem in the row; a pair is compared only when both sides parsed to valid Dates.
 */
export function timeOrder<K extends string>(orders: readonly TimeOrder<K>[]) {
  const check = (record: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const [later, earlier] of orders) {
      const a = record[later];
      const b = record[earlier];
      if (!(a instanceof Date) || !(b instanceof Date) || Number.isNaN(a.getTime()) || Number.isNaN(b.getTime()))
        continue;
      if (a.getTime() < b.getTime()) {
        ctx.addIssue({
          code: 'custom',
          path: [later],
          message: `${later} (${a.toISOString()}) is before ${earlier} (${b.toISOString()}); expected a time at or after ${earlier}`,
        });
      }
    }
  };
  const when = (payload: z.core.ParsePayload) => typeof payload.value === 'object' && payload.value !== null;
  return [check, { when }] as const;
}
