import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import { nps } from '../../src/index.ts';
import {
  type CesSurveyResponse,
  CxMetricsError,
  createSurveyResponseSchema,
  JOURNEY_STAGES,
  type JourneyStage,
  type NpsSurveyResponse,
  parseResponses,
  SURVEY_SCALES,
  type SurveyResponse,
  surveyResponseSchema,
} from '../../src/schemas/index.ts';

const at = '2026-05-01T10:30:00Z';
const issuesOf = (value: unknown, schema: z.ZodType = surveyResponseSchema) =>
  schema.safeParse(value).error?.issues.map((issue) => ({ path: issue.path, message: issue.message }));

describe('surveyResponseSchema: the type discriminator', () => {
  it('parses an NPS, a CSAT and a CES answer, each on its default scale', () => {
    expect(surveyResponseSchema.parse({ type: 'nps', submittedAt: at, score: '0' }).score).toBe(0);
    expect(surveyResponseSchema.parse({ type: 'nps', submittedAt: at, score: 10 }).score).toBe(10);
    expect(surveyResponseSchema.parse({ type: 'csat', submittedAt: at, score: '5' }).score).toBe(5);
    expect(surveyResponseSchema.parse({ type: 'ces', submittedAt: at, score: 7 }).score).toBe(7);
  });

  it('checks each score against the scale of its own type, naming the range', () => {
    expect(issuesOf({ type: 'nps', submittedAt: at, score: 11 })).toEqual([
      {
        path: ['score'],
        message: 'expected an integer from 0 to 10 (NPS scale), or blank for a skipped answer; got 11',
      },
    ]);
    expect(issuesOf({ type: 'csat', submittedAt: at, score: '6' })).toEqual([
      {
        path: ['score'],
        message: 'expected an integer from 1 to 5 (CSAT scale), or blank for a skipped answer; got 6',
      },
    ]);
    expect(issuesOf({ type: 'csat', submittedAt: at, score: 0 })?.[0]?.path).toEqual(['score']);
    expect(issuesOf({ type: 'ces', submittedAt: at, score: 8 })?.[0]?.message).toContain('from 1 to 7 (CES scale)');
    expect(issuesOf({ type: 'ces', submittedAt: at, score: 4.5 })?.[0]?.message).toContain('got 4.5');
  });

  it("rejects an unknown or differently-cased type on ['type'], listing the three", () => {
    expect(issuesOf({ type: 'NPS', submittedAt: at, score: 9 })).toEqual([
      { path: ['type'], message: `expected type 'nps', 'csat' or 'ces'; got "NPS"` },
    ]);
    expect(issuesOf({ submittedAt: at, score: 9 })).toEqual([
      { path: ['type'], message: `expected type 'nps', 'csat' or 'ces'; got undefined` },
    ]);
  });

  it('rejects a row that is not an object', () => {
    expect(issuesOf('nps,2026-05-01,9')).toEqual([
      { path: [], message: 'expected a survey response record (an object); got "nps,2026-05-01,9"' },
    ]);
    expect(issuesOf(null)?.[0]?.path).toEqual([]);
  });

  it('requires submittedAt', () => {
    expect(issuesOf({ type: 'nps', score: 9 })).toEqual([
      {
        path: ['submittedAt'],
        message: 'expected an ISO-8601 date or date-time, epoch milliseconds or a Date; got undefined',
      },
    ]);
  });
});

describe('surveyResponseSchema: missing answers', () => {
  it('reads a blank, whitespace-only, null or absent score as a skipped answer (undefined), never 0', () => {
    for (const score of ['', ' ', '\t', ' \r\n ', null, undefined]) {
      for (const type of ['nps', 'csat', 'ces']) {
        expect(surveyResponseSchema.parse({ type, submittedAt: at, score }).score).toBeUndefined();
      }
    }
    expect(surveyResponseSchema.parse({ type: 'nps', submittedAt: at }).score).toBeUndefined();
  });

  it('turns blank or null optional cells into undefined and keeps the rest as written', () => {
    const r = surveyResponseSchema.parse({
      type: 'nps',
      submittedAt: at,
      id: '',
      respondentId: null,
      channel: '  ',
      touchpoint: 'checkout',
      comment: '  Great service  ',
      journeyStage: '',
      segment: ' ; ',
      weight: '',
    });
    expect(r).toEqual({ type: 'nps', submittedAt: new Date(at), touchpoint: 'checkout', comment: '  Great service  ' });
    for (const key of ['id', 'respondentId', 'channel', 'journeyStage', 'segment', 'weight'] as const) {
      expect(r[key]).toBeUndefined();
    }
  });

  it('reads numbers in text fields as text (ids exported as numbers)', () => {
    const r = surveyResponseSchema.parse({ type: 'csat', submittedAt: at, id: 1042, respondentId: 7 });
    expect([r.id, r.respondentId]).toEqual(['1042', '7']);
  });

  it('drops unknown keys (extra CSV columns)', () => {
    const r = surveyResponseSchema.parse({ type: 'csat', submittedAt: at, score: 4, region: 'emea' });
    expect(r).not.toHaveProperty('region');
  });
});

