import * as z from 'zod';
import { CxMetricsError } from '../errors.ts';
import { checkOptions } from '../options.ts';
import { describe } from '../stats/validate.ts';
import { cellToNumber, cellToText, got, optionalCell, optionalNonNegative, optionalText } from './cells.ts';
import { fastSurveyResponse, registerFastPath } from './fastRows.ts';
import { resolveScale, type Scale, type ScaleInput, SURVEY_SCALES } from './scaleSchema.ts';
import { timestampSchema } from './timestampSchema.ts';

/**
 * The default customer-journey stages a response can be tagged with, in journey order. Extend the
 * list with `createSurveyResponseSchema({ journeyStages: [...JOURNEY_STAGES, 'trial'] })`. Frozen.
 *
 * @example
 * JOURNEY_STAGES.length // => 8
 * JOURNEY_STAGES[0] // => 'awareness'
 * JOURNEY_STAGES.at(-1) // => 'advocacy'
 */
export const JOURNEY_STAGES = Object.freeze([
  'awareness',
  'consideration',
  'purchase',
  'onboarding',
  'usage',
  'support',
  'renewal',
  'advocacy',
] as const);

/**
 * One of the default `JOURNEY_STAGES`.
 *
 * @example
 * surveyResponseSchema.parse({ type: 'nps', submittedAt: '2026-05-01', journeyStage: 'ONBOARDING' }).journeyStage // => 'onboarding'
 */
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

/**
 * The three survey types of the `type`-discriminated `SurveyResponse`, as written in the `type`
 * field (lowercase). Frozen.
 *
 * @example
 * SURVEY_TYPES // => ['nps', 'csat', 'ces']
 */
export const SURVEY_TYPES = Object.freeze(['nps', 'csat', 'ces'] as const);

/**
 * One of `SURVEY_TYPES`.
 *
 * @example
 * surveyResponseSchema.parse({ type: 'ces', submittedAt: '2026-05-01' }).type // => 'ces'
 */
export type SurveyType = (typeof SURVEY_TYPES)[number];

/**
 * Options of `createSurveyResponseSchema`, `parseResponses` and `jsonSchemas`.
 *
 * @example
 * parseResponses([{ type: 'csat', submittedAt: '2026-05-01', score: 7, journeyStage: 'pilot' }], { csatScale: SURVEY_SCALES.csat7, journeyStages: ['pilot'] }).errors // => []
 */
export interface SurveyResponseSchemaOptions<Stage extends string = JourneyStage> {
  /**
   * Every journey stage a response may name (replaces the default list; spread `JOURNEY_STAGES`
   * to extend it). Matched case-insensitively, output as written here.
   */
  journeyStages?: readonly Stage[];
  /** The CSAT answer scale; `SURVEY_SCALES.csat` (1–5) by default. Must be 'higher-is-better'. */
  csatScale?: ScaleInput;
  /**
   * The CES answer scale; `SURVEY_SCALES.ces` (1–7, higher is easier) by default. `direction`
   * defaults to 'higher-is-easier'; `SURVEY_SCALES.cesLegacy` is the 1–5 lower-is-easier scale.
   */
  cesScale?: ScaleInput;
}

/** The keys of `SurveyResponseSchemaOptions`, for option checks. @internal */
export const SURVEY_SCHEMA_KEYS: readonly string[] = ['journeyStages', 'csatScale', 'cesScale'];

const KIND_NAMES: Record<SurveyType, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

const DIRECTION_TEXT = {
  'higher-is-better': 'higher is better',
  'higher-is-easier': 'higher means less effort',
  'lower-is-easier': 'lower means less effort',
} as const;

