import { readFileSync } from 'node:fs';
import { readCsvTable } from '../../examples/csv.ts';
import type { CartRecord, JourneyEvent } from '../../src/index.ts';

// The bundled journey sample (examples/generate-sample-journey.ts), read as plain records: the
// CSV columns in snake_case mapped to the record fields, blank cells absent.

const read = (file: string) =>
  readCsvTable(readFileSync(new URL(`../../examples/data/${file}`, import.meta.url), 'utf8')).rows.map((r) => r.values);

/** The export time of the sample: customers and carts still inside their window then are pending. */
export const SAMPLE_JOURNEY_AS_OF = '2026-07-01T00:00:00Z';
export const SAMPLE_STAGES = ['visit', 'product-view', 'cart', 'checkout', 'purchase'] as const;

export function loadSampleEvents(): JourneyEvent[] {
  return read('journey-events.csv').map((v) => ({
    customerId: v.customer_id as string,
    stage: v.stage as string,
    at: v.at as string,
    touchpoint: v.touchpoint,
    channel: v.channel,
    device: v.device,
  }));
}

export function loadSampleCarts(): CartRecord[] {
  return read('carts.csv').map((v) => ({
    cartId: v.cart_id as string,
    createdAt: v.created_at as string,
    purchasedAt: v.purchased_at,
    device: v.device,
    channel: v.channel,
    value: v.value === '' || v.value === undefined ? null : Number(v.value),
  }));
}

const number = (x: string | undefined) => (x === undefined || x === '' ? null : Number(x));

export function loadSampleSurvey() {
  return read('touchpoint-survey.csv').map((v) => ({
    responseId: v.response_id as string,
    customerId: v.customer_id as string,
    submittedAt: v.submitted_at as string,
    device: v.device as string,
    nps: number(v.nps),
    website: number(v.website),
    checkout: number(v.checkout),
    delivery: number(v.delivery),
    support: number(v.support),
  }));
}
