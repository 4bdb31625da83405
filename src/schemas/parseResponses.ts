import { checkOptions } from '../options.ts';
import { checkColumns, fieldView } from './columns.ts';
import { type ParseResult, parseRowsAs, parseRowsOrThrowAs, type RowPlan } from './parseRows.ts';
import {
  createSurveyResponseSchema,
  type JourneyStage,
  SURVEY_SCHEMA_KEYS,
  type SurveyResponse,
  type SurveyResponseSchemaOptions,
  surveyResponseSchema,
} from './surveyResponseSchema.ts';
import {
  TIMESTAMP_OPTION_KEYS,
  type TimestampParseOptions,
  timestampReadingOption,
  withTimestampReading,
} from './timestampSchema.ts';
import { checkWide, expandWide } from './wide.ts';

/**
 * The fields of a survey response, as `columns` keys: `type`, `id`, `respondentId`,
 * `submittedAt`, `channel`, `touchpoint`, `journeyStage`, `segment`, `weight`, `comment`, `score`.
 *
 * @example
 * const field: SurveyResponseField = 'submittedAt'
 * field // => 'submittedAt'
 */
export type SurveyResponseField = keyof SurveyResponse;

/**
 * Options of `parseResponses` and `parseResponsesOrThrow`: those of `createSurveyResponseSchema`
 * (stages and scales), how to read times the export does not fully describe, and where to read
 * each field from (`columns`, `wide`).
 *
 * @example
 * parseResponsesOrThrow([{ type: 'nps', submittedAt: '1777631400', score: 9 }], { timestampUnit: 's' })[0].submittedAt.toISOString() // => '2026-05-01T10:30:00.000Z'
 * @example
 * parseResponses([{ kind: 'nps', submitted_at: '2026-05-01', nps_score: '9' }], { columns: { type: 'kind', submittedAt: 'submitted_at', score: 'nps_score' } }).data[0].score // => 9
 */
export interface ParseResponsesOptions<Stage extends string = JourneyStage>
  extends SurveyResponseSchemaOptions<Stage>,
    TimestampParseOptions {
  /**
   * Where each field is read from, for exports with other column names:
   * `{ submittedAt: 'submitted_at', score: 'nps_score' }` (field → column). Unmapped fields are
   * read from the column of their own name.
   */
  columns?: { readonly [F in SurveyResponseField]?: string | undefined };
  /**
   * For wide exports (one row per respondent, one column per question): the column holding each
   * survey type's answer, e.g. `{ nps: 'nps_score', csat: 'csat_score', ces: 'ces_score' }`. Each
   * non-blank answer becomes a response of that type with the row's other fields; `type` and
   * `score` columns are not read.
   */
  wide?: { readonly nps?: string | undefined; readonly csat?: string | undefined; readonly ces?: string | undefined };
}

const RESPONSE_FIELDS: readonly string[] = Object.keys(surveyResponseSchema.options[0].shape);
const REQUIRED: readonly string[] = ['type', 'submittedAt'];

function prepare<Stage extends string>(fn: string, options: ParseResponsesOptions<Stage> | undefined) {
  const checked = checkOptions(fn, options, [...SURVEY_SCHEMA_KEYS, ...TIMESTAMP_OPTION_KEYS, 'columns', 'wide']);
  const reading = timestampReadingOption(fn, checked);
  // The timestamp options are the parser's, not the schema's.
  const { columns, wide, timestampUnit: _unit, timeZone: _zone, ...rest } = checked;
  const mapped = checkColumns(fn, columns, RESPONSE_FIELDS);
  const answers = checkWide(fn, wide, mapped);
  const view = mapped === undefined && answers === undefined ? undefined : fieldView(RESPONSE_FIELDS, mapped);
  const plan: RowPlan =
    answers === undefined
      ? { columns: mapped, view, required: REQUIRED }
      : { columns: mapped, view, required: ['submittedAt'], expand: expandWide(answers, mapped), wideColumns: answers };
  // The default schema is built once at load; custom options build (and check) a schema per call.
  const schema =
    Object.keys(rest).length === 0
      ? surveyResponseSchema
      : createSurveyResponseSchema<Stage>(rest as SurveyResponseSchemaOptions<Stage>);
  return { schema, plan, reading };
}

