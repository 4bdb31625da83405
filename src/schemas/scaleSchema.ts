import * as z from 'zod';
import { CxMetricsError } from '../errors.ts';
import { got } from './cells.ts';

/**
 * Which end of a scale is the good one. NPS and CSAT are 'higher-is-better'; CES says whether a
 * high score means an easy experience ('higher-is-easier', CES 2.0: "The company made it easy for
 * me…", 1 = strongly disagree … 7 = strongly agree) or a hard one ('lower-is-easier', the original
 * CES: "How much effort did you personally have to put forth…", 1 = very low effort).
 *
 * @example
 * SCALE_DIRECTIONS.includes('lower-is-easier') // => true
 */
export const SCALE_DIRECTIONS = Object.freeze(['higher-is-better', 'higher-is-easier', 'lower-is-easier'] as const);

/**
 * One of `SCALE_DIRECTIONS`.
 *
 * @example
 * SURVEY_SCALES.cesLegacy.direction // => 'lower-is-easier'
 */
export type ScaleDirection = (typeof SCALE_DIRECTIONS)[number];

const integer = (what: string) =>
  z
    .number({ error: `expected ${what} as an integer` })
    .int({ error: `expected ${what} as an integer` })
    .describe(`${what[0]?.toUpperCase()}${what.slice(1)} (an integer).`);

/**
 * An answer scale: the integer range `min`…`max`, which end is the good one (`direction`,
 * default 'higher-is-better'), and optional `labels` naming some or all points (keys are the
 * scores as strings, as in any JSON object). `min` must be below `max`, and every label key an
 * integer on the scale.
 *
 * @example
 * scaleSchema.parse({ min: 1, max: 7 }).direction // => 'higher-is-better'
 * scaleSchema.parse({ min: 1, max: 5, labels: { 1: 'Very dissatisfied', 5: 'Very satisfied' } }).labels[5] // => 'Very satisfied'
 * scaleSchema.safeParse({ min: 5, max: 1 }).error.issues[0].path // => ['max']
 */
