import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../examples/csv.ts';
import { breakdown, funnelBy, journeyScoreboard, trend } from '../../src/index.ts';
import { parseResponses } from '../../src/schemas/index.ts';
import { SAMPLE_JOURNEY_AS_OF as asOf, loadSampleCarts, loadSampleEvents, SAMPLE_STAGES } from './sampleJourney.ts';

// The worked numbers of docs/journey.md's "By segment, tested" and "Journey scoreboard" sections,
// on the bundled samples; each table row is rebuilt from the result and must appear as printed.

const root = join(import.meta.dirname, '..', '..');
const page = readFileSync(join(root, 'docs', 'journey.md'), 'utf8');
const flat = page.replace(/\s+/g, ' ');
const minus = (t: string) => t.replace('-', '−');
const pct = (x: number) => minus((100 * x).toFixed(1));
const pp = (x: number) => (x >= 0 ? `+${(100 * x).toFixed(1)}` : pct(x));
const p2 = (x: number) => (x < 0.01 ? x.toPrecision(2) : x.toFixed(x < 0.1 ? 3 : 2).replace(/0$/, ''));

describe('docs/journey.md: funnelBy on the sample', () => {
  const r = funnelBy(loadSampleEvents(), { stages: [...SAMPLE_STAGES], asOf, within: { days: 14 }, by: 'device' });
  it('cart → checkout per device, against the rest', () => {
    const step = r.steps[2];
    expect([step?.from, step?.to]).toEqual(['cart', 'checkout']);
    for (const s of step?.segments ?? []) {
      const d = s.vsRest as { difference: number; lower: number; upper: number };
      const row = `| ${s.key} | ${s.converted} / ${s.converted + s.dropped} | ${pct(s.conversion?.value as number)} % | ${pp(d.difference)} pp [${pp(d.lower)}, ${pp(d.upper)}] | ${(s.adjustedPValue as number).toPrecision(2)} | ${s.flag} |`;
      expect(page).toContain(row);
    }
    expect(step?.test?.pValue.toPrecision(2)).toBe('0.0016');
    expect(flat).toContain('p = 0.0016 at this step; at every other step p ≥ 0.15 and no device is flagged');
    for (const [k, other] of r.steps.entries()) {
      if (k === 2) continue;
      expect(other.test?.pValue as number).toBeGreaterThanOrEqual(0.15);
      expect(other.segments.every((s) => s.flag === 'none')).toBe(true);
    }
  });

  it('end to end and the moment of abandonment', () => {
    const mobile = r.endToEnd.segments[1] as (typeof r.endToEnd.segments)[number];
    const rest = r.endToEnd.segments.filter((s) => s.key !== 'mobile');
    const restConv = rest.reduce((a, s) => a + s.converted, 0) / rest.reduce((a, s) => a + s.converted + s.dropped, 0);
    expect([
      pct(mobile.conversion?.value as number),
      pct(restConv),
      pp(mobile.vsRest?.difference as number),
      (mobile.pValue as number).toFixed(3),
      (mobile.adjustedPValue as number).toFixed(2),
      mobile.flag,
    ]).toEqual(['12.5', '17.6', '−5.0', '0.054', '0.16', 'none']);
    expect(flat).toContain(
      "End to end, mobile's 12.5 % against the rest's 17.6 % (−5.0 pp, p = 0.054) is not flagged after adjustment (0.16)",
    );
    expect(r.momentOfAbandonment).toMatchObject({ key: 'mobile', from: 'cart', to: 'checkout' });
    expect(r.momentOfAbandonment?.adjustedPValue.toPrecision(2)).toBe('0.0055');
    expect(r.steps.flatMap((s) => s.segments).length).toBe(12);
    expect(flat).toContain(`\`${String(r)}\``);
  });
});

describe('docs/journey.md: cart abandonment by device through breakdown', () => {
  it('per device against the rest, the chi-square test, the ended definition', () => {
    const options = { by: 'device', metric: 'cart-abandonment', asOf, window: { days: 7 } } as const;
    const r = breakdown(loadSampleCarts(), options);
    for (const g of r.groups) {
      const d = g.vsRest as { difference: number; lower: number; upper: number };
      const e = g.estimate as { carts: number; value: number };
      const row = `| ${g.label} | ${e.carts} | ${pct(e.value)} % | ${pp(d.difference)} pp [${pp(d.lower)}, ${pp(d.upper)}] | ${(g.adjustedPValue as number).toPrecision(2)} | ${g.flag} |`;
      expect(page).toContain(row);
    }
    expect(flat).toContain(
      `X² = ${r.test?.statistic.toFixed(2)} on ${r.test?.df} df, p = ${r.test?.pValue.toFixed(4)}`,
    );
    const e = breakdown(loadSampleCarts(), { ...options, definition: 'ended' });
    const [desktop, mobile] = e.groups as [(typeof e.groups)[number], (typeof e.groups)[number]];
    expect(flat).toContain(
      `(desktop ${pct(desktop.estimate?.value as number)} %, adjusted p = ${(desktop.adjustedPValue as number).toPrecision(2)}; mobile ${pct(mobile.estimate?.value as number)} %, adjusted p = ${(mobile.adjustedPValue as number).toPrecision(2)})`,
    );
    expect([desktop.flag, mobile.flag]).toEqual(['lower', 'higher']);
  });
});

