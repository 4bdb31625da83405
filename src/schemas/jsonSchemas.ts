import * as z from 'zod';
import { EARLIEST_NUMERIC_MS } from '../time/timestamp.ts';
import { customerSchema } from './customerSchema.ts';
import { cartSchema, journeyEventSchema } from './journeySchema.ts';
import { scaleSchema } from './scaleSchema.ts';
import { createSurveyResponseSchema, type SurveyResponseSchemaOptions } from './surveyResponseSchema.ts';
import { ticketSchema } from './ticketSchema.ts';
import { ISO_TIMESTAMP_PATTERN } from './timestampSchema.ts';

/**
 * A JSON Schema document (draft 2020-12), as a plain JSON-able object.
 *
 * @example
 * jsonSchemas().scale.$schema // => 'https://json-schema.org/draft/2020-12/schema'
 */
export type JsonSchema = { [key: string]: unknown };

/**
 * The record types `jsonSchemas` describes, by name.
 *
 * @example
 * Object.keys(jsonSchemas()) // => ['surveyResponse', 'ticket', 'customer', 'scale', 'journeyEvent', 'cart']
 */
export interface JsonSchemas {
  surveyResponse: JsonSchema;
  ticket: JsonSchema;
  customer: JsonSchema;
  scale: JsonSchema;
  journeyEvent: JsonSchema;
  cart: JsonSchema;
}

// Timestamps are Dates after parsing, which JSON cannot hold; on the wire they are an ISO-8601
// string (the exact pattern the parser accepts) or epoch milliseconds from 2000-01-01 on (an
// earlier number is most likely epoch seconds; the parsers refuse it).
const TIMESTAMP_JSON = {
  anyOf: [
    { type: 'string', pattern: ISO_TIMESTAMP_PATTERN },
    { type: 'number', minimum: EARLIEST_NUMERIC_MS, description: 'Epoch milliseconds, from 2000-01-01 on.' },
  ],
};

function toJson(schema: z.ZodType, title: string): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    // The input side: what a file may contain, before preprocessing turns strings into Dates.
    io: 'input',
    // z.date() is the only type without a JSON form; the override below gives it one.
    unrepresentable: 'any',
    override: (ctx) => {
      const json = ctx.jsonSchema as JsonSchema;
      if (ctx.zodSchema._zod.def.type === 'date') Object.assign(json, TIMESTAMP_JSON);
      // .int() is a safe integer to zod; ±(2^53 − 1) bounds say nothing to a reader.
      if (json.type === 'integer') {
        if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
        if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
      }
    },
  }) as JsonSchema;
  const { $schema, ...rest } = tidy(json) as JsonSchema;
  return { $schema, title, ...rest };
}

/**
 * Tidy what zod emits for optional fields, so validators in other languages report the real
 * problem ("6 is greater than the maximum of 5", not "not valid under any of the given schemas"):
 * - `anyOf: [{ anyOf: [a, b] }, c]` → `anyOf: [a, b, c]` (optional timestamps nest one level);
 * - `anyOf: [{ type: 'integer', minimum, maximum }, { type: 'null' }]` →
 *   `{ type: ['integer', 'null'], minimum, maximum }` (numeric, string and array keywords ignore
 *   null; an `enum` gets null added).
 */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== 'object') return node;
  let out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) out[key] = tidy(value);
  if (Array.isArray(out.anyOf)) {
    out.anyOf = out.anyOf.flatMap((option: unknown) =>
      isObject(option) && Object.keys(option).length === 1 && Array.isArray(option.anyOf) ? option.anyOf : [option],
    );
    const [first, second, ...more] = out.anyOf as unknown[];
    if (more.length === 0 && isObject(first) && isObject(second) && isNullType(second) && isSimple(first)) {
      const { anyOf: _, ...rest } = out;
      out = { ...rest, ...first, type: [first.type, 'null'] };
      if (Array.isArray(first.enum)) out.enum = [...first.enum, null];
    }
  }
  return out;
}

function isObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isNullType(schema: JsonSchema): boolean {
  return Object.keys(schema).length === 1 && schema.type === 'null';
}

function isSimple(schema: JsonSchema): boolean {
  return (
    typeof schema.type === 'string' &&
    !['anyOf', 'oneOf', 'allOf', '$ref', 'const', 'not', 'description'].some((key) => key in schema)
  );
}

/**
 * JSON Schemas (draft 2020-12) of the records the schemas parse, generated from the zod schemas
 * with `z.toJSONSchema(schema, { io: 'input' })`, for validating files from other languages
 * (Python's `jsonschema`, Ajv, …) before they reach cx-metrics, or for generating types from them.
 *
 * They describe the canonical JSON form, stricter than the parsers: scores, counts, weights and
 * MRR as JSON numbers (the parsers also take numeric strings), missing values as null or absent
 * (the parsers also take blank strings), times as ISO-8601 strings or epoch milliseconds. What JSON
 * Schema cannot say is checked by the parsers only: calendar validity (2026-02-31), the order of
 * times (`resolvedAt` ≥ `createdAt`, `endedAt` ≥ `startedAt`, `purchasedAt` ≥ `createdAt`) and `reopens` ≥ 1 on a ticket with a
 * `reopenedAt`. Extra keys are allowed (the parsers drop them). The files in docs/schemas/ are these, with the default options.
 *
 * @param options - survey options (`journeyStages`, `csatScale`, `cesScale`) reflected in
 *   `surveyResponse`, as for `createSurveyResponseSchema`
 * @returns `{ surveyResponse, ticket, customer, scale, journeyEvent, cart }`, each a fresh JSON-able object
 * @throws CxMetricsError INVALID_OPTION for bad survey options
 * @example
 * const { surveyResponse, ticket } = jsonSchemas({ csatScale: { min: 1, max: 7 } })
 * surveyResponse.oneOf.map((o) => o.properties.type.const) // => ['nps', 'csat', 'ces']
 * surveyResponse.oneOf[1].properties.score.maximum // => 7
 * surveyResponse.oneOf[1].properties.score.type // => ['integer', 'null']
 * ticket.required // => ['id', 'createdAt']
 */
export function jsonSchemas<const Stage extends string>(options?: SurveyResponseSchemaOptions<Stage>): JsonSchemas {
  return {
    surveyResponse: toJson(createSurveyResponseSchema(options), 'cx-metrics survey response'),
    ticket: toJson(ticketSchema, 'cx-metrics ticket'),
    customer: toJson(customerSchema, 'cx-metrics customer'),
    scale: toJson(scaleSchema, 'cx-metrics answer scale'),
    journeyEvent: toJson(journeyEventSchema, 'cx-metrics journey event'),
    cart: toJson(cartSchema, 'cx-metrics cart'),
  };
}
