import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Summary, type SummaryMetric, summarize } from '../../src/index.ts';
import { expectSameSummaries, groupBy, periodLabel, readData, rng, viaSql } from './compare.ts';
import { type Engine, openDuckDb, openPostgres } from './engines.ts';

// The SQL path against the in-memory path on real engines: the same summaries (counts exactly,
// weighted sums and M2 to 1e-12) and the same estimates (to 1e-12), on the bundled samples, on
// IBM's Telco churn data (../shared/data) and on generated rows with hostile column names.

const nps = readData('../../examples/data/nps-responses.csv');
const surveys = readData('../../examples/data/csat-ces-responses.csv');
const telco = readData('../../../shared/data/telco-customer-churn.csv');

const score = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
const HOSTILE = 'Région"; DROP TABLE t; -- /* ü */';

// Generated rows: a score (10% skipped), a weight, a group in a hostile column, an instant over a
// year (across both DST changes) and a value with a large offset (M2 by a naive Σx² − (Σx)²/n
// would lose every digit).
// Loaded through each engine's COPY (the insert path); 2e4 by default, CX_SQL_ROWS=n for more. The
// million-row check generates its rows inside the engines instead (million.engines.test.ts).
const GENERATED = Number(process.env.CX_SQL_ROWS ?? 20_000);
const generated = (() => {
  const r = rng(13);
  const rows: { id: number; score: number | null; w: number; g: string; at: number; x: number; ok: boolean }[] = [];
  const start = Date.parse('2025-12-20T00:00:00Z');
  for (let id = 0; id < GENERATED; id++) {
    const u = r();
    rows.push({
      id,
      score: u < 0.1 ? null : Math.min(10, Math.floor(r() * 11)),
      w: Math.round(r() * 4000) / 1000,
      g: ['north', 'south', 'ëast', 'west "w"'][Math.floor(r() * 4)] as string,
      at: start + Math.floor(r() * 380 * 86_400_000),
      x: 1e9 + r() * 10,
      ok: r() < 0.3,
    });
  }
  return rows;
})();
const generatedCsv = [
  'id,score,w,g,at,x,ok', // COPY maps columns by position; the header is skipped
  ...generated.map(
    (g) =>
      `${g.id},${g.score ?? ''},${g.w},"${g.g.replaceAll('"', '""')}",${new Date(g.at).toISOString()},${g.x},${g.ok}`,
  ),
].join('\n');

const TELCO_COLUMNS = telco.text
  .split('\n', 1)[0]
  ?.trim()
  .split(',')
  .map((name) => {
    const type = ['SeniorCitizen', 'tenure'].includes(name)
      ? 'INTEGER'
      : name === 'MonthlyCharges' // TotalCharges has ' ' for new customers: TEXT
        ? 'DOUBLE PRECISION'
        : 'TEXT';
    return `"${name}" ${type}`;
  }) as string[];

const engines: Engine[] = [];

beforeAll(async () => {
  engines.push(await openDuckDb(), await openPostgres());
  for (const e of engines) {
    await e.load(
      'nps_responses',
      ['id TEXT', 'respondent_id TEXT', 'submitted_at TIMESTAMPTZ', 'channel TEXT', 'score INTEGER', 'comment TEXT'],
      nps.text,
    );
    await e.load(
      'survey_responses',
      [
        'id TEXT',
        'type TEXT',
        'submitted_at TIMESTAMPTZ',
        'channel TEXT',
        'touchpoint TEXT',
        'score INTEGER',
        'comment TEXT',
      ],
      surveys.text,
    );
    await e.load('telco', TELCO_COLUMNS, telco.text);
    await e.query(`CREATE VIEW telco_churn AS SELECT *, ("Churn" = 'Yes') AS churned FROM telco`);
    await e.load(
      'generated',
      [
        'id INTEGER',
        'score INTEGER',
        'w DOUBLE PRECISION',
        `"${HOSTILE.replaceAll('"', '""')}" TEXT`,
        'answered_at TIMESTAMPTZ',
        'x DOUBLE PRECISION',
        'ok BOOLEAN',
      ],
      generatedCsv,
    );
  }
}, 300_000);

afterAll(async () => {
  for (const e of engines) await e.close();
});

function inMemory<T>(
  metric: SummaryMetric,
  items: readonly T[],
  key: (t: T) => unknown[],
  summary: (part: T[]) => Summary,
): Map<string, Summary> {
  void metric;
  const out = new Map<string, Summary>();
  for (const [k, part] of groupBy(items, (t) => JSON.stringify(key(t)))) out.set(k, summary(part));
  return out;
}

