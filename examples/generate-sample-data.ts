/**
 * Writes examples/data/nps-responses.csv: a synthetic NPS survey, 600 answers over six months
 * (2026-05-01 .. 2026-10-31, UTC) from four channels.
 *
 *   npx tsx examples/generate-sample-data.ts
 *
 * Deterministic: its own seeded PRNG (mulberry32), no Math.random, no clock, no locale. The same
 * seed always writes byte-identical output. What is built in (so the demo has something to find):
 * - channels of different sizes: email ≈ 40 %, in-app ≈ 30 %, web ≈ 20 %, phone ≈ 10 %;
 * - different score distributions: in-app happiest, then email, web, and phone grumpiest;
 * - a dip in 2026-08 (a botched release: about a third of that month's answers come from an
 *   "incident" distribution), partly recovered in 2026-09;
 * - about 5 % skipped answers (blank score cell), some of them still with a comment;
 * - short comments on a minority of rows, some with commas, quotes or a line break.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvLine } from './csv.ts';
import { mulberry32, pick, pickIndex } from './sampling.ts';

const SEED = 20260501;
const OUTPUT = fileURLToPath(new URL('./data/nps-responses.csv', import.meta.url));
const COLUMNS = ['id', 'respondent_id', 'submitted_at', 'channel', 'score', 'comment'] as const;

type Channel = 'email' | 'in-app' | 'web' | 'phone';

/** Per channel: share of responses, chance of a skipped score, and weights for scores 0..10. */
const CHANNELS: Record<Channel, { share: number; skip: number; scores: readonly number[] }> = {
  //                                             0  1  2  3  4  5  6   7   8   9  10
  email: { share: 0.4, skip: 0.06, scores: [2, 1, 1, 2, 2, 4, 5, 12, 20, 24, 27] }, // NPS ≈ +39
  'in-app': { share: 0.3, skip: 0.04, scores: [1, 0.5, 0.5, 1, 1, 2, 3, 8, 18, 30, 35] }, // ≈ +56
  web: { share: 0.2, skip: 0.05, scores: [3, 1, 2, 2, 3, 5, 6, 13, 20, 21, 24] }, // ≈ +29
  phone: { share: 0.1, skip: 0.05, scores: [7, 3, 3, 4, 5, 8, 8, 12, 16, 15, 19] }, // ≈ +4
};

/** Scores of customers hit by the incident, whatever the channel (NPS ≈ −34). */
const INCIDENT_SCORES = [12, 5, 6, 7, 8, 12, 10, 12, 12, 8, 8] as const;

/** Months (UTC): how many answers, and the share drawn from the incident distribution. */
const MONTHS = [
  { year: 2026, month: 5, responses: 92, incident: 0.04 },
  { year: 2026, month: 6, responses: 104, incident: 0.03 },
  { year: 2026, month: 7, responses: 97, incident: 0.05 },
  { year: 2026, month: 8, responses: 110, incident: 0.35 },
  { year: 2026, month: 9, responses: 101, incident: 0.15 },
  { year: 2026, month: 10, responses: 96, incident: 0.03 },
] as const;

/** Relative number of answers per UTC hour of day (quiet at night, busy in office hours). */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2];

type Group = 'promoter' | 'passive' | 'detractor' | 'skipped';

const COMMENTS: Record<Group, readonly string[]> = {
  promoter: [
    'Love the new dashboard, saves me an hour a week.',
    'Fast, reliable, and the support team actually listens.',
    'Setup took five minutes. Already recommended it to two colleagues.',
    'The "smart filters" are a game changer.',
    'Great product, fair price.',
    'Everything just works.',
    'Support fixed my issue on the first call - thanks, Maria!',
  ],
  passive: [
    'Does the job, but the mobile app feels slow.',
    'Good overall. Would like better export options (CSV, Excel).',
    'Fine, nothing special.',
    "Pricing went up, value didn't.",
    'Useful, though "advanced reports" are hard to find.',
    'Solid, but the onboarding docs are out of date.',
  ],
  detractor: [
    'Waited 40 minutes on hold, then got disconnected.',
    'Billing charged me twice; the "refund" took three weeks.',
    'Too expensive for what it does.',
    'Two problems:\n1) login keeps timing out\n2) reports are missing data',
    'Support closed my ticket without fixing anything.',
    'Hard to cancel, hidden fees, slow app.',
  ],
  skipped: [
    'Not sure yet, ask me after the renewal.',
    'N/A - just testing the survey',
    'No opinion, I only use it once a month.',
  ],
};

