import { checkOptions } from '../options.ts';
import { checkColumns } from './columns.ts';
import { type ParseResult, parseRowsAs, parseRowsOrThrowAs, type RowPlan } from './parseRows.ts';
import {
  createSurveyResponseSchema,
  type JourneyStage,
  SURVEY_SCHEMA_KEYS,
  type SurveyResponse,
  type SurveyResponseSchemaOptions,
  surveyResponseSchema,
} from './surveyResponseSchema.ts';

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
 * Options of `parseResponses` and `parseResponsesOrThrow`: the schema's options and a column
 * mapping.
 *
 * @example
 * parseResponses([{ kind: 'nps', submitted_at: '2026-05-01', nps_score: '9' }], { columns: { type: 'kind', submittedAt: 'submitted_at', score: 'nps_score' } }).data[0].score // => 9
 */
export interface ParseResponsesOptions<Stage extends string = JourneyStage> extends SurveyResponseSchemaOptions<Stage> {
  /**
   * Where each field is read from, for exports with other column names:
   * `{ submittedAt: 'submitted_at', score: 'nps_score' }` (field → column). Unmapped fields are
   * read from the column of their own name.
   */
  columns?: { readonly [F in SurveyResponseField]?: string | undefined };
}

const RESPONSE_FIELDS: readonly string[] = Object.keys(surveyResponseSchema.options[0].shape);
const REQUIRED: readonly string[] = ['type', 'submittedAt'];

function prepare<Stage extends string>(fn: string, options: ParseResponsesOptions<Stage> | undefined) {
  const { columns, ...rest } = checkOptions(fn, options, [...SURVEY_SCHEMA_KEYS, 'columns']);
  const plan: RowPlan = { columns: checkColumns(fn, columns, RESPONSE_FIELDS), required: REQUIRED };
  // The default schema is built once at load; custom options build (and check) a schema per call.
  const schema =
    Object.keys(rest).length === 0
      ? surveyResponseSchema
      : createSurveyResponseSchema<Stage>(rest as SurveyResponseSchemaOptions<Stage>);
  return { schema, plan };
}

/**
 * Validate survey responses (CSV rows or JSON records) without throwing: good rows are parsed into
 * `data` (NPS, CSAT and CES mixed, discriminated on `type`), and every problem of every bad row
 * is in `errors` as `{ index, path, message }` at once.
 *
 * CSV-friendly: numeric strings become numbers; a blank or whitespace-only score is a skipped
 * answer (`undefined`), never 0; blank optional text is `undefined`; times are ISO-8601 (no offset =
 * UTC), epoch milliseconds or Dates; `segment` "a;b" is split into tags. See
 * `createSurveyResponseSchema` for the fields and `options`.
 *
 * `columns` maps fields to the columns of an export with other names
 * (`{ submittedAt: 'submitted_at' }`). When a required field (`type`, `submittedAt`) is missing
 * from every row and a similar column exists, the first error says so, once, with index −1:
 * "no row has `submittedAt`; the rows have `submitted_at` — pass columns: { submittedAt: 'submitted_at' }".
 *
 * @param rows - records to validate (not mutated)
 * @param options - `journeyStages`, `csatScale`, `cesScale`, as for `createSurveyResponseSchema`;
 *   `columns` (field → column name)
 * @returns `{ data, rows, errors }`; `rows[i]` is the input index of `data[i]`
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array (or claims an impossible length);
 *   INVALID_OPTION for bad options (an unknown key, or a `columns` key that is not a field, with
 *   the closest name)
 * @example
 * const { data, errors } = parseResponses([
 *   { type: 'nps', submittedAt: '2026-05-01', score: '9' },
 *   { type: 'csat', submittedAt: '2026-05-01', score: '' },
 *   { type: 'ces', submittedAt: '2026-05-01', score: '9' },
 * ])
 * data.map((r) => r.score) // => [9, undefined]
 * errors // => [{ index: 2, path: ['score'], message: 'expected an integer from 1 to 7 (CES scale), or blank for a skipped answer; got 9' }]
 */
export function parseResponses<const Stage extends string = JourneyStage>(
  rows: readonly unknown[],
  options?: ParseResponsesOptions<Stage>,
): ParseResult<SurveyResponse<Stage>> {
  const { schema, plan } = prepare('parseResponses', options);
  return parseRowsAs('parseResponses', rows, schema, plan) as ParseResult<SurveyResponse<Stage>>;
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
  const { schema, plan } = prepare('parseResponsesOrThrow', options);
  return parseRowsOrThrowAs('parseResponsesOrThrow', rows, schema, plan) as SurveyResponse<Stage>[];
}
