/**
 * Writes examples/data/csat-ces-responses.csv: a synthetic CSAT and CES survey, about 500 answers
 * over the same six months as the NPS sample (2026-05-01 .. 2026-10-31, UTC), in the
 * `type`-discriminated layout that `parseResponses` (cx-metrics/schemas) reads.
 *
 *   npx tsx examples/generate-sample-surveys.ts
 *
 * Deterministic: its own seeded PRNG (mulberry32), no Math.random, no clock, no locale. The same
 * seed always writes byte-identical output. What is built in (so the demo has something to find):
 * - CSAT (1–5, satisfied = 4–5) asked after a support contact closes, by support channel: chat
 *   ≈ 45 %, email ≈ 35 %, phone ≈ 20 %; chat happiest, email least happy;
 * - CES 2.0 (1–7, "The company made it easy for me to handle my issue", higher is easier) asked
 *   after self-service (help-center, in-app) and after support contacts (chat, email, phone);
 *   in-app easiest, email hardest;
 * - the same incident as the NPS sample: in 2026-08 about a third of the answers come from an
 *   "incident" distribution (and support volume is up), partly recovered in 2026-09;
 * - about 5 % skipped answers (blank score cell), some of them still with a comment;
 * - short comments on a minority of rows, some with commas, quotes or a line break.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvLine } from './csv.ts';
import { mulberry32, pick, pickIndex, type Rng } from './sampling.ts';

const SEED = 20260502;
const OUTPUT = fileURLToPath(new URL('./data/csat-ces-responses.csv', import.meta.url));
const COLUMNS = ['id', 'type', 'submitted_at', 'channel', 'touchpoint', 'score', 'comment'] as const;

type SurveyType = 'csat' | 'ces';
type Touchpoint = 'support contact' | 'self-service';

interface ChannelSpec {
  touchpoint: Touchpoint;
  /** Relative share of this survey's answers. */
  share: number;
  /** Chance of a skipped score. */
  skip: number;
  /** Weights for the scores min..max of the survey's scale. */
  scores: readonly number[];
}

/** CSAT, 1–5, after a support contact. Targets: satisfied share (4–5) and mean. */
const CSAT_CHANNELS: Record<string, ChannelSpec> = {
  //                                                         1  2   3   4   5
  chat: { touchpoint: 'support contact', share: 0.45, skip: 0.05, scores: [3, 4, 8, 33, 52] }, // 85 %, 4.27
  email: { touchpoint: 'support contact', share: 0.35, skip: 0.06, scores: [7, 7, 12, 35, 39] }, // 74 %, 3.92
  phone: { touchpoint: 'support contact', share: 0.2, skip: 0.04, scores: [5, 5, 9, 31, 50] }, // 81 %, 4.16
};

/** CES 2.0, 1–7 (higher is easier), after self-service or a support contact. Targets: easy share (5–7), mean. */
const CES_CHANNELS: Record<string, ChannelSpec> = {
  //                                                                  1  2  3   4   5   6   7
  'help-center': { touchpoint: 'self-service', share: 0.3, skip: 0.05, scores: [4, 5, 8, 12, 22, 27, 22] }, // 71 %, 5.1
  'in-app': { touchpoint: 'self-service', share: 0.25, skip: 0.04, scores: [2, 3, 5, 9, 21, 30, 30] }, // 81 %, 5.6
  chat: { touchpoint: 'support contact', share: 0.2, skip: 0.05, scores: [3, 4, 6, 11, 22, 29, 25] }, // 76 %, 5.4
  email: { touchpoint: 'support contact', share: 0.15, skip: 0.06, scores: [7, 8, 11, 15, 22, 21, 16] }, // 59 %, 4.6
  phone: { touchpoint: 'support contact', share: 0.1, skip: 0.05, scores: [5, 6, 9, 12, 22, 25, 21] }, // 68 %, 5.0
};

const SPECS: Record<SurveyType, { min: number; channels: Record<string, ChannelSpec>; incident: readonly number[] }> = {
  // Customers hit by the incident, whatever the channel: CSAT 37 % satisfied, CES 36 % easy.
  csat: { min: 1, channels: CSAT_CHANNELS, incident: [25, 18, 20, 22, 15] },
  ces: { min: 1, channels: CES_CHANNELS, incident: [18, 16, 16, 14, 14, 12, 10] },
};

/**
 * Months (UTC): answers per survey, and the share drawn from the incident distribution (the same
 * shares as the NPS sample). Support volume, and so the CSAT count, rises in the incident month.
 */
const MONTHS = [
  { year: 2026, month: 5, csat: 44, ces: 34, incident: 0.04 },
  { year: 2026, month: 6, csat: 47, ces: 36, incident: 0.03 },
  { year: 2026, month: 7, csat: 45, ces: 35, incident: 0.05 },
  { year: 2026, month: 8, csat: 58, ces: 40, incident: 0.35 },
  { year: 2026, month: 9, csat: 50, ces: 37, incident: 0.15 },
  { year: 2026, month: 10, csat: 46, ces: 36, incident: 0.03 },
] as const;

/** Relative number of answers per UTC hour of day (quiet at night, busy in office hours). */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2];

type Mood = 'good' | 'neutral' | 'bad' | 'skipped';