describe('surveyResponseSchema: numbers from CSV cells', () => {
  it('reads decimal strings, padded or not', () => {
    expect(surveyResponseSchema.parse({ type: 'nps', submittedAt: at, score: ' 9 ' }).score).toBe(9);
    expect(surveyResponseSchema.parse({ type: 'nps', submittedAt: at, score: '9.0' }).score).toBe(9);
    expect(surveyResponseSchema.parse({ type: 'nps', submittedAt: at, weight: '1.25' }).weight).toBe(1.25);
    expect(surveyResponseSchema.parse({ type: 'nps', submittedAt: at, weight: '-0' }).weight).toBe(0);
  });

  it('rejects what only looks like a number: hex, a decimal comma, Infinity, words', () => {
    for (const score of ['0x9', '4,5', 'Infinity', 'nine', true, [9]]) {
      expect(issuesOf({ type: 'nps', submittedAt: at, score })?.[0]?.path).toEqual(['score']);
    }
    for (const weight of ['1,5', -1, '-0.5', Number.POSITIVE_INFINITY, Number.NaN, 'heavy']) {
      expect(issuesOf({ type: 'nps', submittedAt: at, weight })).toEqual([
        { path: ['weight'], message: expect.stringMatching(/^expected a weight: a finite number ≥ 0, or blank; got /) },
      ]);
    }
  });
});

describe('surveyResponseSchema: journey stages and segments', () => {
  it('accepts the default stages in any case and padding, output as listed', () => {
    for (const stage of JOURNEY_STAGES) {
      expect(
        surveyResponseSchema.parse({ type: 'nps', submittedAt: at, journeyStage: ` ${stage.toUpperCase()} ` }),
      ).toHaveProperty('journeyStage', stage);
    }
  });

  it('rejects an unknown stage, listing the allowed ones', () => {
    expect(issuesOf({ type: 'nps', submittedAt: at, journeyStage: 'trial' })).toEqual([
      {
        path: ['journeyStage'],
        message:
          'expected a journey stage: one of awareness, consideration, purchase, onboarding, usage, support, renewal, advocacy; got "trial"',
      },
    ]);
  });

  it('takes an extended stage list from the factory', () => {
    const schema = createSurveyResponseSchema({ journeyStages: [...JOURNEY_STAGES, 'trial', 'Win-back'] });
    expect(schema.parse({ type: 'nps', submittedAt: at, journeyStage: 'TRIAL' }).journeyStage).toBe('trial');
    expect(schema.parse({ type: 'nps', submittedAt: at, journeyStage: 'win-back' }).journeyStage).toBe('Win-back');
    expect(schema.parse({ type: 'nps', submittedAt: at, journeyStage: 'usage' }).journeyStage).toBe('usage');
  });

  it('takes a replacement stage list from the factory', () => {
    const schema = createSurveyResponseSchema({ journeyStages: ['pilot', 'live'] });
    expect(issuesOf({ type: 'nps', submittedAt: at, journeyStage: 'usage' }, schema)?.[0]?.message).toBe(
      'expected a journey stage: one of pilot, live; got "usage"',
    );
  });

  it("splits a segment cell on ';', trims, drops blanks and repeats", () => {
    const seg = (segment: unknown) => surveyResponseSchema.parse({ type: 'nps', submittedAt: at, segment }).segment;
    expect(seg('enterprise;emea')).toEqual(['enterprise', 'emea']);
    expect(seg(' enterprise ; ; emea ;enterprise ')).toEqual(['enterprise', 'emea']);
    expect(seg('enterprise')).toEqual(['enterprise']);
    expect(seg(['smb', ' emea ', '', 'a;b'])).toEqual(['smb', 'emea', 'a', 'b']);
    expect(seg(['', ' '])).toBeUndefined();
    expect(seg([])).toBeUndefined();
    expect(seg('a, b')).toEqual(['a, b']); // the comma is CSV's own separator, not a tag separator
  });

  it('reports a tag that is not text at its index', () => {
    expect(issuesOf({ type: 'nps', submittedAt: at, segment: ['a', { tier: 1 }] })).toEqual([
      { path: ['segment', 1], message: 'expected a segment tag as text; got an object' },
    ]);
    expect(issuesOf({ type: 'nps', submittedAt: at, segment: true })?.[0]?.path).toEqual(['segment']);
  });
});