/**
 * Validate survey responses (CSV rows or JSON records) without throwing: good rows are parsed into
 * `data` (NPS, CSAT and CES mixed, discriminated on `type`), and every problem of every bad row
 * is in `errors` as `{ index, path, message }` at once.
 *
 * CSV-friendly: numeric strings become numbers; a blank or whitespace-only score is a skipped
 * answer (`undefined`), never 0; blank optional text is `undefined`; times are ISO-8601 (no offset =
 * UTC, or `options.timeZone`), epoch milliseconds from 2000 on (an earlier number is reported
 * with the hint that it looks like epoch seconds: pass `timestampUnit: 's'` for such exports) or
 * Dates; `segment` "a;b" is split into tags. See `createSurveyResponseSchema` for the fields.
 *
 * `columns` maps fields to the columns of an export with other names
 * (`{ submittedAt: 'submitted_at' }`). When a required field (`type`, `submittedAt`) is missing
 * from every row and a similar column exists, the first error says so, once, with index −1:
 * "no row has `submittedAt`; the rows have `submitted_at` — pass columns: { submittedAt: 'submitted_at' }".
 *
 * `wide` reads wide exports (one row holding NPS, CSAT and CES answers in columns of their own):
 * `{ nps: 'nps_score', csat: 'csat_score' }` gives one typed response per non-blank answer, each
 * with the row's respondent, time and other fields; `rows` then repeats the row's index for each.
 * A blank answer gives no response (it is not counted as skipped); a row without any answer gives
 * none, but its other problems are still reported; a problem of a shared field is reported once
 * per row. A wide column that no row has is said first (index −1).
 *
 * @param rows - records to validate (not mutated)
 * @param options - `journeyStages`, `csatScale`, `cesScale`, as for `createSurveyResponseSchema`;
 *   `timestampUnit` ('ms' default, or 's') and `timeZone` (IANA name) of zone-less times;
 *   `columns` (field → column name); `wide` (survey type → answer column)
 * @returns `{ data, rows, errors }`; `rows[i]` is the input index of `data[i]`
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array (or claims an impossible length);
 *   INVALID_OPTION for bad options (an unknown key, a `columns` key that is not a field or a
 *   `wide` key that is not a survey type, with the closest name; `columns.type`/`score` with `wide`)
 * @example
 * const { data, errors } = parseResponses([
 *   { type: 'nps', submittedAt: '2026-05-01', score: '9' },
 *   { type: 'csat', submittedAt: '2026-05-01', score: '' },
 *   { type: 'ces', submittedAt: '2026-05-01', score: '9' },
 * ])
 * data.map((r) => r.score) // => [9, undefined]
 * errors // => [{ index: 2, path: ['score'], message: 'expected an integer from 1 to 7 (CES scale), or blank for a skipped answer; got 9' }]
 * @example
 * const wide = parseResponses(
 *   [{ respondent: 'r1', submitted_at: '2026-05-01', nps_score: '9', csat_score: '4', ces_score: '' }],
 *   { wide: { nps: 'nps_score', csat: 'csat_score', ces: 'ces_score' }, columns: { respondentId: 'respondent', submittedAt: 'submitted_at' } },
 * )
 * wide.data.map((r) => [r.type, r.score, r.respondentId]) // => [['nps', 9, 'r1'], ['csat', 4, 'r1']]
 * wide.rows // => [0, 0]
 */
export function parseResponses<const Stage extends string = JourneyStage>(
  rows: readonly unknown[],
  options?: ParseResponsesOptions<Stage>,
): ParseResult<SurveyResponse<Stage>> {
  const { schema, plan, reading } = prepare('parseResponses', options);
  return withTimestampReading(reading, () => parseRowsAs('parseResponses', rows, schema, plan)) as ParseResult<
    SurveyResponse<Stage>
  >;
}

/**
 * Like `parseResponses`, but returns the parsed responses and throws one CxMetricsError listing
 * every problem ("row 2, score: expected …") when any row is bad.
 *
 * @param rows - records to validate
 * @param options - as for `parseResponses`
 * @returns the parsed responses, in input order
 * @throws CxMetricsError INVALID_VALUE with `index` of the first bad row, `value` all the
 *   `RowError`s, and a message listing them; INVALID_OPTION for bad options
 * @example
 * parseResponsesOrThrow([{ type: 'csat', submittedAt: '2026-05-01', score: '5' }])[0].score // => 5
 * const error = (() => { try { parseResponsesOrThrow([{ type: 'csat', submittedAt: 'May 1', score: 6 }]) } catch (e) { return e } })()
 * error.message.split('\n').length // => 3
 * error.message.split('\n')[2] // => '  row 0, score: expected an integer from 1 to 5 (CSAT scale), or blank for a skipped answer; got 6'
 */
export function parseResponsesOrThrow<const Stage extends string = JourneyStage>(
  rows: readonly unknown[],
  options?: ParseResponsesOptions<Stage>,
): SurveyResponse<Stage>[] {
  const { schema, plan, reading } = prepare('parseResponsesOrThrow', options);
  return withTimestampReading(reading, () =>
    parseRowsOrThrowAs('parseResponsesOrThrow', rows, schema, plan),
  ) as SurveyResponse<Stage>[];
}