const CSAT_COMMENTS: Record<Mood, readonly string[]> = {
  good: [
    'Quick answer, problem solved.',
    'Friendly and competent - thanks, Sam!',
    'Resolved on the first reply.',
    'Clear steps, worked straight away.',
  ],
  neutral: [
    'Got there in the end, took a few replies.',
    'OK, but I had to explain the issue twice.',
    'Fine. The "workaround" is not a fix, though.',
  ],
  bad: [
    'Three agents, three different answers.',
    'Waited two days for a reply, then the ticket was closed.',
    'Not solved. Reopened it, again.',
    'Transferred twice:\nbilling -> tech -> billing',
  ],
  skipped: ['Still waiting to see if the fix holds.', 'N/A - colleague handled it'],
};

/** CES comments depend on what the customer did: help themselves, or contact support. */
const CES_COMMENTS: Record<Touchpoint, Record<Mood, readonly string[]>> = {
  'self-service': {
    good: ['Found the answer in a minute.', 'Easy, the guide had screenshots.', 'Done in two clicks.'],
    neutral: [
      'Took a while to find the right article.',
      'Search results were hit and miss, "billing" found nothing useful.',
    ],
    bad: ['Had to contact support after the article failed.', 'Too many steps, and the form lost my input.'],
    skipped: ['Did not finish, will try again later.'],
  },
  'support contact': {
    good: ['One message and it was sorted.', 'The agent made the change for me, no effort at all.'],
    neutral: ['Had to explain the issue twice.', 'Fine, but they asked for logs, screenshots, the lot.'],
    bad: ['Had to repeat my account details to every agent.', 'Went back and forth for a week.'],
    skipped: ['Too early to say, the case is still open.'],
  },
};

/** Comments from customers hit by the incident (used for half of their comments). */
const INCIDENT_COMMENTS = [
  'Since the August update, sync fails every morning.',
  'Support confirmed the outage but had no ETA.',
  'The release broke our exports; the "known issue" page was empty.',
];

/** Chance that an answer has a comment, by mood (unhappy customers write more). */
const COMMENT_RATE: Record<Mood, number> = { good: 0.15, neutral: 0.2, bad: 0.4, skipped: 0.25 };

function moodOf(type: SurveyType, score: number | null): Mood {
  if (score === null) return 'skipped';
  // CSAT 4–5 good, 3 neutral, 1–2 bad; CES 5–7 good, 4 neutral, 1–3 bad.
  const [good, neutral] = type === 'csat' ? [4, 3] : [5, 4];
  return score >= good ? 'good' : score >= neutral ? 'neutral' : 'bad';
}

interface Row {
  time: number;
  type: SurveyType;
  channel: string;
  touchpoint: Touchpoint;
  score: number | null;
  comment: string;
}

function answer(rng: Rng, type: SurveyType, time: number, incident: number): Row {
  const spec = SPECS[type];
  const channels = Object.keys(spec.channels);
  const channel = channels[
    pickIndex(
      rng,
      Object.values(spec.channels).map((c) => c.share),
    )
  ] as string;
  const channelSpec = spec.channels[channel] as ChannelSpec;
  const hitByIncident = rng() < incident;
  const skipped = rng() < channelSpec.skip;
  const score = skipped ? null : spec.min + pickIndex(rng, hitByIncident ? spec.incident : channelSpec.scores);
  const mood = moodOf(type, score);
  let comment = '';
  if (rng() < COMMENT_RATE[mood]) {
    comment =
      hitByIncident && mood !== 'good' && rng() < 0.5
        ? pick(rng, INCIDENT_COMMENTS)
        : pick(rng, type === 'csat' ? CSAT_COMMENTS[mood] : CES_COMMENTS[channelSpec.touchpoint][mood]);
  }
  return { time, type, channel, touchpoint: channelSpec.touchpoint, score, comment };
}

function generate(seed: number): Row[] {
  const rng = mulberry32(seed);
  const rows: Row[] = [];
  for (const { year, month, csat, ces, incident } of MONTHS) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const time = (): number => {
      const day = 1 + Math.floor(rng() * days);
      const hour = pickIndex(rng, HOUR_WEIGHTS);
      const second = Math.floor(rng() * 3600);
      return Date.UTC(year, month - 1, day, hour, 0, second);
    };
    const monthRows: Row[] = [];
    for (let k = 0; k < csat; k++) monthRows.push(answer(rng, 'csat', time(), incident));
    for (let k = 0; k < ces; k++) monthRows.push(answer(rng, 'ces', time(), incident));
    // Both surveys in one file, in time order (ties, which are rare, keep CSAT first).
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
        `s${String(i + 1).padStart(4, '0')}`,
        row.type,
        submittedAt,
        row.channel,
        row.touchpoint,
        row.score,
        row.comment,
      ]),
    );
  });
  return `${lines.join('\n')}\n`;
}

const rows = generate(SEED);
writeFileSync(OUTPUT, toCsv(rows));
const summary = (['csat', 'ces'] as const).map((type) => {
  const ofType = rows.filter((r) => r.type === type);
  const skipped = ofType.filter((r) => r.score === null).length;
  return `${ofType.length} ${type.toUpperCase()} (${skipped} skipped)`;
});
const commented = rows.filter((r) => r.comment !== '').length;
console.log(
  `wrote ${rows.length} rows to ${OUTPUT} (seed ${SEED}; ${summary.join(', ')}, ${commented} with a comment)`,
);
