/**
 * The parsers on the built package (dist/: run `npm run build` first):
 * `NODE_OPTIONS=--expose-gc npx tsx bench/parsers.ts [--quick]`.
 *
 * 1. `parseResponses` against a bare zod schema yielding the same output types (a `z.object`
 *    with an enum `type`, a coerced Date `submittedAt`, a coerced number `score` with blank as
 *    missing, text fields and ';'-split tags; `safeParse` per row, the parsed rows kept in an
 *    array; no scale, stage or range checks): the issue-10 target is ≤ 1.5×. The rows are seeded and in random order, as a CSV
 *    reader gives them (every cell text): random types, ISO times to the millisecond over 2025,
 *    scores on their type's scale (10% blank), channels, stages in any letter case, 1–3 tags.
 *    Also `parseTickets` and `parseCustomers` on random rows, against bare schemas of theirs.
 * 2. What `columns` and `wide` cost over plain rows, and a huge sparse row array (its rows, not
 *    its length, cost time).
 *
 * Each figure is the median of repeated runs, run in rotation (A B C A B C …) so a burst of load
 * from another process on the machine falls on all alike; wall-clock and CPU time both, with their
 * ratios to the bare baseline measured in the same run. Not a test: nothing here asserts (it only
 * checks that each parser and its baseline accept every row, so that both do the same work);
 * test/schemas checks the answers.
 */
import { pathToFileURL } from 'node:url';
import * as z from 'zod';

type Parse = (rows: readonly unknown[], options?: object) => { data: unknown[]; errors: unknown[] };
const dist = (path: string) => pathToFileURL(new URL(`../dist/${path}`, import.meta.url).pathname).href;
const schemas = (await import(dist('schemas/index.js'))) as Record<
  'parseResponses' | 'parseTickets' | 'parseCustomers',
  Parse
>;
const { seededRandom } = (await import(dist('index.js'))) as { seededRandom: (seed: number) => () => number };

const quick = process.argv.includes('--quick');
const N = quick ? 100_000 : 200_000;
const REPETITIONS = quick ? 5 : 9;
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
let sink = 0; // results are kept so the work cannot be optimised away

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Median wall-clock and CPU milliseconds of each function over `repetitions` rotations. */
function times(fs: (() => number)[], repetitions: number): { wall: number; cpu: number }[] {
  for (const f of fs) for (let i = 0; i < 2; i++) sink += f();
  const wall: number[][] = fs.map(() => []);
  const cpu: number[][] = fs.map(() => []);
  for (let r = 0; r < repetitions; r++) {
    fs.forEach((f, k) => {
      collect();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      sink += f();
      (wall[k] as number[]).push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      (cpu[k] as number[]).push((used.user + used.system) / 1000);
    });
  }
  return fs.map((_, k) => ({ wall: median(wall[k] as number[]), cpu: median(cpu[k] as number[]) }));
}

function table(title: string, cases: [string, () => number][]): { wall: number; cpu: number }[] {
  const measured = times(
    cases.map(([, f]) => f),
    REPETITIONS,
  );
  const base = measured[0] as { wall: number; cpu: number };
  console.log(`\n${title}, median of ${REPETITIONS} runs; ratios to the first line`);
  console.log(
    `${''.padEnd(60)} ${'wall ms'.padStart(9)} ${'ratio'.padStart(6)}  ${'CPU ms'.padStart(9)} ${'ratio'.padStart(6)}`,
  );
  cases.forEach(([name], k) => {
    const { wall, cpu } = measured[k] as { wall: number; cpu: number };
    console.log(
      `${name.padEnd(60)} ${wall.toFixed(1).padStart(9)} ${(wall / base.wall).toFixed(2).padStart(5)}×  ${cpu.toFixed(1).padStart(9)} ${(cpu / base.cpu).toFixed(2).padStart(5)}×`,
    );
  });
  return measured;
}

const rng = seededRandom(20261202);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
const from = Date.UTC(2025, 0, 1);
const year = Date.UTC(2026, 0, 1) - from;
const DAY = 86_400_000;
const randomTime = () => from + Math.floor(rng() * year);
const SCALES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;
const TYPES = ['nps', 'csat', 'ces'] as const;
const CHANNELS = ['email', 'web', 'in-app', 'sms'];
const STAGES = ['onboarding', 'Usage', 'SUPPORT', 'renewal'];
const TAGS = ['smb;emea', 'enterprise; na', 'pro', 'free;apac;smb'];

// Bare zod: the same output types (number, Date, tags), none of the parser's checks.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const bareText = z.preprocess(blankToUndefined, z.string().optional());
const bareNumber = z.preprocess(blankToUndefined, z.coerce.number().optional());
const bareDate = z.preprocess(blankToUndefined, z.coerce.date().optional());
const bareTags = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((s) => s.split(';').map((t) => t.trim()))
    .optional(),
);
const bareResponse = z.object({
  id: bareText,
  type: z.enum(TYPES),
  submittedAt: z.coerce.date(),
  score: bareNumber,
  channel: bareText,
  journeyStage: bareText,
  segment: bareTags,
});
const bareTicket = z.object({
  id: z.string(),
  createdAt: z.coerce.date(),
  resolvedAt: bareDate,
  agentReplies: bareNumber,
  channel: bareText,
});
const bareCustomer = z.object({ id: z.string(), startedAt: z.coerce.date(), endedAt: bareDate, mrr: bareNumber });

