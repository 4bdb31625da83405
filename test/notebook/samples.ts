import {
  ces,
  cohortRetention,
  compareMeans,
  compareNps,
  compareProportions,
  csat,
  kaplanMeier,
  npsFromCounts,
  retentionCurve,
  ttr,
} from '../../src/index.ts';

// Small deterministic results of every kind, shared by the notebook tests.

export const customers = [
  { id: 'a', startedAt: '2025-01-05', endedAt: '2025-02-10' },
  { id: 'b', startedAt: '2025-01-20' },
  { id: 'c', startedAt: '2025-01-31', endedAt: '2025-03-15' },
  { id: 'd', startedAt: '2025-02-14' },
];

const hour = 3_600_000;
const created = Date.UTC(2025, 0, 6, 9);
/** Ten tickets resolved after 1…8 hours, two still open at asOf. */
export const tickets = Array.from({ length: 10 }, (_, i) => ({
  id: `t${i}`,
  createdAt: new Date(created).toISOString(),
  ...(i < 8 ? { resolvedAt: new Date(created + (i + 1) * hour).toISOString() } : {}),
}));

export const samples = {
  nps: npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }),
  npsByRegion: {
    north: npsFromCounts({ promoters: 50, passives: 30, detractors: 20 }),
    south: npsFromCounts({ promoters: 30, passives: 30, detractors: 40 }),
  },
  csat: csat([5, 4, 4, 3, 1, null]),
  ces: ces([7, 6, 5, 5, 2, null]),
  npsDifference: compareNps(
    { promoters: 49, passives: 23, detractors: 18 },
    { promoters: 41, passives: 30, detractors: 35 },
  ),
  proportionDifference: compareProportions({ successes: 7, n: 10 }, { successes: 10, n: 12 }),
  meansDifference: compareMeans([4, 5, 5, 4, 3], [3, 2, 4, 3, 3]),
  duration: ttr(tickets, { asOf: '2025-01-08' }),
  completedDuration: ttr([1000, 2000, 3000, 5000, 8000]),
  kaplanMeier: kaplanMeier([2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1]),
  retention: retentionCurve(customers, { asOf: '2025-04-01' }),
  cohorts: cohortRetention(customers, { period: 'month', asOf: '2025-04-01' }),
};
