import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SCHEMA_FILES, schemaFileContents } from '../../scripts/generate-json-schemas.ts';
import {
  ISO_TIMESTAMP_PATTERN,
  JOURNEY_STAGES,
  type JsonSchema,
  jsonSchemas,
  SURVEY_SCALES,
  timestampSchema,
} from '../../src/schemas/index.ts';

const root = path.join(import.meta.dirname, '..', '..');
// Walking generated JSON Schemas by hand: a loose type reads better than a cast per step.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Loose = any;
const validator = (schema: JsonSchema) => z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);

describe('docs/schemas/*.schema.json', () => {
  it.each(Object.entries(SCHEMA_FILES))(
    '%s is up to date with the zod schemas (else run: npx tsx scripts/generate-json-schemas.ts)',
    (name, file) => {
      const committed = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
      expect(committed).toEqual(jsonSchemas()[name as keyof typeof SCHEMA_FILES]);
    },
  );

  it('the script writes exactly the committed text', () => {
    for (const [file, text] of Object.entries(schemaFileContents())) {
      expect(readFileSync(path.join(root, file), 'utf8'), file).toBe(text);
    }
  });
});

describe('jsonSchemas', () => {
  it('gives draft 2020-12 schemas with a title for every record type', () => {
    const schemas = jsonSchemas();
    expect(Object.keys(schemas)).toEqual(['surveyResponse', 'ticket', 'customer', 'scale', 'journeyEvent', 'cart']);
    for (const schema of Object.values(schemas)) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.title).toMatch(/^cx-metrics /);
    }
  });

  it('states the required fields of journey events and carts', () => {
    const { journeyEvent, cart } = jsonSchemas();
    expect(journeyEvent.required).toEqual(['customerId', 'stage', 'at']);
    expect(cart.required).toEqual(['cartId', 'createdAt']);
    expect((cart.properties as Record<string, Loose>).value).toMatchObject({ type: ['number', 'null'], minimum: 0 });
  });

  it('states each score range, the required fields and the journey stages', () => {
    const { surveyResponse, ticket, customer } = jsonSchemas();
    const options = surveyResponse.oneOf as { properties: Record<string, Loose>; required: string[] }[];
    expect(options.map((o) => [o.properties.type.const, o.properties.score])).toEqual([
      ['nps', expect.objectContaining({ type: ['integer', 'null'], minimum: 0, maximum: 10 })],
      ['csat', expect.objectContaining({ type: ['integer', 'null'], minimum: 1, maximum: 5 })],
      ['ces', expect.objectContaining({ type: ['integer', 'null'], minimum: 1, maximum: 7 })],
    ]);
    for (const o of options) {
      expect(o.required).toEqual(['type', 'submittedAt']);
      expect(o.properties.journeyStage.enum).toEqual([...JOURNEY_STAGES, null]);
    }
    expect(ticket.required).toEqual(['id', 'createdAt']);
    expect(customer.required).toEqual(['id', 'startedAt']);
  });

  it('reflects custom options', () => {
    const { surveyResponse } = jsonSchemas({ cesScale: SURVEY_SCALES.cesLegacy, journeyStages: ['pilot', 'live'] });
    const ces = (surveyResponse.oneOf as { properties: Record<string, Loose> }[])[2];
    expect(ces?.properties.score).toMatchObject({ type: ['integer', 'null'], minimum: 1, maximum: 5 });
    expect(ces?.properties.score.description).toContain('lower means less effort');
    expect(ces?.properties.journeyStage.enum).toEqual(['pilot', 'live', null]);
  });

  it('returns fresh objects each call', () => {
    const a = jsonSchemas();
    (a.ticket as { title: string }).title = 'changed';
    expect(jsonSchemas().ticket.title).toBe('cx-metrics ticket');
  });

  it('describes timestamps by the same pattern the parser uses', () => {
    const pattern = new RegExp(ISO_TIMESTAMP_PATTERN);
    for (const text of [
      '2026-05-01',
      '2026-05-01T10:30',
      '2026-05-01 10:30:00.5',
      '2026-05-01T10:30:00+0200',
      '2026-05-01t10:30z',
    ]) {
      expect(pattern.test(text), text).toBe(true);
      expect(timestampSchema.safeParse(text).success, text).toBe(true);
    }
    for (const text of ['05/01/2026', '2026-5-1', '20260501', '2026-05-01T10', 'May 1, 2026']) {
      expect(pattern.test(text), text).toBe(false);
      expect(timestampSchema.safeParse(text).success, text).toBe(false);
    }
  });

  it('validates canonical JSON records and rejects off-scale scores, unknown types and bad times', () => {
    const { surveyResponse, ticket, customer, scale } = jsonSchemas();
    const response = validator(surveyResponse);
    expect(
      response.safeParse({ type: 'csat', submittedAt: '2026-05-01T10:30:00Z', score: 5, segment: ['smb'] }).success,
    ).toBe(true);
    expect(response.safeParse({ type: 'csat', submittedAt: 1777631400000, score: null, weight: null }).success).toBe(
      true,
    );
    expect(response.safeParse({ type: 'csat', submittedAt: '2026-05-01', score: 6 }).success).toBe(false);
    expect(response.safeParse({ type: 'survey', submittedAt: '2026-05-01' }).success).toBe(false);
    expect(response.safeParse({ type: 'nps', submittedAt: '05/01/2026' }).success).toBe(false);
    expect(validator(ticket).safeParse({ id: 'T-1', createdAt: '2026-05-01', agentReplies: 2 }).success).toBe(true);
    expect(validator(ticket).safeParse({ id: 'T-1', createdAt: '2026-05-01', agentReplies: -2 }).success).toBe(false);
    expect(validator(ticket).safeParse({ id: 'T-1', createdAt: '2026-05-01', reopens: 2 }).success).toBe(true);
    expect(validator(ticket).safeParse({ id: 'T-1', createdAt: '2026-05-01', reopens: 1.5 }).success).toBe(false);
    expect(validator(customer).safeParse({ id: 'c', startedAt: '2026-05-01', mrr: -1 }).success).toBe(false);
    expect(validator(scale).safeParse(SURVEY_SCALES.csat).success).toBe(true);
  });
});