describe('docs/journey.md: the funnel by device and by month through breakdown and trend', () => {
  const events = loadSampleEvents();
  const funnelOptions = { stages: [...SAMPLE_STAGES], asOf, within: { days: 14 } };

  it('breakdown: end to end not flagged, cart → checkout flagged for desktop and mobile (as funnelBy)', () => {
    const b = breakdown(events, { by: 'device', metric: 'funnel', ...funnelOptions });
    const f = funnelBy(events, { ...funnelOptions, by: 'device' });
    const step = 2;
    b.groups.forEach((g, i) => {
      expect(g.steps?.[step]?.vsRest).toEqual(f.steps[step]?.segments[i]?.vsRest);
      expect(g.steps?.[step]?.adjustedPValue).toBe(f.steps[step]?.segments[i]?.adjustedPValue);
      expect(g.vsRest).toEqual(f.endToEnd.segments[i]?.vsRest);
    });
    expect(b.groups.map((g) => g.flag)).toEqual(['none', 'none', 'none']);
    expect(b.groups.map((g) => g.steps?.[step]?.flag)).toEqual(['higher', 'lower', 'none']);
    expect(flat).toContain(`end to end (p = ${b.test?.pValue.toFixed(2)})`);
    expect(flat).toContain(
      `step cart → checkout: chi-square p=0.002; desktop higher (+22.7 pp, adj. p=0.001), mobile lower (-22.7 pp, adj. p=0.001)`,
    );
    expect(String(b)).toContain(
      'step cart → checkout: chi-square p=0.002; desktop higher (+22.7 pp, adj. p=0.001), mobile lower (-22.7 pp, adj. p=0.001)',
    );
  });

  it('trend: each customer in the month of their entry', () => {
    const t = trend(events, { at: 'at', period: 'month', timeZone: 'UTC', metric: 'funnel', ...funnelOptions });
    const shown = t.periods.map((p) => {
      const c = (p.estimate as { endToEnd: { conversion: { value: number; n: number } } }).endToEnd.conversion;
      return `${p.label}: ${pct(c.value)} % of ${c.n}`;
    });
    expect(flat).toContain(shown.join(', '));
    expect(t.periods[2]?.flag).toBe('higher');
    expect(t.periods[2]?.estimate?.warnings.map((w) => w.code)).toContain('PENDING');
  });
});

describe('docs/journey.md: the journey scoreboard on the CSAT/CES sample', () => {
  const text = readFileSync(join(root, 'examples', 'data', 'csat-ces-responses.csv'), 'utf8');
  const rows = readCsvTable(text).rows.map(({ values: v }) => ({
    id: v.id,
    type: v.type,
    submittedAt: v.submitted_at,
    channel: v.channel,
    touchpoint: v.touchpoint,
    score: v.score,
    comment: v.comment,
  }));
  const parsed = parseResponses(rows);
  const s = journeyScoreboard(parsed.data, { by: 'touchpoint', metrics: ['csat', 'ces'] });

  it('every row parses; the counts as stated', () => {
    expect(parsed.errors).toEqual([]);
    expect([
      parsed.data.filter((r) => r.type === 'csat').length,
      parsed.data.filter((r) => r.type === 'ces').length,
    ]).toEqual([290, 218]);
    expect(flat).toContain('290 CSAT and 218 CES answers');
  });

  it('the table, the test and the moment of truth', () => {
    const f2 = (x: number) => minus(x.toFixed(2));
    const sign = (x: number) => (x >= 0 ? `+${x.toFixed(2)}` : f2(x));
    for (const row of s.rows) {
      const c = row.csat;
      const e = row.ces;
      const csat =
        c?.estimate === null || c === undefined
          ? '— (not asked)'
          : `${pct(c.estimate.value)} % [${pct(c.estimate.lower)} %, ${pct(c.estimate.upper)} %], n = ${c.n}`;
      const ce = e?.estimate as { value: number; lower: number; upper: number };
      const d = e?.vsRest as { difference: number; lower: number; upper: number };
      const line = `| ${row.stage} | ${csat} | ${f2(ce.value)} [${f2(ce.lower)}, ${f2(ce.upper)}], n = ${e?.n} | ${sign(d.difference)} [${sign(d.lower)}, ${sign(d.upper)}] | ${p2(e?.adjustedPValue as number)} | ${e?.flag} |`;
      expect(page).toContain(line);
    }
    const t = s.tests.ces as { statistic: number; df: number; df2: number; pValue: number };
    expect(flat).toContain(
      `F = ${t.statistic.toFixed(2)} on ${t.df} and ${t.df2.toFixed(1)} df, p = ${t.pValue.toPrecision(2)}`,
    );
    expect(s.tests.csat).toBeNull();
    expect(s.breakdowns.csat?.warnings.map((w) => w.code)).toContain('NO_TEST');
    expect(s.momentOfTruth).toMatchObject({ stage: 'support contact', metric: 'ces', direction: 'worse' });
    expect(flat).toContain(`\`${String(s)}\``);
  });
});