/** The score of one survey type, checked against its scale; blank, null or absent = skipped. */
function scoreSchema(type: SurveyType, scale: Scale) {
  const expected = `expected an integer from ${scale.min} to ${scale.max} (${KIND_NAMES[type]} scale), or blank for a skipped answer`;
  const message = (issue: { input?: unknown }) => `${expected}${got(issue.input)}`;
  const labels = Object.entries(scale.labels ?? {})
    .map(([score, label]) => `${score} = ${label}`)
    .join(', ');
  return optionalCell(
    z
      .number({ error: message })
      .int({ error: message })
      .min(scale.min, { error: message })
      .max(scale.max, { error: message }),
    cellToNumber,
  ).describe(
    `${KIND_NAMES[type]} answer: an integer from ${scale.min} to ${scale.max}, ${DIRECTION_TEXT[scale.direction]}` +
      `${labels === '' ? '' : ` (${labels})`}; absent or null when the question was skipped (a blank CSV cell too; never 0).`,
  );
}

/**
 * Segment tags from a cell or a list: every string is split on ';' (the comma is the CSV field
 * separator), each tag trimmed, blanks and repeats dropped; no tags at all is `undefined`.
 */
function splitTags(value: unknown): unknown {
  const parts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (parts === undefined) return value;
  const tags: unknown[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const text = cellToText(part);
    if (typeof text !== 'string') {
      tags.push(text);
      continue;
    }
    for (const piece of text.split(';')) {
      const tag = piece.trim();
      if (tag !== '' && !seen.has(tag)) {
        seen.add(tag);
        tags.push(tag);
      }
    }
  }
  return tags.length === 0 ? undefined : tags;
}

const segmentSchema = optionalCell(
  z.array(z.string({ error: (issue) => `expected a segment tag as text${got(issue.input)}` }), {
    error: (issue) =>
      `expected segment tags: a list of strings, or one cell with tags separated by ';'${got(issue.input)}`,
  }),
  splitTags,
).describe(
  'Segment tags, e.g. ["enterprise", "emea"]. A single string is split on \';\' ("enterprise;emea"); tags are trimmed, blanks and repeats dropped.',
);

/** Each stage under the key it is matched by (trimmed, lowercased), for the schema and its fast path. */
function canonicalStages<Stage extends string>(stages: readonly Stage[]): Map<string, Stage> {
  return new Map(stages.map((stage) => [stage.trim().toLowerCase(), stage]));
}

function journeyStageSchema<Stage extends string>(stages: readonly Stage[], canonical: ReadonlyMap<string, Stage>) {
  const expected = `expected a journey stage: one of ${stages.join(', ')}`;
  // Typed as a plain ZodType of the stage names: z.enum's own type is a mapped type over `Stage`
  // that the emitted .d.ts cannot index (TS2536 in a consumer's check with skipLibCheck false).
  const stageEnum: z.ZodType<Stage, Stage> = z.enum(stages, { error: (issue) => `${expected}${got(issue.input)}` });
  return optionalCell(stageEnum, (value) =>
    typeof value === 'string' ? (canonical.get(value.trim().toLowerCase()) ?? value) : value,
  ).describe(`Customer-journey stage: ${stages.join(', ')} (the parser also accepts any letter case).`);
}

