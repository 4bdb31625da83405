import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  createSurveyResponseSchema,
  customerSchema,
  jsonSchemas,
  parseCustomers,
  parseResponses,
  parseTickets,
  SURVEY_SCALES,
  surveyResponseSchema,
  ticketSchema,
} from '../../src/schemas/index.ts';
import { fc } from '../helpers/fc.ts';
import {
  customScale,
  DEFAULT_SCALES,
  instant,
  rawCustomer,
  rawResponse,
  rawTicket,
  recentInstant,
  type Scales,
  serialize,
  timestampForms,
  toCanonicalJson,
} from './arbitraries.ts';

const blank = fc.stringMatching(/^[ \t\r\n]*$/);

describe('survey responses (properties)', () => {
  it('every generated valid response passes, in every accepted cell form', () => {
    fc.assert(
      fc.property(fc.array(rawResponse(), { maxLength: 8 }), (rows) => {
        const { data, errors } = parseResponses(rows);
        expect(errors).toEqual([]);
        expect(data).toHaveLength(rows.length);
      }),
    );
  });

  it('every valid response passes under custom CSAT and CES scales', () => {
    fc.assert(
      fc.property(
        customScale,
        customScale,
        fc.constantFrom('higher-is-easier', 'lower-is-easier'),
        (csat, ces, direction) => {
          const scales: Scales = { nps: SURVEY_SCALES.nps, csat, ces };
          const schema = createSurveyResponseSchema({ csatScale: csat, cesScale: { ...ces, direction } });
          fc.assert(
            fc.property(rawResponse(scales), (row) => {
              expect(schema.safeParse(row).error?.issues).toBeUndefined();
            }),
            { numRuns: 20 },
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it("a response moved out of its scale fails on ['score'] with a message naming the range", () => {
    fc.assert(
      fc.property(
        rawResponse(),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        fc.boolean(),
        (row, distance, below, asText) => {
          const scale = DEFAULT_SCALES[row.type as keyof Scales];
          const score = below ? scale.min - distance : scale.max + distance;
          const result = surveyResponseSchema.safeParse({ ...row, score: asText ? String(score) : score });
          expect(result.success).toBe(false);
          expect(result.error?.issues.map((issue) => issue.path)).toEqual([['score']]);
          expect(result.error?.issues[0]?.message).toContain(`from ${scale.min} to ${scale.max}`);
        },
      ),
    );
  });

  it('a score between two scale points fails on the score', () => {
    fc.assert(
      fc.property(rawResponse(), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (row, fraction) => {
        const scale = DEFAULT_SCALES[row.type as keyof Scales];
        const result = surveyResponseSchema.safeParse({ ...row, score: scale.min + fraction });
        expect(result.error?.issues.map((issue) => issue.path)).toEqual([['score']]);
      }),
    );
  });

  it('parse(serialize(parse(x))) equals parse(x): the parsed form survives a CSV round trip', () => {
    fc.assert(
      fc.property(rawResponse(), (row) => {
        const once = surveyResponseSchema.parse(row);
        const cells = serialize(once);
        for (const cell of Object.values(cells)) expect(typeof cell).toBe('string');
        expect(surveyResponseSchema.parse(cells)).toEqual(once);
      }),
    );
  });

  it('a blank or whitespace-only score or weight cell is a skipped answer, never 0', () => {
    fc.assert(
      fc.property(rawResponse(), blank, blank, (row, scoreCell, weightCell) => {
        const parsed = surveyResponseSchema.parse({ ...row, score: scoreCell, weight: weightCell });
        expect(parsed.score).toBeUndefined();
        expect(parsed.weight).toBeUndefined();
      }),
    );
  });

  it('the canonical JSON form of every parsed response is valid under the generated JSON Schema', () => {
    const validator = z.fromJSONSchema(jsonSchemas().surveyResponse as Parameters<typeof z.fromJSONSchema>[0]);
    fc.assert(
      fc.property(rawResponse(), (row) => {
        const json = toCanonicalJson(surveyResponseSchema.parse(row));
        expect(validator.safeParse(json).error?.issues).toBeUndefined();
        // …and what the JSON Schema accepts, the parser accepts to the same record.
        expect(surveyResponseSchema.parse(json)).toEqual(surveyResponseSchema.parse(row));
      }),
      { numRuns: 100 },
    );
  });

  it('the generated JSON Schema rejects a score off the scale too', () => {
    const validator = z.fromJSONSchema(jsonSchemas().surveyResponse as Parameters<typeof z.fromJSONSchema>[0]);
    fc.assert(
      fc.property(rawResponse(), fc.integer({ min: 1, max: 100 }), (row, distance) => {
        const json = toCanonicalJson(surveyResponseSchema.parse(row)) as Record<string, unknown>;
        const scale = DEFAULT_SCALES[row.type as keyof Scales];
        expect(validator.safeParse({ ...json, score: scale.max + distance }).success).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('tickets and customers (properties)', () => {
  it('every generated valid ticket and customer passes', () => {
    fc.assert(
      fc.property(
        fc.array(rawTicket, { maxLength: 5 }),
        fc.array(rawCustomer, { maxLength: 5 }),
        (tickets, customers) => {
          expect(parseTickets(tickets).errors).toEqual([]);
          expect(parseCustomers(customers).errors).toEqual([]);
        },
      ),
    );
  });

  it("a ticket resolved before it was created fails on ['resolvedAt'] only", () => {
    fc.assert(
      fc.property(rawTicket, recentInstant, fc.integer({ min: 1, max: 86_400_000 * 365 }), (row, created, gap) => {
        const bad = { ...row, createdAt: created, resolvedAt: created - gap, firstResponseAt: '', reopenedAt: '' };
        const result = ticketSchema.safeParse(bad);
        expect(result.error?.issues.map((issue) => issue.path)).toEqual([['resolvedAt']]);
      }),
    );
  });

  it("a subscription that ended before it started fails on ['endedAt'] only", () => {
    fc.assert(
      fc.property(rawCustomer, recentInstant, fc.integer({ min: 1, max: 86_400_000 * 365 }), (row, started, gap) => {
        const result = customerSchema.safeParse({
          ...row,
          startedAt: new Date(started).toISOString(),
          endedAt: started - gap,
        });
        expect(result.error?.issues.map((issue) => issue.path)).toEqual([['endedAt']]);
      }),
    );
  });

  it('parse(serialize(parse(x))) equals parse(x) for tickets and customers', () => {
    fc.assert(
      fc.property(rawTicket, rawCustomer, (ticket, customer) => {
        const t = ticketSchema.parse(ticket);
        expect(ticketSchema.parse(serialize(t))).toEqual(t);
        const c = customerSchema.parse(customer);
        expect(customerSchema.parse(serialize(c))).toEqual(c);
      }),
    );
  });

  it('blank count, flag, time and MRR cells never become 0, false or the epoch', () => {
    fc.assert(
      fc.property(rawTicket, rawCustomer, blank, (ticket, customer, cell) => {
        const t = ticketSchema.parse({
          ...ticket,
          agentReplies: cell,
          reopens: cell,
          customerContacts: cell,
          firstContactResolved: cell,
          resolvedAt: cell,
        });
        expect([t.agentReplies, t.reopens, t.customerContacts, t.firstContactResolved, t.resolvedAt]).toEqual([
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
        const c = customerSchema.parse({ ...customer, mrr: cell, endedAt: cell });
        expect([c.mrr, c.endedAt]).toEqual([undefined, undefined]);
      }),
    );
  });

  it('every accepted way of writing an instant parses to that instant', () => {
    fc.assert(
      fc.property(
        instant.chain((ms) => fc.tuple(fc.constant(ms), timestampForms(ms))),
        ([ms, form]) => {
          expect(customerSchema.parse({ id: 'x', startedAt: form }).startedAt.getTime()).toBe(ms);
        },
      ),
    );
  });
});
