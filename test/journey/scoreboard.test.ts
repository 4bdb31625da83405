import { describe, expect, it } from 'vitest';
import { breakdown, csat, journeyScoreboard, nps, SCOREBOARD_STAGES } from '../../src/index.ts';
import { JOURNEY_STAGES } from '../../src/schemas/index.ts';
import { thrown } from '../helpers/thrown.ts';

const fill = <T extends object>(k: number, r: T): T[] => Array.from({ length: k }, () => ({ ...r }));

describe('journeyScoreboard', () => {
  it('SCOREBOARD_STAGES is the JOURNEY_STAGES list of cx-metrics/schemas (copied to keep zod out of the main entry)', () => {
    expect(SCOREBOARD_STAGES).toEqual([...JOURNEY_STAGES]);
  });

  it('a cell is the metric on its stage’s responses of its type; other types never pooled', () => {
    const responses = [
      ...fill(30, { type: 'nps', journeyStage: 'support', score: 10 }),
      ...fill(10, { type: 'nps', journeyStage: 'support', score: 3 }),
      ...fill(20, { type: 'csat', journeyStage: 'support', score: 1 }),
      ...fill(25, { type: 'nps', journeyStage: 'onboarding', score: 8 }),
    ];
    const s = journeyScoreboard(responses, { metrics: ['nps', 'csat'] });
    expect(s.stages).toEqual(['onboarding', 'support']);
    const support = s.rows[1];
    expect(support?.nps?.estimate?.value).toBe(nps(responses.slice(0, 40), { accessor: 'score' }).value);
    expect(support?.nps?.n).toBe(40);
    expect(support?.csat?.estimate?.value).toBe(csat(responses.slice(40, 60), { accessor: 'score' }).value);
    expect(s.rows[0]?.csat).toMatchObject({ n: 0, estimate: null, vsRest: null, flag: 'none' });
    // The cell is the breakdown's group, the overall the breakdown's overall.
    const b = breakdown(
      responses.filter((r) => r.type === 'nps'),
      { by: 'journeyStage', metric: 'nps', accessor: 'score' },
    );
    expect(support?.nps?.vsRest?.difference).toBe(b.groups[1]?.vsRest?.difference);
    expect(support?.nps?.adjustedPValue).toBe(b.groups[1]?.adjustedPValue);
    expect(s.overall.nps?.value).toBe(b.overall.value);
    expect(s.tests.nps?.pValue).toBe(b.test?.pValue);
    expect(s.tests.ces).toBeUndefined();
  });

  it('small cells are shown and warned; empty cells are listed', () => {
    const responses = [
      ...fill(5, { type: 'csat', journeyStage: 'purchase', score: 5 }),
      ...fill(40, { type: 'csat', journeyStage: 'usage', score: 4 }),
      ...fill(40, { type: 'nps', journeyStage: 'usage', score: 9 }),
    ];
    const s = journeyScoreboard(responses, { metrics: ['nps', 'csat'] });
    expect(s.rows[0]?.csat?.n).toBe(5);
    expect(s.rows[0]?.csat?.warnings.map((w) => w.code)).toContain('SMALL_SAMPLE');
    const messages = s.warnings.map((w) => w.message);
    expect(messages).toContain(
      'journeyScoreboard: small cell(s) csat at purchase (n=5): shown, but their estimates and comparisons are rough',
    );
    expect(messages).toContain('journeyScoreboard: empty cell(s) nps at purchase: no answers, no estimate');
  });

  it('the moment of truth: the flagged stage furthest from the rest, with the joint adjustment stated', () => {
    const responses = [
      ...fill(60, { type: 'csat', journeyStage: 'purchase', score: 5 }),
      ...fill(60, { type: 'csat', journeyStage: 'onboarding', score: 4 }),
      ...fill(30, { type: 'csat', journeyStage: 'support', score: 4 }),
      ...fill(30, { type: 'csat', journeyStage: 'support', score: 2 }),
      ...fill(60, { type: 'csat', journeyStage: 'renewal', score: 5 }),
    ];
    const s = journeyScoreboard(responses, { metrics: ['csat'] });
    expect(s.momentOfTruth?.stage).toBe('support');
    expect(s.momentOfTruth?.direction).toBe('worse');
    // support 30/60 satisfied against 180/180 elsewhere: −50 percentage points.
    expect(s.momentOfTruth?.vsRest.difference).toBeCloseTo(-0.5, 12);
    expect(s.momentOfTruth?.share).toBeCloseTo(0.5, 12);
    expect(s.momentOfTruthReason).toBe(
      "the largest difference from the rest, as a share of the metric's range, among the cells below level 0.05 after adjusting the 4 comparisons of a stage with the rest (1 metric), holm-adjusted together",
    );
    expect(String(s)).toMatch(
      /^Journey scoreboard by journeyStage \(CSAT; 4 stages, 240 responses\): moment of truth support \(CSAT −50\.0 pp vs the rest, worse, adjusted p = /,
    );
  });

  it('no moment of truth when nothing differs after adjustment, and says so', () => {
    const responses = [
      ...fill(20, { type: 'nps', journeyStage: 'purchase', score: 9 }),
      ...fill(20, { type: 'nps', journeyStage: 'purchase', score: 5 }),
      ...fill(20, { type: 'nps', journeyStage: 'support', score: 9 }),
      ...fill(20, { type: 'nps', journeyStage: 'support', score: 5 }),
    ];
    const s = journeyScoreboard(responses);
    expect(s.momentOfTruth).toBeNull();
    expect(s.momentOfTruthReason).toBe(
      'none: no stage differs from the rest at level 0.05 after adjusting the 2 comparisons of a stage with the rest (1 metric), holm-adjusted together',
    );
    expect(String(s)).toBe(
      'Journey scoreboard by journeyStage (NPS, CSAT, CES; 2 stages, 80 responses): no moment of truth (no stage differs from the rest after adjustment)',
    );
    expect(s.warnings.map((w) => w.code)).toContain('NO_TEST');
  });

  it('CES on a lower-is-easier scale: a higher mean is worse', () => {
    const responses = [
      ...fill(40, { type: 'ces', journeyStage: 'support', score: 5 }),
      ...fill(40, { type: 'ces', journeyStage: 'usage', score: 1 }),
      ...fill(40, { type: 'ces', journeyStage: 'usage', score: 2 }),
    ];
    const s = journeyScoreboard(responses, { metrics: ['ces'], ces: { direction: 'lower-is-easier' } });
    expect(s.momentOfTruth).toMatchObject({ stage: 'support', metric: 'ces', direction: 'worse' });
    expect(s.momentOfTruth?.share).toBeCloseTo(3.5 / 4, 12);
  });

  it('by touchpoint: touchpoints in code-unit order, or as listed in stages', () => {
    const responses = [
      { type: 'csat', touchpoint: 'support call', score: 5 },
      { type: 'csat', touchpoint: 'checkout', score: 2 },
      { type: 'csat', score: 4 },
    ];
    const s = journeyScoreboard(responses, { by: 'touchpoint', metrics: ['csat'] });
    expect([s.by, s.stages, s.unstaged]).toEqual(['touchpoint', ['checkout', 'support call'], 1]);
    expect(s.warnings.map((w) => w.code)).toContain('MISSING_FIELD');
    const listed = journeyScoreboard(responses, {
      by: 'touchpoint',
      metrics: ['csat'],
      stages: ['support call', 'checkout', 'delivery'],
    });
    expect(listed.rows.map((r) => [r.stage, r.csat?.n])).toEqual([
      ['support call', 1],
      ['checkout', 1],
      ['delivery', 0],
    ]);
  });

  it('responses of a type not among metrics are counted and left out', () => {
    const responses = [
      { type: 'nps', journeyStage: 'usage', score: 9 },
      { type: 'ces', journeyStage: 'usage', score: 3 },
    ];
    const s = journeyScoreboard(responses, { metrics: ['nps'] });
    expect(s.otherTypes).toBe(1);
    expect(s.warnings.map((w) => w.code)).toContain('OTHER_TYPES');
  });

  it('bad input is reported with its index, never dropped', () => {
    const ok = { type: 'nps', journeyStage: 'usage', score: 9 };
    expect(thrown(() => journeyScoreboard([ok, { ...ok, type: 'select' }])).message).toBe(
      `journeyScoreboard: response at index 1 has type "select"; expected 'nps', 'csat' or 'ces' (answers of different surveys are never pooled)`,
    );
    const stage = thrown(() => journeyScoreboard([ok, { ...ok, journeyStage: 'onbording' }]));
    expect([stage.code, stage.index]).toEqual(['INVALID_VALUE', 1]);
    expect(stage.message).toContain("did you mean 'onboarding'?");
    expect(stage.message).toContain('pass your own list as stages');
    const listed = thrown(() => journeyScoreboard([ok], { stages: ['trial', 'purchase'] }));
    expect([listed.code, listed.index]).toEqual(['INVALID_VALUE', 0]);
    const score = thrown(() =>
      journeyScoreboard([
        ok,
        { type: 'csat', journeyStage: 'usage', score: 4 },
        { type: 'csat', journeyStage: 'usage', score: 9 },
      ]),
    );
    expect([score.code, score.index]).toEqual(['INVALID_VALUE', 2]);
    expect(score.message).toMatch(/^journeyScoreboard.*index 2.*\(csat column\)$/);
    expect(thrown(() => journeyScoreboard([ok, 7])).index).toBe(1);
    expect(thrown(() => journeyScoreboard([{ ...ok, journeyStage: 3 }])).index).toBe(0);
    expect(thrown(() => journeyScoreboard([])).code).toBe('EMPTY_INPUT');
  });

  it('bad options are INVALID_OPTION naming the option', () => {
    const r = [{ type: 'nps', journeyStage: 'usage', score: 9 }];
    expect(thrown(() => journeyScoreboard(r, { by: 'channel' as never })).message).toBe(
      `journeyScoreboard: by is "channel"; expected one of 'journeyStage', 'touchpoint'`,
    );
    expect(thrown(() => journeyScoreboard(r, { metrics: ['nps', 'nps'] })).code).toBe('INVALID_OPTION');
    expect(thrown(() => journeyScoreboard(r, { metrics: ['fcr' as never] })).code).toBe('INVALID_OPTION');
    expect(thrown(() => journeyScoreboard(r, { stages: ['usage', 'usage'] })).code).toBe('INVALID_OPTION');
    expect(thrown(() => journeyScoreboard(r, { level: 2 })).code).toBe('INVALID_OPTION');
    expect(thrown(() => journeyScoreboard(r, { stage: ['usage'] } as never)).message).toContain("'stages'");
    expect(thrown(() => journeyScoreboard(r, { nps: { scael: 1 } })).code).toBe('INVALID_OPTION');
    expect(thrown(() => journeyScoreboard(r, { nps: { weights: [1] } })).message).toBe(
      'journeyScoreboard: nps.weights is not a column option (weighted answers are not supported by the scoreboard)',
    );
    expect(thrown(() => journeyScoreboard(r, { csat: { adjust: 'bh' } })).message).toBe(
      'journeyScoreboard: csat.adjust is not a column option; give adjust at the top level',
    );
  });
});