describe('createSurveyResponseSchema: custom scales', () => {
  it('checks CSAT against a custom scale', () => {
    const schema = createSurveyResponseSchema({ csatScale: SURVEY_SCALES.csat7 });
    expect(schema.parse({ type: 'csat', submittedAt: at, score: 7 }).score).toBe(7);
    expect(issuesOf({ type: 'csat', submittedAt: at, score: 8 }, schema)?.[0]?.message).toContain('from 1 to 7');
    // NPS and CES keep their defaults.
    expect(issuesOf({ type: 'ces', submittedAt: at, score: 8 }, schema)?.[0]?.message).toContain('from 1 to 7');
    expect(schema.parse({ type: 'nps', submittedAt: at, score: 10 }).score).toBe(10);
  });

  it('checks CES against the legacy 1–5 lower-is-easier scale', () => {
    const schema = createSurveyResponseSchema({ cesScale: SURVEY_SCALES.cesLegacy });
    expect(issuesOf({ type: 'ces', submittedAt: at, score: 6 }, schema)).toEqual([
      { path: ['score'], message: 'expected an integer from 1 to 5 (CES scale), or blank for a skipped answer; got 6' },
    ]);
  });

  it('accepts scales that start at 0 or below', () => {
    const schema = createSurveyResponseSchema({ csatScale: { min: -2, max: 2 } });
    expect(schema.parse({ type: 'csat', submittedAt: at, score: '-2' }).score).toBe(-2);
  });

  it('rejects bad options with INVALID_OPTION, naming the option', () => {
    const bad: [unknown, RegExp][] = [
      [{ csatScale: { min: 5, max: 1 } }, /csatScale\.max: expected max greater than min; got min 5, max 1/],
      [{ csatScale: { min: 1, max: 5, direction: 'lower-is-easier' } }, /csatScale\.direction is 'lower-is-easier'/],
      [
        { cesScale: { min: 1, max: 7, direction: 'higher-is-better' } },
        /expected 'higher-is-easier' or 'lower-is-easier'/,
      ],
      [{ cesScale: { min: 1.5, max: 7 } }, /cesScale\.min: expected the lowest score as an integer/],
      [{ cesScale: 7 }, /cesScale must be an object/],
      [{ journeyStages: [] }, /journeyStages is an array; expected a non-empty array/],
      [{ journeyStages: ['trial', 'Trial'] }, /journeyStages\[1\] 'Trial' repeats an earlier stage/],
      [{ journeyStages: ['trial', ' '] }, /journeyStages\[1\] is " "; expected a non-blank name/],
      [{ journeyStages: 'trial' }, /journeyStages is "trial"/],
      ['options', /options must be a plain object/],
      [{ csatscale: { min: 1, max: 7 } }, /unknown option 'csatscale'; did you mean 'csatScale'\?/],
    ];
    for (const [options, message] of bad) {
      expect(() => createSurveyResponseSchema(options as never)).toThrow(
        expect.objectContaining({
          name: 'CxMetricsError',
          code: 'INVALID_OPTION',
          message: expect.stringMatching(message),
        }),
      );
    }
    expect(() => createSurveyResponseSchema({ csatScale: { min: 5, max: 1 } })).toThrow(CxMetricsError);
  });
});

describe('types', () => {
  it('narrows on type and types the journey stage from the options', () => {
    const r = surveyResponseSchema.parse({ type: 'ces', submittedAt: at, score: 5 });
    expectTypeOf(r).toEqualTypeOf<SurveyResponse>();
    if (r.type === 'ces') expectTypeOf(r).toEqualTypeOf<CesSurveyResponse>();
    expectTypeOf<NpsSurveyResponse['type']>().toEqualTypeOf<'nps'>();
    expectTypeOf<SurveyResponse['score']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<SurveyResponse['submittedAt']>().toEqualTypeOf<Date>();
    expectTypeOf<SurveyResponse['journeyStage']>().toEqualTypeOf<JourneyStage | undefined>();
    expectTypeOf<SurveyResponse['segment']>().toEqualTypeOf<string[] | undefined>();

    const { data } = parseResponses([], { journeyStages: [...JOURNEY_STAGES, 'trial'] });
    expectTypeOf(data[0]?.journeyStage).toEqualTypeOf<JourneyStage | 'trial' | undefined>();
  });
});

describe('feeding the metrics', () => {
  it('parsed NPS responses go straight into nps(), skipped answers counted', () => {
    const { data } = parseResponses([
      { type: 'nps', submittedAt: at, score: '10' },
      { type: 'nps', submittedAt: at, score: '' },
      { type: 'nps', submittedAt: at, score: '3' },
      { type: 'csat', submittedAt: at, score: '5' },
    ]);
    const npsAnswers = data.filter((r): r is NpsSurveyResponse => r.type === 'nps');
    const result = nps(npsAnswers, { accessor: 'score' });
    expect([result.promoters, result.detractors, result.skipped, result.value]).toEqual([1, 1, 1, 0]);
  });
});