function resolveStages<Stage extends string>(fn: string, stages: unknown): readonly Stage[] {
  if (!Array.isArray(stages) || stages.length === 0) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: journeyStages is ${describe(stages)}; expected a non-empty array of stage names`,
      { value: stages },
    );
  }
  const seen = new Set<string>();
  // An index loop, not forEach: a hole in the list is a missing name, reported, never skipped.
  for (let index = 0; index < stages.length; index++) {
    const stage: unknown = stages[index];
    if (typeof stage !== 'string' || stage.trim() === '' || stage.trim() !== stage) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: journeyStages[${index}] is ${describe(stage)}; expected a non-blank name without surrounding spaces`,
        { index, value: stage },
      );
    }
    const key = stage.toLowerCase();
    if (seen.has(key)) {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: journeyStages[${index}] '${stage}' repeats an earlier stage (stages match case-insensitively)`,
        { index, value: stage },
      );
    }
    seen.add(key);
  }
  return Object.freeze([...stages]) as readonly Stage[];
}

/**
 * Build the survey-response schema: the common fields and a `type`-discriminated union of NPS,
 * CSAT and CES answers, each `score` checked against its scale.
 *
 * Common fields: `submittedAt` (required; ISO-8601 with no offset read as UTC, epoch ms or a Date
 * → Date), `id?`, `respondentId?`, `channel?`, `touchpoint?`, `comment?` (text; blank →
 * undefined), `journeyStage?` (one of the stages, case-insensitive), `segment?` (tags; a string
 * is split on ';'), `weight?` (finite ≥ 0). `score?` is an integer on the type's scale; a blank
 * cell, null or a missing key is a skipped answer (`undefined`), never 0. Numeric strings are
 * read as numbers. Unknown keys (extra CSV columns) are dropped.
 *
 * Scales belong to the schema, not to each record: one questionnaire has one CSAT scale, scores
 * on different scales cannot be pooled into one metric, and a fixed scale can be stated in the
 * JSON Schema. Data from two questionnaires is parsed with two schemas.
 *
 * @param options - `journeyStages` (replaces the default list), `csatScale` (default 1–5), `cesScale`
 *   (default 1–7, higher is easier); NPS is always 0–10
 * @returns a zod discriminated union on `type` ('nps' | 'csat' | 'ces')
 * @throws CxMetricsError INVALID_OPTION for an empty or repeating stage list, or a bad scale (min
 *   not below max, a CSAT scale that is not 'higher-is-better', a CES scale that says neither
 *   'higher-is-easier' nor 'lower-is-easier')
 * @example
 * const schema = createSurveyResponseSchema({ journeyStages: [...JOURNEY_STAGES, 'trial'], csatScale: { min: 1, max: 7 } })
 * schema.parse({ type: 'csat', submittedAt: '2026-05-01', score: '6', journeyStage: 'Trial' }).journeyStage // => 'trial'
 * schema.safeParse({ type: 'csat', submittedAt: '2026-05-01', score: 8 }).error.issues[0].message // => 'expected an integer from 1 to 7 (CSAT scale), or blank for a skipped answer; got 8'
 */
export function createSurveyResponseSchema<const Stage extends string = JourneyStage>(
  options: SurveyResponseSchemaOptions<Stage> = {},
) {
  const fn = 'createSurveyResponseSchema';
  checkOptions(fn, options, SURVEY_SCHEMA_KEYS);
  const stages = resolveStages<Stage>(fn, options.journeyStages ?? JOURNEY_STAGES);
  const csatScale =
    options.csatScale === undefined ? SURVEY_SCALES.csat : resolveScale(fn, 'csatScale', 'csat', options.csatScale);
  const cesScale =
    options.cesScale === undefined ? SURVEY_SCALES.ces : resolveScale(fn, 'cesScale', 'ces', options.cesScale);

  const canonical = canonicalStages(stages);
  const common = {
    id: optionalText('Response id.'),
    respondentId: optionalText('Who answered: a person, contact or account id.'),
    submittedAt: timestampSchema.describe(
      'When the answer was given: ISO-8601 date or date-time (no offset = UTC) or epoch milliseconds.',
    ),
    channel: optionalText('Where the survey was answered, e.g. "email", "web", "in-app".'),
    touchpoint: optionalText('The interaction the survey asks about, e.g. "checkout", "support call".'),
    journeyStage: journeyStageSchema(stages, canonical),
    segment: segmentSchema,
    weight: optionalNonNegative('Survey weight (finite, ≥ 0); absent means 1.', 'a weight'),
    comment: optionalText('Free-text comment, kept as written.'),
  };
  const typeField = <T extends SurveyType>(type: T) =>
    z.literal(type).describe(`Survey type: '${type}' (${KIND_NAMES[type]}).`);

  const schema = z
    .discriminatedUnion(
      'type',
      [
        z
          .object({ type: typeField('nps'), ...common, score: scoreSchema('nps', SURVEY_SCALES.nps) })
          .describe('An NPS answer ("How likely are you to recommend…", 0–10).'),
        z
          .object({ type: typeField('csat'), ...common, score: scoreSchema('csat', csatScale) })
          .describe(`A CSAT answer (${csatScale.min}–${csatScale.max}).`),
        z
          .object({ type: typeField('ces'), ...common, score: scoreSchema('ces', cesScale) })
          .describe(`A CES answer (${cesScale.min}–${cesScale.max}, ${DIRECTION_TEXT[cesScale.direction]}).`),
      ],
      {
        error: (issue) => {
          if ((issue.code as string) === 'invalid_type')
            return `expected a survey response record (an object)${got(issue.input)}`;
          const type = (issue.input as { type?: unknown } | undefined)?.type;
          return `expected type 'nps', 'csat' or 'ces'${got(type)}`;
        },
      },
    )
    .describe('One survey response: common fields and a score on the scale of its type (nps, csat or ces).');
  // The parsers read the rows this schema accepts without zod, to the same output (fastRows.ts).
  return registerFastPath(
    schema,
    fastSurveyResponse({ stages: canonical, scales: { nps: SURVEY_SCALES.nps, csat: csatScale, ces: cesScale } }),
  );
}

/**
 * The survey-response schema with the default stages and scales (NPS 0–10, CSAT 1–5, CES 1–7
 * higher is easier). See `createSurveyResponseSchema` for the fields and rules.
 *
 * @example
 * const r = surveyResponseSchema.parse({ type: 'nps', submittedAt: '2026-05-01T10:30', score: ' ', segment: 'smb; emea' })
 * r.score // => undefined
 * r.segment // => ['smb', 'emea']
 * r.submittedAt.toISOString() // => '2026-05-01T10:30:00.000Z'
 * surveyResponseSchema.safeParse({ type: 'ces', submittedAt: '2026-05-01', score: 0 }).error.issues[0].path // => ['score']
 */
export const surveyResponseSchema = createSurveyResponseSchema();

/**
 * A parsed survey response: the common fields and `score` (undefined when skipped), discriminated
 * on `type`. Narrow with `r.type === 'csat'`.
 *
 * @example
 * parseResponsesOrThrow([{ type: 'csat', submittedAt: '2026-05-01', score: '4', channel: '' }])[0] // => { type: 'csat', submittedAt: new Date('2026-05-01T00:00Z'), score: 4 }
 */
export type SurveyResponse<Stage extends string = JourneyStage> = z.output<
  ReturnType<typeof createSurveyResponseSchema<Stage>>
>;

/**
 * A parsed NPS response (`type: 'nps'`, score 0–10 or undefined).
 *
 * @example
 * parseResponsesOrThrow([{ type: 'nps', submittedAt: '2026-05-01', score: '' }])[0].score // => undefined
 */
export type NpsSurveyResponse<Stage extends string = JourneyStage> = Extract<SurveyResponse<Stage>, { type: 'nps' }>;

/**
 * A parsed CSAT response (`type: 'csat'`, score on the CSAT scale or undefined).
 *
 * @example
 * parseResponsesOrThrow([{ type: 'csat', submittedAt: '2026-05-01', score: 5 }])[0].score // => 5
 */
export type CsatSurveyResponse<Stage extends string = JourneyStage> = Extract<SurveyResponse<Stage>, { type: 'csat' }>;

/**
 * A parsed CES response (`type: 'ces'`, score on the CES scale or undefined).
 *
 * @example
 * parseResponsesOrThrow([{ type: 'ces', submittedAt: '2026-05-01', score: '7' }])[0].score // => 7
 */
export type CesSurveyResponse<Stage extends string = JourneyStage> = Extract<SurveyResponse<Stage>, { type: 'ces' }>;
