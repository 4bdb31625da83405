import { type ParseResult, parseRowsAs, parseRowsOrThrowAs } from './parseRows.ts';
import {
  createSurveyResponseSchema,
  type JourneyStage,
  type SurveyResponse,
  type SurveyResponseSchemaOptions,
  surveyResponseSchema,
} from './surveyResponseSchema.ts';
import { type TimestampParseOptions, timestampReadingOption, withTimestampReading } from './timestampSchema.ts';

/**
 * Options of `parseResponses` and `parseResponsesOrThrow`: those of `createSurveyResponseSchema`
 * (stages and scales), and how to read times the export does not fully describe.
 *
 * @example
 * parseResponsesOrThrow([{ type: 'nps', submittedAt: '1777631400', score: 9 }], { timestampUnit: 's' })[0].submittedAt.toISOString() // => '2026-05-01T10:30:00.000Z'
 */
export interface ParseResponsesOptions<Stage extends string = JourneyStage>
  extends SurveyResponseSchemaOptions<Stage>,
    TimestampParseOptions {}

function schemaFor<Stage extends string>(options: ParseResponsesOptions<Stage> | undefined) {
  // The default schema is built once at load; custom options build (and check) a schema per call.
  if (options === undefined) return surveyResponseSchema;
  if (options === null || typeof options !== 'object') return createSurveyResponseSchema<Stage>(options);
  // The timestamp options are the parser's, not the schema's.
  const { timestampUnit: _unit, timeZone: _zone, ...schemaOptions } = options;
  return options.timestampUnit === undefined && options.timeZone === undefined
    ? createSurveyResponseSchema<Stage>(options)
    : Object.keys(schemaOptions).length === 0
      ? surveyResponseSchema
      : createSurveyResponseSchema<Stage>(schemaOptions);
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
 * @param rows - records to validate (not mutated)
 * @param options - `journeyStages`, `csatScale`, `cesScale`, as for `createSurveyResponseSchema`;
 *   `timestampUnit` ('ms' default, or 's') and `timeZone` (IANA name) of zone-less times
 * @returns `{ data, rows, errors }`; `rows[i]` is the input index of `data[i]`
 * @throws CxMetricsError INVALID_VALUE when `rows` is not an array; INVALID_OPTION for bad options
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
  const reading = timestampReadingOption('parseResponses', options);
  const schema = schemaFor(options);
  return withTimestampReading(reading, () => parseRowsAs('parseResponses', rows, schema)) as ParseResult<
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
  const reading = timestampReadingOption('parseResponsesOrThrow', options);
  const schema = schemaFor(options);
  return withTimestampReading(reading, () =>
    parseRowsOrThrowAs('parseResponsesOrThrow', rows, schema),
  ) as SurveyResponse<Stage>[];
}
