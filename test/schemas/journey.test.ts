import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../examples/csv.ts';
import { cartAbandonment, funnel } from '../../src/index.ts';
import {
  CxMetricsError,
  cartSchema,
  journeyEventSchema,
  parseCarts,
  parseCartsOrThrow,
  parseJourneyEvents,
  parseJourneyEventsOrThrow,
} from '../../src/schemas/index.ts';
import { loadSampleCarts, loadSampleEvents, SAMPLE_JOURNEY_AS_OF, SAMPLE_STAGES } from '../journey/sampleJourney.ts';

const csvRows = (file: string) =>
  readCsvTable(readFileSync(new URL(`../../examples/data/${file}`, import.meta.url), 'utf8')).rows.map((r) => r.values);

describe('journeyEventSchema / parseJourneyEvents', () => {
  it('parses a row: ids to text, at to a Date, blank optional fields to undefined', () => {
    expect(
      journeyEventSchema.parse({
        customerId: 42,
        stage: 'cart',
        at: '2026-04-01 06:33',
        touchpoint: 'cart page',
        device: ' ',
      }),
    ).toEqual({
      customerId: '42',
      stage: 'cart',
      at: new Date('2026-04-01T06:33:00Z'),
      touchpoint: 'cart page',
      channel: undefined,
      device: undefined,
    });
  });

  it('reports every problem of every bad row with its index and path', () => {
    const { data, errors } = parseJourneyEvents([
      { customerId: 'U1', stage: 'visit', at: '2026-04-01T06:19Z' },
      { customerId: '', stage: 'visit', at: '2026-02-31' },
      { customerId: 'U2', stage: 'cart', at: '2026-04-01', channel: ['web'] },
    ]);
    expect(data).toHaveLength(1);
    expect(errors.map((e) => [e.index, e.path])).toEqual([
      [1, ['customerId']],
      [1, ['at']],
      [2, ['channel']],
    ]);
    expect(errors[0]?.message).toBe('required: expected a non-blank id');
  });

  it('reads other column names through columns, and epoch seconds with timestampUnit', () => {
    const rows = [{ user: 'U1', step: 'visit', ts: '1777626000' }];
    const out = parseJourneyEventsOrThrow(rows, {
      columns: { customerId: 'user', stage: 'step', at: 'ts' },
      timestampUnit: 's',
    });
    expect(out).toEqual([{ customerId: 'U1', stage: 'visit', at: new Date('2026-05-01T09:00:00Z') }]);
  });

  it('throws one INVALID_VALUE listing the bad rows, and INVALID_OPTION for a bad columns key', () => {
    try {
      parseJourneyEventsOrThrow([{ customerId: 'U1', stage: 'visit', at: 'soon' }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CxMetricsError);
      expect((e as CxMetricsError).code).toBe('INVALID_VALUE');
      expect((e as CxMetricsError).index).toBe(0);
    }
    expect(() => parseJourneyEvents([], { columns: { customer: 'x' } as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => parseJourneyEvents([], { unit: 's' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});

describe('cartSchema / parseCarts', () => {
  it('parses a row: a blank purchasedAt is a cart not bought, value to a number', () => {
    expect(
      cartSchema.parse({ cartId: 'K-1', createdAt: '2026-04-01T06:33Z', purchasedAt: '', value: '40.80' }),
    ).toEqual({
      cartId: 'K-1',
      createdAt: new Date('2026-04-01T06:33:00Z'),
      purchasedAt: undefined,
      device: undefined,
      channel: undefined,
      value: 40.8,
    });
  });

  it('reports purchasedAt before createdAt on [purchasedAt], and a negative value on [value]', () => {
    const { data, errors } = parseCarts([
      { cartId: 'K-1', createdAt: '2026-04-02T10:00Z', purchasedAt: '2026-04-02T10:00Z' },
      { cartId: 'K-2', createdAt: '2026-04-02T10:00Z', purchasedAt: '2026-04-01T10:00Z', value: '-3' },
      { createdAt: '2026-04-02' },
    ]);
    expect(data.map((c) => c.cartId)).toEqual(['K-1']);
    expect(errors.map((e) => [e.index, e.path])).toEqual([
      [1, ['value']],
      [1, ['purchasedAt']],
      [2, ['cartId']],
    ]);
    expect(errors[1]?.message).toBe(
      'purchasedAt (2026-04-01T10:00:00.000Z) is before createdAt (2026-04-02T10:00:00.000Z); expected a time at or after createdAt',
    );
  });

  it('reads zone-less times in options.timeZone', () => {
    const [c] = parseCartsOrThrow([{ id: 'K-1', created: '2026-05-01 11:00' }], {
      columns: { cartId: 'id', createdAt: 'created' },
      timeZone: 'Europe/Warsaw',
    });
    expect(c?.createdAt.toISOString()).toBe('2026-05-01T09:00:00.000Z');
  });

  it('keeps every valid cart and rejects exactly those bought before they were created (seeded)', () => {
    const base = Date.UTC(2026, 3, 1);
    const row = fc.record({
      cartId: fc.stringMatching(/^[A-Z]-\d{1,4}$/),
      created: fc.integer({ min: 0, max: 1e9 }),
      delta: fc.option(fc.integer({ min: -1e8, max: 1e8 }), { nil: undefined }),
      value: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (spec) => {
        const rows = spec.map((s) => ({
          cartId: s.cartId,
          createdAt: new Date(base + s.created).toISOString(),
          purchasedAt: s.delta === undefined ? '' : new Date(base + s.created + s.delta).toISOString(),
          value: s.value === undefined ? '' : String(s.value),
        }));
        const { data, errors } = parseCarts(rows);
        const bad = spec.flatMap((s, i) => (s.delta !== undefined && s.delta < 0 ? [i] : []));
        expect(errors.map((e) => e.index)).toEqual(bad);
        expect(errors.every((e) => e.path.join() === 'purchasedAt')).toBe(true);
        expect(data.length).toBe(spec.length - bad.length);
        for (const c of data) {
          const s = spec.find((x) => x.cartId === c.cartId && base + x.created === c.createdAt.getTime());
          expect(c.value).toBe(s?.value);
        }
      }),
      { seed: 1212, numRuns: 100 },
    );
  });
});

describe('the parsed sample data feeds funnel and cartAbandonment directly', () => {
  it('funnel over parseJourneyEvents(journey-events.csv) equals funnel over the hand-mapped records', () => {
    const { data, errors } = parseJourneyEvents(csvRows('journey-events.csv'), {
      columns: { customerId: 'customer_id' },
    });
    expect(errors).toEqual([]);
    const options = { stages: SAMPLE_STAGES, asOf: SAMPLE_JOURNEY_AS_OF, within: { days: 7 } };
    expect(funnel(data, options)).toEqual(funnel(loadSampleEvents(), options));
  });

  it('says which columns to map when carts.csv is read without columns, once per field (index -1)', () => {
    const { data, errors } = parseCarts(csvRows('carts.csv'));
    expect(data).toEqual([]);
    expect(errors.filter((e) => e.index === -1)).toEqual([
      {
        index: -1,
        path: ['cartId'],
        message: "no row has `cartId`; the rows have `cart_id` — pass columns: { cartId: 'cart_id' }",
      },
      {
        index: -1,
        path: ['createdAt'],
        message: "no row has `createdAt`; the rows have `created_at` — pass columns: { createdAt: 'created_at' }",
      },
    ]);
  });

  it('cartAbandonment over parseCarts(carts.csv) equals cartAbandonment over the hand-mapped records', () => {
    const { data, errors } = parseCarts(csvRows('carts.csv'), {
      columns: { cartId: 'cart_id', createdAt: 'created_at', purchasedAt: 'purchased_at' },
    });
    expect(errors).toEqual([]);
    const options = { asOf: SAMPLE_JOURNEY_AS_OF, window: { days: 1 }, by: 'device' };
    const r = cartAbandonment(data, options);
    expect(r).toEqual(cartAbandonment(loadSampleCarts(), options));
    expect(r.carts).toBe(data.length);
  });
});
