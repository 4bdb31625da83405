import * as z from 'zod';
import { cellToNumber } from './cells.ts';
import { timestampSchema } from './timestampSchema.ts';

/**
 * An NPS answer: an integer from 0 to 10, or missing (null, undefined, blank cell) for a skipped
 * answer. Numeric strings are accepted ("9"), blank strings are missing, never 0. null stays null
 * (this schema predates `surveyResponseSchema`, which turns every missing answer into undefined).
 *
 * @example
 * npsScoreSchema.parse(' 9 ') // => 9
 * npsScoreSchema.parse('') // => undefined
 * npsScoreSchema.safeParse(11).success // => false
 */
export const npsScoreSchema = z.preprocess(
  cellToNumber,
  z
    .number({ error: 'expected an integer from 0 to 10, or blank for a skipped answer' })
    .int({ error: 'expected an integer from 0 to 10' })
    .min(0, { error: 'expected an integer from 0 to 10' })
    .max(10, { error: 'expected an integer from 0 to 10' })
    .nullish(),
);

const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'number' ? String(v) : v),
  z.string().optional(),
);

/**
 * One NPS survey response without a `type` field: `{ id?, respondentId?, submittedAt, channel?,
 * score, comment?, weight? }`. `score` is null/undefined when the respondent skipped the question;
 * `nps(responses, { accessor: 'score' })` then counts it in `skipped`. For mixed NPS, CSAT and
 * CES data use `surveyResponseSchema`.
 *
 * @example
 * npsResponseSchema.parse({ submittedAt: '2026-05-01', score: '10', comment: '' }) // => { submittedAt: new Date('2026-05-01T00:00:00Z'), score: 10, comment: undefined }
 */
export const npsResponseSchema = z.object({
  id: optionalText,
  respondentId: optionalText,
  submittedAt: timestampSchema,
  channel: optionalText,
  score: npsScoreSchema,
  comment: optionalText,
  weight: z.preprocess(
    cellToNumber,
    z.number().finite().nonnegative({ error: 'expected a finite weight ≥ 0' }).optional(),
  ),
});

/**
 * A parsed NPS response (`npsResponseSchema`).
 *
 * @example
 * npsResponseSchema.parse({ submittedAt: '2026-05-01', score: null }).score // => null
 */
export type NpsResponse = z.infer<typeof npsResponseSchema>;