/** Comments from customers hit by the incident (used for half of their comments). */
const INCIDENT_COMMENTS = [
  'Since the August update, sync fails every morning.',
  'The outage on Aug 12 cost us a full day of work.',
  'New release broke our integrations, again. Please test before shipping!',
  'Export to "PDF" has been broken for two weeks.',
];

/** Chance that an answer has a comment, by group (unhappy customers write more). */
const COMMENT_RATE: Record<Group, number> = { promoter: 0.18, passive: 0.18, detractor: 0.4, skipped: 0.3 };

function groupOf(score: number | null): Group {
  if (score === null) return 'skipped';
  return score >= 9 ? 'promoter' : score <= 6 ? 'detractor' : 'passive';
}

interface Row {
  time: number;
  respondentId: string;
  channel: Channel;
  score: number | null;
  comment: string;
}

function generate(seed: number): Row[] {
  const rng = mulberry32(seed);
  // A pool of customers smaller than the number of answers, so some answer more than once.
  const respondentId = (): string =>
    `cus_${Math.floor(rng() * 0x1000000)
      .toString(16)
      .padStart(6, '0')}`;
  const respondents = Array.from({ length: 480 }, respondentId);
  const channels = Object.keys(CHANNELS) as Channel[];
  const channelWeights = channels.map((c) => CHANNELS[c].share);
  const rows: Row[] = [];
  for (const { year, month, responses, incident } of MONTHS) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const monthRows: Row[] = [];
    for (let k = 0; k < responses; k++) {
      const channel = channels[pickIndex(rng, channelWeights)] as Channel;
      const spec = CHANNELS[channel];
      const hitByIncident = rng() < incident;
      const skipped = rng() < spec.skip;
      const score = skipped ? null : pickIndex(rng, hitByIncident ? INCIDENT_SCORES : spec.scores);
      const group = groupOf(score);
      let comment = '';
      if (rng() < COMMENT_RATE[group]) {
        comment =
          hitByIncident && group !== 'promoter' && rng() < 0.5
            ? pick(rng, INCIDENT_COMMENTS)
            : pick(rng, COMMENTS[group]);
      }
      const day = 1 + Math.floor(rng() * days);
      const hour = pickIndex(rng, HOUR_WEIGHTS);
      const second = Math.floor(rng() * 3600);
      const time = Date.UTC(year, month - 1, day, hour, 0, second);
      monthRows.push({ time, respondentId: pick(rng, respondents), channel, score, comment });
    }
    rows.push(...monthRows.sort((a, b) => a.time - b.time));
  }
  return rows;
}

function toCsv(rows: readonly Row[]): string {
  const lines = [csvLine(COLUMNS)];
  rows.forEach((row, i) => {
    const submittedAt = new Date(row.time).toISOString().replace('.000Z', 'Z');
    lines.push(
      csvLine([
        `r${String(i + 1).padStart(4, '0')}`,
        row.respondentId,
        submittedAt,
        row.channel,
        row.score,
        row.comment,
      ]),
    );
  });
  return `${lines.join('\n')}\n`;
}

const rows = generate(SEED);
writeFileSync(OUTPUT, toCsv(rows));
const skipped = rows.filter((r) => r.score === null).length;
const commented = rows.filter((r) => r.comment !== '').length;
console.log(
  `wrote ${rows.length} rows to ${OUTPUT} (seed ${SEED}; ${skipped} skipped = ${((100 * skipped) / rows.length).toFixed(1)}%, ${commented} with a comment)`,
);
