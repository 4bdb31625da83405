// Type tests of the journey comparisons (journeyScoreboard, funnelBy, breakdown of carts): the calls
// a user writes compile with the types they should have; common misuses do not (each
// `@ts-expect-error` line must be an error).
import {
  type BreakdownResult,
  breakdown,
  type CartAbandonmentResult,
  type CesResult,
  type CsatResult,
  type FunnelByResult,
  funnelBy,
  type JourneyScoreboardResult,
  journeyScoreboard,
  type MomentOfTruth,
  type NpsResult,
} from '../../src/index.ts';
import { type Equal, expectTrue, expectType } from './expect.ts';

const responses = [{ type: 'nps', journeyStage: 'purchase', score: 9 }];
const s = journeyScoreboard(responses, { metrics: ['nps', 'csat'], csat: { satisfiedMin: 4 } });
expectType<JourneyScoreboardResult>(s);
expectTrue<Equal<typeof s.momentOfTruth, MomentOfTruth | null>>();
expectType<NpsResult | null | undefined>(s.rows[0]?.nps?.estimate);
expectType<CsatResult | null | undefined>(s.rows[0]?.csat?.estimate);
expectType<CesResult | null | undefined>(s.rows[0]?.ces?.estimate);
// @ts-expect-error the rows are journey stages or touchpoints
journeyScoreboard(responses, { by: 'channel' });
// @ts-expect-error the columns are nps, csat and ces
journeyScoreboard(responses, { metrics: ['fcr'] });
// @ts-expect-error a misspelt option key (stages)
journeyScoreboard(responses, { stage: ['purchase'] });

const events = [{ customerId: 1, stage: 'visit', at: '2026-06-01', device: 'mobile' }];
expectType<FunnelByResult>(
  funnelBy(events, { stages: ['visit', 'buy'], asOf: '2026-07-01', by: 'device', adjust: 'bh' }),
);
// @ts-expect-error by is required
funnelBy(events, { stages: ['visit', 'buy'], asOf: '2026-07-01' });
// @ts-expect-error adjust is an adjustPValues method
funnelBy(events, { stages: ['visit', 'buy'], asOf: '2026-07-01', by: 'device', adjust: 'tukey' });

const carts = [{ cartId: 1, createdAt: '2026-06-01', device: 'mobile' }];
const c = breakdown(carts, {
  by: 'device',
  metric: 'cart-abandonment',
  asOf: '2026-07-01',
  window: { days: 7 },
  definition: 'ended',
});
expectType<BreakdownResult<CartAbandonmentResult>>(c);
expectType<number | null>(c.groups[0]?.adjustedPValue ?? null);
