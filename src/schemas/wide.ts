// Wide survey exports: one row per respondent holding the NPS, CSAT and CES answers in columns of
// their own (nps_score, csat_score, ces_score), read as one typed response per answer. Internal
// to 'cx-metrics/schemas': parseResponses takes `wide` as an option.
import { CxMetricsError } from '../errors.ts';
import { closestName, isPlainObject } from '../options.ts';
import { describe } from '../stats/validate.ts';
import type { ColumnMap } from './columns.ts';
import type { RecordCheck } from './parseRows.ts';

const TYPES = ['nps', 'csat', 'ces'] as const;

/** `[type, column]` pairs of a checked `wide` option, in the order nps, csat, ces. @internal */
export type WideColumns = readonly (readonly [type: (typeof TYPES)[number], column: string])[];

/**
 * Check a `wide` option: a plain object mapping survey types (`nps`, `csat`, `ces`; an unknown
 * key fails with the closest) to the column holding that answer, at least one; `columns` must
 * not also map `type` or `score`, which a wide row takes from these columns. @internal
 */
export function checkWide(fn: string, wide: unknown, columns: ColumnMap | undefined): WideColumns | undefined {
  if (wide === undefined) return undefined;
  if (!isPlainObject(wide)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: wide is ${describe(wide)}; expected an object mapping survey types to answer columns, e.g. { nps: 'nps_score', csat: 'csat_score' }`,
      { value: wide },
    );
  }
  for (const key of Object.keys(wide)) {
    if (!(TYPES as readonly string[]).includes(key)) {
      const guess = closestName(key, TYPES);
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: wide names an unknown survey type ${describe(key)}${
          guess === undefined ? "; expected 'nps', 'csat' or 'ces'" : `; did you mean '${guess}'?`
        }`,
        { value: key },
      );
    }
  }
  const out: [type: (typeof TYPES)[number], column: string][] = [];
  for (const type of TYPES) {
    const column = wide[type];
    if (column === undefined) continue;
    if (typeof column !== 'string' || column === '') {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: wide.${type} is ${describe(column)}; expected the name of the column holding the ${type.toUpperCase()} answers (a non-empty string)`,
        { value: column },
      );
    }
    out.push([type, column]);
  }
  if (out.length === 0) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: wide maps no survey type; expected at least one of nps, csat, ces, e.g. { nps: 'nps_score' }`,
      { value: wide },
    );
  }
  for (const field of ['type', 'score']) {
    if (columns?.[field] !== undefined) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: columns.${field} cannot be used with wide: a wide row's responses take their type and score from the wide columns`,
        { value: columns[field] },
      );
    }
  }
  return out;
}

function isBlankAnswer(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The records one wide row is checked as: one response per non-blank answer, each with the row's
 * common fields (respondent, time, channel, …), `type` from its column's survey type and `score`
 * from the column. A row with no answer at all is still checked (as a response with no score) so
 * that its other problems are reported, but yields no response. @internal
 */
export function expandWide(wide: WideColumns, columns: ColumnMap | undefined) {
  // Where each answer's fields came from, for its messages: built once, not per row.
  const sources = wide.map(([type, column]) => [type, column, { ...columns, score: column }] as const);
  return (row: unknown, record: unknown): readonly RecordCheck[] => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      return [{ record, keep: true, columns }];
    }
    const source = row as Record<string, unknown>;
    const common: Record<string, unknown> = { ...(record as Record<string, unknown>) };
    for (const [, column] of wide) delete common[column];
    const checks: RecordCheck[] = [];
    for (const [type, column, from] of sources) {
      const answer = source[column];
      if (isBlankAnswer(answer)) continue;
      checks.push({ record: { ...common, type, score: answer }, keep: true, columns: from });
    }
    if (checks.length === 0) {
      const [type] = wide[0] as WideColumns[number];
      checks.push({ record: { ...common, type, score: undefined }, keep: false, columns });
    }
    return checks;
  };
}