export const scaleSchema = z
  .object({
    min: integer('the lowest score'),
    max: integer('the highest score'),
    direction: z
      .enum(SCALE_DIRECTIONS, {
        error: (issue) => `expected one of ${SCALE_DIRECTIONS.map((d) => `'${d}'`).join(', ')}${got(issue.input)}`,
      })
      .default('higher-is-better')
      .describe(
        "Which end is the good one: 'higher-is-better' (NPS, CSAT; the default), or for CES 'higher-is-easier' or 'lower-is-easier'.",
      ),
    labels: z
      .record(
        z.string().regex(/^-?\d+$/, { error: 'expected a label key that is an integer score, e.g. "5"' }),
        z.string({ error: 'expected a label as text' }),
      )
      .optional()
      .describe('Names of scale points, keyed by score: { "1": "Very dissatisfied", "5": "Very satisfied" }.'),
  })
  .superRefine(
    (scale, ctx) => {
      if (typeof scale.min !== 'number' || typeof scale.max !== 'number') return;
      if (!(scale.min < scale.max)) {
        ctx.addIssue({
          code: 'custom',
          path: ['max'],
          message: `expected max greater than min; got min ${scale.min}, max ${scale.max}`,
        });
        return;
      }
      for (const key of Object.keys(scale.labels ?? {})) {
        const score = Number(key);
        if (Number.isInteger(score) && (score < scale.min || score > scale.max)) {
          ctx.addIssue({
            code: 'custom',
            path: ['labels', key],
            message: `label for ${key} is off the scale; expected a score from ${scale.min} to ${scale.max}`,
          });
        }
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .describe('An answer scale: integer scores from min to max, which end is the good one, and optional point labels.');

/**
 * A parsed scale (`direction` filled in).
 *
 * @example
 * scaleSchema.parse({ min: 0, max: 4 }) // => { min: 0, max: 4, direction: 'higher-is-better' }
 */
export type Scale = z.output<typeof scaleSchema>;

/**
 * A scale as written by a user: `direction` and `labels` optional (the `csatScale` and
 * `cesScale` options).
 *
 * @example
 * createSurveyResponseSchema({ cesScale: { min: 1, max: 5 } }).safeParse({ type: 'ces', submittedAt: '2026-05-01', score: 5 }).success // => true
 */
export type ScaleInput = z.input<typeof scaleSchema>;

function preset(scale: Scale): Readonly<Scale> {
  if (scale.labels !== undefined) Object.freeze(scale.labels);
  return Object.freeze(scale);
}

/**
 * The standard scales, with their usual anchor labels:
 * - `nps`: 0–10 "How likely are you to recommend…" (Reichheld 2003, HBR "The One Number You Need
 *   to Grow"); the default NPS scale.
 * - `csat`: 1–5 satisfaction, very dissatisfied … very satisfied; the default CSAT scale.
 * - `csat7`: 1–7 satisfaction.
 * - `ces`: CES 2.0, 1–7 agreement with "The company made it easy for me to handle my issue",
 *   higher is easier (Dixon, Toman & DeLisi 2013, *The Effortless Experience*); the default CES scale.
 * - `cesLegacy`: the original CES, 1–5 "How much effort did you personally have to put forth to
 *   handle your request?", lower is easier (Dixon, Freeman & Toman 2010, HBR "Stop Trying to
 *   Delight Your Customers").
 *
 * Pass one to `createSurveyResponseSchema({ csatScale: SURVEY_SCALES.csat7 })`. Frozen.
 *
 * @example
 * SURVEY_SCALES.ces.direction // => 'higher-is-easier'
 * [SURVEY_SCALES.cesLegacy.min, SURVEY_SCALES.cesLegacy.max] // => [1, 5]
 * SURVEY_SCALES.csat.labels[5] // => 'Very satisfied'
 */
export const SURVEY_SCALES = Object.freeze({
  nps: preset({
    min: 0,
    max: 10,
    direction: 'higher-is-better',
    labels: { 0: 'Not at all likely', 10: 'Extremely likely' },
  }),
  csat: preset({
    min: 1,
    max: 5,
    direction: 'higher-is-better',
    labels: {
      1: 'Very dissatisfied',
      2: 'Dissatisfied',
      3: 'Neither satisfied nor dissatisfied',
      4: 'Satisfied',
      5: 'Very satisfied',
    },
  }),
  csat7: preset({
    min: 1,
    max: 7,
    direction: 'higher-is-better',
    labels: {
      1: 'Very dissatisfied',
      2: 'Dissatisfied',
      3: 'Somewhat dissatisfied',
      4: 'Neither satisfied nor dissatisfied',
      5: 'Somewhat satisfied',
      6: 'Satisfied',
      7: 'Very satisfied',
    },
  }),
  ces: preset({
    min: 1,
    max: 7,
    direction: 'higher-is-easier',
    labels: {
      1: 'Strongly disagree',
      2: 'Disagree',
      3: 'Somewhat disagree',
      4: 'Neither agree nor disagree',
      5: 'Somewhat agree',
      6: 'Agree',
      7: 'Strongly agree',
    },
  }),
  cesLegacy: preset({
    min: 1,
    max: 5,
    direction: 'lower-is-easier',
    labels: {
      1: 'Very low effort',
      2: 'Low effort',
      3: 'Neither low nor high effort',
      4: 'High effort',
      5: 'Very high effort',
    },
  }),
});

/**
 * Check a scale passed as an option (`csatScale`, `cesScale`) once, at schema-building time, and
 * throw INVALID_OPTION naming the option when it is wrong. CSAT must be 'higher-is-better' (reverse-
 * code a scale where 1 is best: score' = min + max − score); CES must say which end is easier and
 * defaults to 'higher-is-easier'. @internal
 */
export function resolveScale(fn: string, name: string, kind: 'csat' | 'ces', input: unknown): Scale {
  if (input === null || typeof input !== 'object') {
    throw new CxMetricsError('INVALID_OPTION', `${fn}: ${name} must be an object { min, max, direction?, labels? }`, {
      value: input,
    });
  }
  const withDefault = kind === 'ces' ? { direction: 'higher-is-easier', ...input } : input;
  const result = scaleSchema.safeParse(withDefault);
  if (!result.success) {
    const issue = result.error.issues[0] as z.core.$ZodIssue;
    const where = [name, ...issue.path.map(String)].join('.');
    throw new CxMetricsError('INVALID_OPTION', `${fn}: ${where}: ${issue.message}`, { value: input });
  }
  const scale = result.data;
  const allowed: readonly ScaleDirection[] =
    kind === 'ces' ? ['higher-is-easier', 'lower-is-easier'] : ['higher-is-better'];
  if (!allowed.includes(scale.direction)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${name}.direction is '${scale.direction}'; expected ${allowed.map((d) => `'${d}'`).join(' or ')}${
        kind === 'csat' ? ' (reverse-code a scale where the lowest score is best: min + max − score)' : ''
      }`,
      { value: input },
    );
  }
  return scale;
}