describe.each([0, 1])('engine %#', (index) => {
  const engine = () => engines[index] as Engine;

  it('NPS of the bundled sample, whole and per channel, equals summarize', async () => {
    const whole = await viaSql(engine(), 'nps', { table: 'nps_responses', columns: { score: 'score' } });
    expectSameSummaries(
      whole,
      new Map([
        [
          '[]',
          summarize(
            'nps',
            nps.rows.map((r) => score(r.score)),
          ),
        ],
      ]),
    );
    const byChannel = await viaSql(engine(), 'nps', {
      table: 'nps_responses',
      columns: { score: 'score' },
      groupBy: ['channel'],
    });
    expectSameSummaries(
      byChannel,
      inMemory(
        'nps',
        nps.rows,
        (r) => [r.channel],
        (part) =>
          summarize(
            'nps',
            part.map((r) => score(r.score)),
          ),
      ),
    );
  });

  it('NPS per week in Europe/Berlin, filtered by channel, equals summarize on the same buckets', async () => {
    const channels = ['email', 'in-app'];
    const sql = await viaSql(engine(), 'nps', {
      table: 'nps_responses',
      columns: { score: 'score' },
      where: { channel: channels },
      period: { column: 'submitted_at', unit: 'week', timeZone: 'Europe/Berlin' },
    });
    const rows = nps.rows.filter((r) => channels.includes(r.channel as string));
    expectSameSummaries(
      sql,
      inMemory(
        'nps',
        rows,
        (r) => [periodLabel(Date.parse(r.submitted_at as string), 'week', 'Europe/Berlin')],
        (part) =>
          summarize(
            'nps',
            part.map((r) => score(r.score)),
          ),
      ),
    );
  });

  it('a time range given as Dates filters timestamps on the engine as in memory', async () => {
    const from = new Date('2026-05-10T00:00:00Z');
    const to = new Date('2026-05-20T12:00:00Z');
    const sql = await viaSql(engine(), 'nps', {
      table: 'nps_responses',
      columns: { score: 'score' },
      where: { submitted_at: { gte: from, lt: to } },
    });
    const rows = nps.rows.filter((r) => {
      const at = Date.parse(r.submitted_at as string);
      return at >= from.getTime() && at < to.getTime();
    });
    expect(rows.length).toBeGreaterThan(10);
    expectSameSummaries(
      sql,
      new Map([
        [
          '[]',
          summarize(
            'nps',
            rows.map((r) => score(r.score)),
          ),
        ],
      ]),
    );
  });

  it('CSAT and CES of the bundled sample per touchpoint equal summarize', async () => {
    for (const metric of ['csat', 'ces'] as const) {
      const sql = await viaSql(engine(), metric, {
        table: 'survey_responses',
        columns: { score: 'score' },
        where: { type: metric },
        groupBy: 'touchpoint',
      });
      const rows = surveys.rows.filter((r) => r.type === metric);
      expectSameSummaries(
        sql,
        inMemory(
          metric,
          rows,
          (r) => [r.touchpoint],
          (part) =>
            summarize(
              metric,
              part.map((r) => score(r.score)),
            ),
        ),
      );
    }
  });

  it('Telco churn share and mean monthly charges per contract equal summarize', async () => {
    const churn = await viaSql(engine(), 'proportion', {
      table: 'telco_churn',
      columns: { value: 'churned' },
      groupBy: ['Contract'],
      where: { Churn: { not: null } },
    });
    const rows = telco.rows.filter((r) => r.Churn !== '');
    expectSameSummaries(
      churn,
      inMemory(
        'proportion',
        rows,
        (r) => [r.Contract === '' ? null : r.Contract],
        (part) =>
          summarize(
            'proportion',
            part.map((r) => r.Churn === 'Yes'),
          ),
      ),
    );
    const charges = await viaSql(engine(), 'mean', {
      table: 'telco',
      columns: { value: 'MonthlyCharges' },
      groupBy: ['Contract', 'PaymentMethod'],
      where: { MonthlyCharges: { not: null } },
    });
    const priced = telco.rows.filter((r) => r.MonthlyCharges !== '');
    expectSameSummaries(
      charges,
      inMemory(
        'mean',
        priced,
        (r) => [r.Contract === '' ? null : r.Contract, r.PaymentMethod === '' ? null : r.PaymentMethod],
        (part) =>
          summarize(
            'mean',
            part.map((r) => Number(r.MonthlyCharges)),
          ),
      ),
    );
  });

  it(`${GENERATED} generated rows: weighted NPS per hostile-named group and week in New York equals summarize`, async () => {
    const sql = await viaSql(engine(), 'nps', {
      table: 'generated',
      columns: { score: 'score', weight: 'w' },
      groupBy: [HOSTILE],
      period: { column: 'answered_at', unit: 'week', timeZone: 'America/New_York' },
    });
    expectSameSummaries(
      sql,
      inMemory(
        'nps',
        generated,
        (g) => [g.g, periodLabel(g.at, 'week', 'America/New_York')],
        (part) =>
          summarize(
            'nps',
            part.map((g) => g.score),
            { weights: part.map((g) => g.w) },
          ),
      ),
    );
  });

  it(`${GENERATED} generated rows: unweighted NPS, the mean of large values and a share per month equal summarize`, async () => {
    const whole = await viaSql(engine(), 'nps', { table: 'generated', columns: { score: 'score' } });
    expectSameSummaries(
      whole,
      new Map([
        [
          '[]',
          summarize(
            'nps',
            generated.map((g) => g.score),
          ),
        ],
      ]),
    );
    const means = await viaSql(engine(), 'mean', {
      table: 'generated',
      columns: { value: 'x' },
      period: { column: 'answered_at', unit: 'month', timeZone: 'Asia/Kolkata' },
    });
    expectSameSummaries(
      means,
      inMemory(
        'mean',
        generated,
        (g) => [periodLabel(g.at, 'month', 'Asia/Kolkata')],
        (part) =>
          summarize(
            'mean',
            part.map((g) => g.x),
          ),
      ),
    );
    const shares = await viaSql(engine(), 'proportion', {
      table: 'generated',
      columns: { value: 'ok' },
      period: { column: 'answered_at', unit: 'quarter' },
      where: { score: { gte: 7 } },
    });
    expectSameSummaries(
      shares,
      inMemory(
        'proportion',
        generated.filter((g) => g.score !== null && g.score >= 7),
        (g) => [periodLabel(g.at, 'quarter', 'UTC')],
        (part) =>
          summarize(
            'proportion',
            part.map((g) => g.ok),
          ),
      ),
    );
  });
});
