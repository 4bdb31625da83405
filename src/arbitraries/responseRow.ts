import * as fc from 'fast-check';
import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import { describe } from '../stats/validate.ts';
import {
  amountCell,
  type Columns,
  type Format,
  formatTime,
  idCell,
  instant,
  integerCell,
  optional,
  perFormat,
  type Range,
  RESPONSE_FIELDS,
  type Reading,
  renameRow,
  resolveColumns,
  resolveFormat,
  resolveRange,
  resolveReading,
  rowOf,
  textCell,
  timeStyle,
  wordCell,
} from './cells.ts';
import type { RawCell, RawRow, ResponseRowOptions } from './types.ts';

type SurveyType = 'nps' | 'csat' | 'ces';

const TYPES: readonly SurveyType[] = ['nps', 'csat', 'ces'];
const OPTIONS = [
  'format',
  'types',
  'csatScale',
  'cesScale',
  'journeyStages',
  'timestampUnit',
  'timeZone',
  'columns',
] as const;

// The default stages of 'cx-metrics/schemas' (JOURNEY_STAGES), written out so this subpath needs
// no zod; test/arbitraries checks the two lists are the same.
const DEFAULT_STAGES = [
  'awareness',
  'consideration',
  'purchase',
  'onboarding',
  'usage',
  'support',
  'renewal',
  'advocacy',
] as const;

const CHANNELS = ['email', 'web', 'in-app', 'sms', 'phone', 'chat'];
const TOUCHPOINTS = ['checkout', 'support call', 'onboarding call', 'delivery', 'billing'];
const TAGS = ['enterprise', 'smb', 'emea', 'na', 'apac', 'pro', 'free'];

/** A questionnaire as the response arbitraries draw it: options checked once. @internal */
export interface Questionnaire {
  formats: readonly Format[];
  reading: Reading;
  columns: Columns | undefined;
  types: readonly SurveyType[];
  ranges: Record<SurveyType, Range>;
  stages: readonly string[];
}

/** The options of `responseRow` / `faultyResponseRow`, checked. @internal */
/** Every index holds a stage name (a hole is not a name: every() would skip it). */
function everyName(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (typeof s !== 'string' || s.trim() === '' || s.trim() !== s) return false;
  }
  return true;
}

export function questionnaire(fn: string, options: ResponseRowOptions | undefined): Questionnaire {
  const o = checkOptions(fn, options, OPTIONS) as Record<string, unknown>;
  let types = TYPES;
  if (o.types !== undefined) {
    const given = o.types;
    if (
      !Array.isArray(given) ||
      given.length === 0 ||
      !given.every((t) => TYPES.includes(t)) ||
      new Set(given).size !== given.length
    ) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: types is ${describe(given)}; expected a non-empty list of distinct survey types from 'nps', 'csat', 'ces'`,
        { value: given },
      );
    }
    types = [...given];
  }
  let stages: readonly string[] = DEFAULT_STAGES;
  if (o.journeyStages !== undefined) {
    const given = o.journeyStages;
    if (!Array.isArray(given) || given.length === 0 || !everyName(given)) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: journeyStages is ${describe(given)}; expected a non-empty list of stage names without surrounding spaces`,
        { value: given },
      );
    }
    stages = [...given];
  }
  return {
    formats: resolveFormat(fn, o.format),
    reading: resolveReading(fn, o),
    columns: resolveColumns(fn, o.columns, RESPONSE_FIELDS, ['type', 'submittedAt']),
    types,
    ranges: {
      nps: { min: 0, max: 10 },
      csat: o.csatScale === undefined ? { min: 1, max: 5 } : resolveRange(fn, 'csatScale', o.csatScale),
      ces: o.cesScale === undefined ? { min: 1, max: 7 } : resolveRange(fn, 'cesScale', o.cesScale),
    },
    stages,
  };
}

/** A stage in the letter case and spacing an export may use (the parser matches case-insensitively). */
function stageCell(stages: readonly string[]): fc.Arbitrary<RawCell> {
  return fc
    .tuple(fc.constantFrom(...stages), fc.constantFrom('as-is', 'upper', 'lower', 'padded'))
    .map(([stage, how]) =>
      how === 'upper'
        ? stage.toUpperCase()
        : how === 'lower'
          ? stage.toLowerCase()
          : how === 'padded'
            ? ` ${stage} `
            : stage,
    );
}