// The parsed rows are kept, as a parser keeps them (a baseline that dropped them would leave the
// garbage collector less to do than any parser has).
const bare = (schema: z.ZodType, rows: readonly unknown[]) => () => {
  const data: unknown[] = [];
  for (let i = 0; i < rows.length; i++) {
    const result = schema.safeParse(rows[i]);
    if (result.success) data.push(result.data);
  }
  return data.length;
};

const responses = Array.from({ length: N }, (_, i) => {
  const type = pick(TYPES);
  const [min, max] = SCALES[type];
  return {
    id: `R-${i}`,
    type,
    submittedAt: new Date(randomTime()).toISOString(),
    score: rng() < 0.1 ? '' : String(min + Math.floor(rng() * (max - min + 1))),
    channel: pick(CHANNELS),
    journeyStage: pick(STAGES),
    segment: pick(TAGS),
  };
});
const tickets = Array.from({ length: N }, (_, i) => {
  const created = randomTime();
  const open = rng() < 0.2;
  return {
    id: `T-${i}`,
    createdAt: new Date(created).toISOString(),
    resolvedAt: open ? '' : new Date(created + Math.floor(rng() * 10 * DAY)).toISOString(),
    agentReplies: String(Math.floor(rng() * 6)),
    channel: pick(CHANNELS),
  };
});
const customers = Array.from({ length: N }, (_, i) => {
  const started = randomTime();
  return {
    id: `C-${i}`,
    startedAt: new Date(started).toISOString(),
    endedAt: rng() < 0.7 ? '' : new Date(started + Math.floor(rng() * 300 * DAY)).toISOString(),
    mrr: (rng() * 500).toFixed(2),
  };
});

// Both sides must accept every row, or the comparison means nothing.
for (const [name, parse, schema, rows] of [
  ['parseResponses', schemas.parseResponses, bareResponse, responses],
  ['parseTickets', schemas.parseTickets, bareTicket, tickets],
  ['parseCustomers', schemas.parseCustomers, bareCustomer, customers],
] as const) {
  const { errors } = parse(rows);
  if (errors.length > 0) throw new Error(`${name} rejects ${errors.length} bench rows: ${JSON.stringify(errors[0])}`);
  if (bare(schema, rows)() !== rows.length) throw new Error(`the bare schema of ${name} rejects bench rows`);
}

const n = N.toLocaleString('en');
const targets = [
  [
    'parseResponses',
    table(`parseResponses on ${n} random CSV rows`, [
      ['bare zod schema, safeParse per row', bare(bareResponse, responses)],
      ['parseResponses', () => schemas.parseResponses(responses).data.length],
    ]),
  ],
  [
    'parseTickets',
    table(`parseTickets on ${n} random CSV rows`, [
      ['bare zod schema, safeParse per row', bare(bareTicket, tickets)],
      ['parseTickets', () => schemas.parseTickets(tickets).data.length],
    ]),
  ],
  [
    'parseCustomers',
    table(`parseCustomers on ${n} random CSV rows`, [
      ['bare zod schema, safeParse per row', bare(bareCustomer, customers)],
      ['parseCustomers', () => schemas.parseCustomers(customers).data.length],
    ]),
  ],
] as const;
console.log('');
for (const [name, [base, parser]] of targets) {
  const b = base as { wall: number; cpu: number };
  const p = parser as { wall: number; cpu: number };
  console.log(
    `${name} / bare zod = ${(p.wall / b.wall).toFixed(2)} wall, ${(p.cpu / b.cpu).toFixed(2)} CPU${name === 'parseResponses' ? ' (target ≤ 1.5)' : ''}`,
  );
}

// What columns and wide cost over plain rows (the same responses, renamed or made wide).
const renamed = responses.map((r) => ({
  survey: r.type,
  submitted_at: r.submittedAt,
  nps_score: r.score,
  channel: r.channel,
}));
const wide = Array.from({ length: Math.floor(N / 3) }, (_, i) => ({
  submitted_at: (responses[i] as { submittedAt: string }).submittedAt,
  nps_score: String(i % 11),
  csat_score: String((i % 5) + 1),
  ces_score: String((i % 7) + 1),
}));
const plain = responses.map((r) => ({ type: r.type, submittedAt: r.submittedAt, score: r.score, channel: r.channel }));
table(`parseResponses with columns and wide, ${n} responses`, [
  ['plain rows (type, submittedAt, score, channel)', () => schemas.parseResponses(plain).data.length],
  [
    'the same rows through columns',
    () =>
      schemas.parseResponses(renamed, { columns: { type: 'survey', submittedAt: 'submitted_at', score: 'nps_score' } })
        .data.length,
  ],
  [
    `${wide.length} wide rows → ${wide.length * 3} responses`,
    () =>
      schemas.parseResponses(wide, {
        wide: { nps: 'nps_score', csat: 'csat_score', ces: 'ces_score' },
        columns: { submittedAt: 'submitted_at' },
      }).data.length,
  ],
]);

console.log('');
for (const length of [2 ** 20, 2 ** 28, 2 ** 32 - 1]) {
  const rows: unknown[] = [];
  rows.length = length;
  rows[5] = responses[0];
  rows[length - 1] = responses[1];
  const start = performance.now();
  sink += schemas.parseResponses(rows).errors.length;
  console.log(
    `${`parseResponses, sparse array of length ${length} with 2 rows`.padEnd(60)} ${(performance.now() - start).toFixed(1).padStart(9)} ms`,
  );
}
if (sink === 0.5) console.log(''); // keep sink observable
