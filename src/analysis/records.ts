import { CxMetricsError } from '../errors.ts';
import { describe } from '../stats/validate.ts';

/** The most records one call reads (2²⁸, as the survey metrics' dense path). */
const MAX_RECORDS = 2 ** 28;

/** The records of breakdown and trend: an array-like of a length one pass can hold. @internal */
export function readRecords(fn: string, records: unknown): ArrayLike<unknown> {
  if (records === null || typeof records !== 'object' || typeof (records as { length?: unknown }).length !== 'number') {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: records is ${describe(records)}; expected an array of records`, {
      value: records,
    });
  }
  const items = records as ArrayLike<unknown>;
  // One pass keeps a group code per record: a length no array can have, or one too long to hold
  // those codes, is refused here instead of failing in an allocation.
  const length = items.length;
  if (!Number.isInteger(length) || length < 0 || length > MAX_RECORDS) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: records has length ${describe(length)}; expected a whole number of records up to ${MAX_RECORDS} ` +
        '(summarize larger data in parts and merge the summaries: mergeSummaries)',
      { value: length },
    );
  }
  if (items.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: no records`);
  return items;
}