/** Segment tags: 'smb;emea' (the separator is ';', spaces allowed) or, in JSON, also a list. */
function segmentCell(format: Format): fc.Arbitrary<RawCell> {
  const tags = fc.uniqueArray(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 3 });
  const joined = fc.tuple(tags, fc.constantFrom(';', '; ', ' ; ')).map(([list, separator]) => list.join(separator));
  return format === 'json' ? fc.oneof(joined, tags) : joined;
}

/** A score on a range as a cell. */
export function scoreCell(format: Format, range: Range): fc.Arbitrary<RawCell> {
  return fc.integer(range).chain((n) => integerCell(format, n));
}

/** One valid response row of a questionnaire, in one format. @internal */
export function responseRowIn(q: Questionnaire, format: Format): fc.Arbitrary<RawRow> {
  return fc.constantFrom(...q.types).chain((type) =>
    fc
      .record({
        id: optional(format, idCell(format, 'R')),
        respondentId: optional(format, idCell(format, 'C')),
        submittedAt: fc
          .tuple(instant(), timeStyle(format, q.reading))
          .map(([ms, style]) => formatTime(ms, style, q.reading).cell),
        score: optional(format, scoreCell(format, q.ranges[type])),
        channel: optional(format, wordCell(CHANNELS)),
        touchpoint: optional(format, wordCell(TOUCHPOINTS)),
        journeyStage: optional(format, stageCell(q.stages)),
        segment: optional(format, segmentCell(format)),
        weight: optional(format, amountCell(format, 5)),
        comment: optional(format, textCell()),
      })
      .map((cells) =>
        rowOf([
          ['id', cells.id],
          ['respondentId', cells.respondentId],
          ['type', type],
          ['submittedAt', cells.submittedAt],
          ['score', cells.score],
          ['channel', cells.channel],
          ['touchpoint', cells.touchpoint],
          ['journeyStage', cells.journeyStage],
          ['segment', cells.segment],
          ['weight', cells.weight],
          ['comment', cells.comment],
        ]),
      ),
  );
}

/**
 * A fast-check arbitrary of valid raw survey-response rows, in the shapes real exports have, that
 * `parseResponses` (from 'cx-metrics/schemas') accepts with no error.
 *
 * Each row has a `type` ('nps', 'csat' or 'ces') and a `submittedAt` time: ISO-8601 as a date,
 * or a date-time to the minute, the second or 1–6 fraction digits, with 'T' or a space, with
 * 'Z', an offset (±HH:MM, ±HHMM, ±HH, after a space or not) or no zone; epoch milliseconds in
 * JSON rows; instants from 2001 to 2098. Every other column (`id`, `respondentId`, `score`,
 * `channel`, `touchpoint`, `journeyStage`, `segment`, `weight`, `comment`) is left out, blank
 * ('' or spaces, null in JSON: a skipped answer for `score`) or a value as an export writes it
 * ('9', ' 9 ', '9.0'; stages in any letter case; tags 'smb; emea'). `format: 'csv'` gives text
 * cells only. Pass the options you give `parseResponses` (`csatScale`, `cesScale`,
 * `journeyStages`, `timestampUnit`, `timeZone`, `columns`) so the rows fit your questionnaire
 * and the way your export writes times and names its columns. Needs the optional peer dependency fast-check (4.x).
 *
 * @param options - `format` ('csv' | 'json' | 'any', default 'any'), `types` (default all three),
 *   `csatScale` (default 1–5), `cesScale` (default 1–7), `journeyStages` (default
 *   `JOURNEY_STAGES`), `timestampUnit`, `timeZone` and `columns` (as in `RowOptions`)
 * @returns an arbitrary of raw rows (fresh plain objects)
 * @throws CxMetricsError INVALID_OPTION for an unknown option, a bad format, type list, scale, stage
 *   list, unit, time zone or column mapping
 * @example
 * const rows = fc.sample(responseRow(), { numRuns: 50, seed: 42 })
 * parseResponses(rows).errors // => []
 * parseResponses(rows).data.length // => 50
 */
export function responseRow(options?: ResponseRowOptions): fc.Arbitrary<RawRow> {
  const q = questionnaire('responseRow', options);
  return perFormat(q.formats, (format) => responseRowIn(q, format)).map((row) => renameRow(row, q.columns));
}
