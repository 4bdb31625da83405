import { type ParseResult, parseRowsAs, parseRowsOrThrowAs } from './parseRows.ts';
import {
  createSurveyResponseSchema,
  type JourneyStage,
  type SurveyResponse,
  type SurveyResponseSchemaOptions,
  surveyResponseSchema,
} from './surveyResponseSchema.ts';

function schemaFor<Stage extends string>(options: SurveyResponseSchemaOptions<Stage> | undefined) {
  // The default schema is built once at load; custom options build (and check) a schema per call.
  return options === undefined ? surveyResponseSchema : createSurveyResponseSchema<Stage>(options);
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
 * @param rows - records to validate (not mutated)
 * @param options - `journeyStages`, `csatScale`, `cesScale`, as for `createSurveyResponseSchema`
 * @returns `{ data, rows, errors }`; `rows[i]` is the input index of `data[i]`
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array (or claims an impossible length); INVALID_OPTION for bad options
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
  options?: SurveyResponseSchemaOptions<Stage>,
): ParseResult<SurveyResponse<Stage>> {
  return parseRowsAs('parseResponses', rows, schemaFor(options)) as ParseResult<SurveyResponse<Stage>>;
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
  options?: SurveyResponseSchemaOptions<Stage>,
): SurveyResponse<Stage>[] {
  return parseRowsOrThrowAs('parseResponsesOrThrow', rows, schemaFor(options)) as SurveyResponse<Stage>[];
}
