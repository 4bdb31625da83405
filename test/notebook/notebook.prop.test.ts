import { describe, expect, it } from 'vitest';
import { npsFromCounts } from '../../src/index.ts';
import {
  formatResult,
  JUPYTER_DISPLAY,
  metricOverTimeChart,
  npsBreakdownChart,
  resultKind,
  show,
} from '../../src/notebook/index.ts';
import { fc } from '../helpers/fc.ts';
import { itemsOf, render } from './render.ts';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const text = fc.string({ maxLength: 30 });
const warning = fc.record({ code: text, message: text });

/** Any Estimate-shaped object with finite numbers, its bounds in any order. */
const estimate = fc.record({
  value: finite,
  lower: finite,
  upper: finite,
  n: finite,
  confidence: finite,
  method: text,
  warnings: fc.array(warning, { maxLength: 3 }),
});

/** An Estimate with lower ≤ value ≤ upper. */
const ordered = fc.tuple(finite, finite, finite, fc.nat({ max: 10_000 }), text).map(([a, b, c, n, method]) => {
  const [lower, value, upper] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
  return { value, lower, upper, n, confidence: 0.95, method, warnings: [] };
});

const TAGS = new Set([
  'div',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
  'svg',
  'title',
  'line',
  'rect',
  'code',
]);

describe('notebook display properties', () => {
  it('formatResult never throws and prints one line for any Estimate-shaped object', () => {
    fc.assert(
      fc.property(estimate, (e) => {
        const out = formatResult(e);
        expect(resultKind(e)).toBe('estimate');
        expect(out.split('\n')).toHaveLength(1);
        expect(out).toContain(`n=`);
        expect(out).not.toContain('undefined');
      }),
    );
  });

  it('formatResult and the MIME bundle never throw for any value, and the bundle is JSON', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withTypedArray: true }), (x) => {
        expect(typeof formatResult(x)).toBe('string');
        const bundle = show(x)[JUPYTER_DISPLAY]();
        expect(typeof bundle['text/plain']).toBe('string');
        expect(() => JSON.stringify(bundle)).not.toThrow();
      }),
    );
  });

  it('the interval bar and the value tick stay inside the 120 px bar', () => {
    fc.assert(
      fc.property(fc.array(estimate, { minLength: 1, maxLength: 4 }), (list) => {
        const html = show(list)[JUPYTER_DISPLAY]()['text/html'] as string;
        const rects = [...html.matchAll(/<rect x="([^"]+)" y="[^"]+" width="([^"]+)"/g)];
        expect(rects.length).toBeGreaterThanOrEqual(list.length);
        for (const [, x, width] of rects) {
          expect(Number(x)).toBeGreaterThanOrEqual(0);
          expect(Number(width)).toBeGreaterThan(0);
          expect(Number(x) + Number(width)).toBeLessThanOrEqual(120 + 1e-9);
        }
      }),
    );
  });

  it('the value tick lies within the interval bar when lower ≤ value ≤ upper', () => {
    fc.assert(
      fc.property(ordered, (e) => {
        const html = show(e)[JUPYTER_DISPLAY]()['text/html'] as string;
        const bar = /<rect x="([^"]+)" y="3" width="([^"]+)"/.exec(html);
        const tick = /<rect x="([^"]+)" y="1" width="2"/.exec(html);
        expect(bar).not.toBeNull();
        expect(tick).not.toBeNull();
        const [lo, hi] = [Number(bar?.[1]), Number(bar?.[1]) + Number(bar?.[2])];
        const centre = Number(tick?.[1]) + 1;
        // Rounding to 0.01 px and the 1 px minimum width allow a pixel of slack.
        expect(centre).toBeGreaterThanOrEqual(lo - 1);
        expect(centre).toBeLessThanOrEqual(hi + 1);
      }),
    );
  });

  it('the HTML has only its own tags, whatever the strings in the result', () => {
    fc.assert(
      fc.property(fc.dictionary(text, estimate, { minKeys: 1, maxKeys: 3 }), (record) => {
        const html = show(record)[JUPYTER_DISPLAY]()['text/html'];
        if (html === undefined) return; // every key was '__proto__'-like and dropped: nothing shown
        for (const m of html.matchAll(/<\/?([^\s>/]*)/g)) expect(TAGS).toContain(m[1]);
      }),
    );
  });

  it('the text line shows the value as printed in the HTML table', () => {
    fc.assert(
      fc.property(ordered, (e) => {
        const line = formatResult(e);
        const html = show(e)[JUPYTER_DISPLAY]()['text/html'] as string;
        const value = /font-weight:600">([^<]*)<\/td>/.exec(html)?.[1] as string;
        expect(line).toContain(` ${value} [`);
      }),
    );
  });

  it('npsBreakdownChart shares of each group add up to 1 and match the counts', () => {
    const counts = fc
      .record({ promoters: fc.nat({ max: 500 }), passives: fc.nat({ max: 500 }), detractors: fc.nat({ max: 500 }) })
      .filter((c) => c.promoters + c.passives + c.detractors > 0);
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), counts, { minKeys: 1, maxKeys: 5 }),
        (groups) => {
          const results = Object.fromEntries(Object.entries(groups).map(([k, c]) => [k, npsFromCounts(c)]));
          const spec = npsBreakdownChart(results);
          const rows = spec.datasets.shares ?? [];
          expect(rows).toHaveLength(3 * Object.keys(results).length);
          for (const [group, c] of Object.entries(groups)) {
            const mine = rows.filter((r) => r.group === group);
            expect(mine.reduce((s, r) => s + (r.share as number), 0)).toBeCloseTo(1, 12);
            expect(mine.map((r) => r.count)).toEqual([c.detractors, c.passives, c.promoters]);
          }
        },
      ),
    );
  });

  it('metricOverTimeChart draws each band around its value, inside the plot', async () => {
    const point = fc
      .tuple(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
      )
      .map(([value, below, above]) => ({ value, lower: value - below, upper: value + above }));
    await fc.assert(
      fc.asyncProperty(fc.array(point, { minLength: 1, maxLength: 8 }), async (points) => {
        const spec = metricOverTimeChart(points.map((p, i) => ({ period: `p${i}`, ...p })));
        const r = await render(spec);
        const line = itemsOf(r, 'line');
        const band = itemsOf(r, 'band');
        expect(line).toHaveLength(points.length);
        band.forEach((b, i) => {
          const y = line[i]?.y as number;
          // SVG y grows downwards: the lower bound is drawn at or below the value, the upper above.
          expect(b.y as number).toBeGreaterThanOrEqual(y - 1e-6);
          expect(b.y2 as number).toBeLessThanOrEqual(y + 1e-6);
          for (const v of [b.y as number, b.y2 as number, y]) {
            expect(v).toBeGreaterThanOrEqual(-1e-6);
            expect(v).toBeLessThanOrEqual(220 + 1e-6);
          }
        });
      }),
      { numRuns: 25 },
    );
  });
});
