import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { meanInterval, npsFromCounts, proportionInterval } from '../../src/index.ts';
import {
  chartFor,
  formatResult,
  JUPYTER_DISPLAY,
  type MimeBundle,
  npsBreakdownChart,
  resultKind,
  show,
  VEGA_LITE_MIME,
} from '../../src/notebook/index.ts';
import { render } from './render.ts';
import { samples } from './samples.ts';

const bundleOf = (x: unknown): MimeBundle => show(x)[Symbol.for('Jupyter.display') as typeof JUPYTER_DISPLAY]();

/** The text content of an HTML fragment: tags dropped, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<title>.*?<\/title>/g, '')
    .replace(/<\/?span[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('formatResult prints one readable line per figure', () => {
  it.each([
    ['nps', samples.nps, 'NPS 30.0 [14.1, 44.2] (adjusted-wald, 95%, n=100)'],
    [
      'csat',
      samples.csat,
      'CSAT 60.0% [23.1%, 88.2%] (wilson, 95%, n=5)\nCSAT mean score 3.40 [1.52, 5.00] (t, 95%, n=5) ⚠ CLIPPED',
    ],
    [
      'ces',
      samples.ces,
      'CES 5.00 [2.68, 7.00] (t, 95%, n=5) ⚠ CLIPPED\nCES easy 80.0% [37.6%, 96.4%] (wilson, 95%, n=5)\nCES net effort 20.0 [-38.7, 63.7] (adjusted-wald, 95%, n=5) ⚠ SMALL_SAMPLE',
    ],
    [
      'NPS difference',
      samples.npsDifference,
      'NPS difference +28.8 [5.3, 50.4] (adjusted-wald, 95%, p=0.02)\n  a: NPS 34.4 [17.3, 49.4] (adjusted-wald, 95%, n=90)\n  b: NPS 5.7 [-10.3, 21.3] (adjusted-wald, 95%, n=106)',
    ],
    [
      'proportion difference',
      samples.proportionDifference,
      'Proportion difference -13.3 pp [-45.9 pp, 20.7 pp] (newcombe, 95%, p=0.46)\n  a: Proportion 70.0% [39.7%, 89.2%] (wilson, 95%, n=10)\n  b: Proportion 83.3% [55.2%, 95.3%] (wilson, 95%, n=12)',
    ],
    [
      'means difference',
      samples.meansDifference,
      'Mean difference +1.20 [0.06, 2.34] (welch, 95%, p=0.04)\n  a: Mean 4.20 [3.16, 5.24] (t, 95%, n=5)\n  b: Mean 3.00 [2.12, 3.88] (t, 95%, n=5)',
    ],
    [
      'duration with open tickets',
      samples.duration,
      'Duration median 5.5 h [1.0 h, 8.0 h] (brookmeyer-crowley, 95%, n=10, 2 open) ⚠ CENSORED\nDuration p90 ∞ [7.0 h, ∞] (brookmeyer-crowley, 95%, n=10) ⚠ NOT_REACHED, UPPER_NOT_REACHED\nDuration restricted mean 11.4 h [2.8 h, 20.0 h] (restricted-mean, 95%, n=10) ⚠ RESTRICTED_MEAN',
    ],
    [
      'duration, all completed',
      samples.completedDuration,
      'Duration median 3.0 s [1.0 s, 8.0 s] (order-statistics, 95%, n=5) ⚠ LOW_COVERAGE\nDuration p90 6.8 s [1.0 s, 8.0 s] (order-statistics, 95%, n=5) ⚠ LOW_COVERAGE\nDuration mean 3.8 s [0.4 s, 7.2 s] (t, 95%, n=5)',
    ],
    [
      'Kaplan–Meier',
      samples.kaplanMeier,
      'Kaplan–Meier median 5 [2, ∞] (brookmeyer-crowley, 95%, n=6, 4 events, 2 censored) ⚠ UPPER_NOT_REACHED',
    ],
    [
      'retention curve',
      samples.retention,
      'Median lifetime 57 days [36 days, ∞] (brookmeyer-crowley, 95%, n=4, 2 churned, 2 active) ⚠ UPPER_NOT_REACHED',
    ],
    [
      'cohort table',
      samples.cohorts,
      'Cohort retention by month (n=4, as of 2025-04-01)\n  2025-01 (n=3): 100.0% · 100.0% · 66.7% · 33.3%\n  2025-02 (n=1): 100.0% · 100.0% · 100.0%',
    ],
    [
      'record of results',
      samples.npsByRegion,
      'north: NPS 30.0 [14.1, 44.2] (adjusted-wald, 95%, n=100)\nsouth: NPS -10.0 [-25.7, 6.3] (adjusted-wald, 95%, n=100)',
    ],
    ['plain Estimate', meanInterval([1, 2, 3]), 'Estimate 2.00 [-0.48, 4.48] (t, 95%, n=3)'],
    ['proportion', proportionInterval(3, 10), 'Proportion 30.0% [10.8%, 60.3%] (wilson, 95%, n=10)'],
  ])('%s', (_, result, expected) => {
    expect(formatResult(result)).toBe(expected);
  });

  it('prints an array of results in order, without labels', () => {
    expect(formatResult([samples.nps, proportionInterval(3, 10)])).toBe(
      'NPS 30.0 [14.1, 44.2] (adjusted-wald, 95%, n=100)\nProportion 30.0% [10.8%, 60.3%] (wilson, 95%, n=10)',
    );
  });

  it('prints the non-result entries of a record as JSON and its warnings in full', () => {
    const mixed = { north: samples.nps, note: 'first wave', warnings: [{ code: 'PILOT', message: 'pilot survey' }] };
    expect(formatResult(mixed)).toBe(
      'north: NPS 30.0 [14.1, 44.2] (adjusted-wald, 95%, n=100)\nnote: "first wave"\n⚠ PILOT: pilot survey',
    );
  });

  it('prints nested records with the key path', () => {
    expect(formatResult({ march: { north: samples.nps } })).toBe(
      'march / north: NPS 30.0 [14.1, 44.2] (adjusted-wald, 95%, n=100)',
    );
  });

  it('prints weighted (effective) sample sizes with one decimal', () => {
    expect(formatResult({ ...samples.nps, n: 87.25 })).toContain('n=87.3)');
  });

  it('falls back to JSON for anything it does not recognise, and never throws', () => {
    expect(formatResult({ hello: 'world' })).toBe('{\n  "hello": "world"\n}');
    expect(formatResult(42)).toBe('42');
    expect(formatResult(null)).toBe('null');
    expect(formatResult(undefined)).toBe('undefined');
    expect(formatResult({ a: Number.POSITIVE_INFINITY, b: 2n })).toBe('{\n  "a": "Infinity",\n  "b": "2n"\n}');
    const cyclic: Record<string, unknown> = { x: 1 };
    cyclic.self = cyclic;
    expect(formatResult(cyclic)).toBe('{\n  "x": 1,\n  "self": "[Circular]"\n}');
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    expect(typeof formatResult(hostile)).toBe('string');
    expect(typeof String(show(hostile))).toBe('string');
    expect(show(hostile)[JUPYTER_DISPLAY]()['text/plain']).toBeTypeOf('string');
  });
});

describe('resultKind recognises results by shape', () => {
  it.each([
    ['nps', samples.nps],
    ['csat', samples.csat],
    ['ces', samples.ces],
    ['difference', samples.npsDifference],
    ['difference', samples.meansDifference],
    ['duration', samples.duration],
    ['kaplan-meier', samples.kaplanMeier],
    ['kaplan-meier', samples.retention],
    ['cohort-retention', samples.cohorts],
    ['estimate', meanInterval([1, 2, 3])],
    ['collection', samples.npsByRegion],
    ['collection', [samples.nps]],
    ['unknown', []],
    ['unknown', { a: 1 }],
    ['unknown', 'NPS'],
  ])('%s', (kind, value) => {
    expect(resultKind(value)).toBe(kind);
  });

  it('recognises a result parsed back from JSON the same way', () => {
    const parsed = JSON.parse(JSON.stringify(samples.npsDifference));
    expect(resultKind(parsed)).toBe('difference');
    expect(formatResult(parsed)).toBe(formatResult(samples.npsDifference));
  });

  it('does not recurse forever on cyclic collections', () => {
    const cyclic: Record<string, unknown> = { a: samples.nps };
    cyclic.self = cyclic;
    expect(resultKind(cyclic)).toBe('collection');
    expect(formatResult(cyclic).split('\n')[0]).toBe('a: NPS 30.0 [14.1, 44.2] (adjusted-wald, 95%, n=100)');
  });
});

describe('show', () => {
  it('prints the text form in Node consoles, String() and template literals', () => {
    const shown = show(samples.nps);
    const line = 'NPS 30.0 [14.1, 44.2] (adjusted-wald, 95%, n=100)';
    expect(inspect(shown)).toBe(line);
    expect(inspect({ result: shown })).toBe(`{ result: ${line} }`);
    expect(String(shown)).toBe(line);
    expect(`${shown}`).toBe(line);
    expect(shown[Symbol.for('Deno.customInspect') as never]).toBeTypeOf('function');
  });

  it('keeps the value: JSON, .value, and show(show(x))', () => {
    const shown = show(samples.nps);
    expect(shown.value).toBe(samples.nps);
    expect(JSON.stringify(shown)).toBe(JSON.stringify(samples.nps));
    expect(show(shown)).toBe(shown);
    expect(formatResult(shown)).toBe(formatResult(samples.nps));
    expect(Object.isFrozen(shown)).toBe(true);
  });

  it('returns a MIME bundle that survives JSON for every kind of result', () => {
    for (const [name, result] of Object.entries(samples)) {
      const bundle = bundleOf(result);
      const json = JSON.stringify(bundle);
      expect(JSON.parse(json), name).toEqual(bundle);
      expect(bundle['text/plain'], name).toBe(formatResult(result));
      expect(bundle['text/html'], name).toMatch(/^<div class="cx-metrics"/);
      expect(bundle[VEGA_LITE_MIME], name).toBeDefined();
    }
  });

  it('renders the chart of every bundle with vega', async () => {
    const charted = { ...samples, estimates: { a: meanInterval([1, 2, 3]), b: meanInterval([2, 3, 5]) } };
    for (const [name, result] of Object.entries(charted)) {
      const spec = bundleOf(result)[VEGA_LITE_MIME];
      if (spec === undefined) throw new Error(`${name}: no chart`);
      const r = await render(spec);
      const drawn = [...r.marks.values()].reduce((s, m) => s + m.items.length, 0);
      expect(drawn, name).toBeGreaterThan(0);
    }
  });

  it('adds no chart for a single plain Estimate or a mixed collection', () => {
    expect(Object.keys(bundleOf(meanInterval([1, 2, 3])))).toEqual(['text/plain', 'text/html']);
    expect(Object.keys(bundleOf({ a: samples.nps, b: samples.cohorts }))).toEqual(['text/plain', 'text/html']);
  });

  it('shows a chart spec as the chart alone, so HTML-first front ends draw it', () => {
    const spec = npsBreakdownChart(samples.npsByRegion);
    expect(resultKind(spec)).toBe('chart');
    expect(bundleOf(spec)).toEqual({ 'text/plain': 'Vega-Lite chart: Net Promoter Score', [VEGA_LITE_MIME]: spec });
    expect(String(show(spec))).toBe('Vega-Lite chart: Net Promoter Score');
    // Charts are not results: a record of them is shown as JSON.
    expect(resultKind({ a: spec })).toBe('unknown');
  });

  it('chartFor gives the chart show would add, or undefined', () => {
    expect(chartFor(samples.nps)).toEqual(npsBreakdownChart(samples.nps));
    expect(chartFor(show(samples.nps))).toEqual(npsBreakdownChart(samples.nps));
    expect(chartFor(samples.npsByRegion)).toEqual(npsBreakdownChart(samples.npsByRegion));
    expect(chartFor(meanInterval([1, 2, 3]))).toBeUndefined();
    expect(chartFor({ a: samples.nps, b: samples.csat })).toBeUndefined();
    expect(chartFor('hello')).toBeUndefined();
    // A result too odd to chart (an infinite NPS bound) still shows, without a chart.
    const odd = { ...samples.nps, upper: Number.POSITIVE_INFINITY };
    expect(chartFor(odd)).toBeUndefined();
    expect(Object.keys(bundleOf(odd))).toEqual(['text/plain', 'text/html']);
  });

  it('shows unknown values as JSON text only', () => {
    expect(bundleOf({ hello: '<b>' })).toEqual({ 'text/plain': '{\n  "hello": "<b>"\n}' });
  });
});

describe('the HTML view', () => {
  it('is a table with the value, the interval bar, n, method and details', () => {
    const html = bundleOf(samples.nps)['text/html'] as string;
    expect(html).toContain('<table');
    expect(html).toMatch(/<svg [^>]*width="120"/);
    const text = textOf(html);
    for (const s of ['value', 'interval', 'method', 'NPS', '30.0', '[14.1, 44.2]', '100', 'adjusted-wald 95%']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('promoters 50 (50.0%) · passives 30 (30.0%) · detractors 20 (20.0%)');
    expect(html).not.toContain('warnings'); // no warnings column when there are none
  });

  it('shows every warning with its code and message', () => {
    const html = bundleOf(samples.duration)['text/html'] as string;
    const text = textOf(html);
    for (const w of [...samples.duration.warnings, ...(samples.duration.percentiles.p90?.warnings ?? [])]) {
      expect(text).toContain(`${w.code}: ${w.message}`);
    }
  });

  it('escapes everything that comes from the data', () => {
    const evil = '<img src=x onerror="alert(1)">&';
    const result = {
      [evil]: {
        ...samples.nps,
        method: evil,
        warnings: [{ code: '<script>', message: `it's ${evil}` }],
      },
    };
    const html = bundleOf(result)['text/html'] as string;
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;');
    expect(html).toContain('it&#39;s');
    expect(textOf(html)).toContain(`<script>: it's ${evil}`);
  });

  it('draws each interval inside the bar, comparable rows on one axis', () => {
    const html = bundleOf(samples.npsByRegion)['text/html'] as string;
    const bars = [...html.matchAll(/<rect x="([\d.]+)" y="3" width="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(bars).toHaveLength(2);
    const [north, south] = bars as [[number, number], [number, number]];
    // north [14.1, 44.2] and south [−25.7, 6.3] share the axis [−25.7, 44.2]: south starts at the
    // left edge, north ends at the right edge, and they do not overlap.
    expect(south[0]).toBe(4);
    expect(north[0] + north[1]).toBeCloseTo(116, 1);
    expect(south[0] + south[1]).toBeLessThan(north[0]);
  });

  it('draws a dashed zero line on the bar of a difference', () => {
    const html = bundleOf(samples.proportionDifference)['text/html'] as string;
    expect(html).toContain('stroke-dasharray');
    expect(textOf(html)).toContain('p=0.46');
  });

  it('draws a cohort table with a shaded cell per period', () => {
    const html = bundleOf(samples.cohorts)['text/html'] as string;
    expect(html.match(/<td [^>]*background:rgba/g)).toHaveLength(7);
    expect(textOf(html)).toContain('2025-01 3 100.0% 100.0% 66.7% 33.3%');
    expect(html).toContain('title="2 of 3 active;');
  });

  it('shows a JSON entry of a record in a code element', () => {
    const html = bundleOf({ a: samples.nps, note: '<x>' })['text/html'] as string;
    expect(html).toContain('<code style="white-space:pre-wrap">&quot;&lt;x&gt;&quot;</code>');
  });

  it('draws a weighted NPS like any other', () => {
    const weighted = { ...npsFromCounts({ promoters: 5, passives: 3, detractors: 2 }), n: 8.5 };
    expect(textOf(bundleOf(weighted)['text/html'] as string)).toContain('8.5');
  });
});
