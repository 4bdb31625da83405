// Generators of raw rows (the many forms a CSV cell or a JSON value may take) and a CSV-like
// serializer, shared by the schema property tests. Not a test file (no .test.ts suffix).
import { JOURNEY_STAGES, type Scale, SURVEY_SCALES } from '../../src/schemas/index.ts';
import { fc } from '../helpers/fc.ts';

/** Marker for "leave the key out of the record". */
export const ABSENT = Symbol('absent');

/** Build a record, dropping keys whose value is ABSENT. */
export function record(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== ABSENT));
}

/** Every way a cell can say "no value": a missing key, undefined, null, '' or only whitespace. */
export const missing = fc.oneof(
  fc.constant(ABSENT),
  fc.constant(undefined),
  fc.constant(null),
  fc.stringMatching(/^[ \t\r\n]*$/),
);

/** Years 0000–9999 are the range the timestamp schema accepts (ISO strings have 4-digit years). */
const EARLIEST = new Date('0000-01-01T00:00:00.000Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

/** An instant as epoch ms, within the 4-digit-year range. */
export const instant = fc.integer({ min: EARLIEST, max: LATEST });

/** An instant in the range data actually spans, for ordered pairs of times. */
export const recentInstant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * The same instant written in every accepted way: a Date, epoch ms (from 2000 on), toISOString(),
 * a date-time with no offset (UTC), with 'T' or a space, and with an explicit ±HH:MM offset.
 */
export function timestampForms(ms: number) {
  return fc.oneof(
    fc.constant(new Date(ms)),
    // Epoch ms only from 2000 on: an earlier number is refused (it looks like epoch seconds).
    fc.constant(ms >= Date.UTC(2000, 0, 1) ? ms : new Date(ms)),
    fc.constant(new Date(ms).toISOString()),
    fc.constant(new Date(ms).toISOString().slice(0, 23)),
    fc.constant(new Date(ms).toISOString().slice(0, 23).replace('T', ' ')),
    fc.integer({ min: -14 * 4, max: 14 * 4 }).map((quarters) => {
      const minutes = quarters * 15;
      const shifted = ms + minutes * 60_000;
      if (shifted < EARLIEST || shifted > LATEST) return new Date(ms).toISOString();
      const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 23);
      const sign = minutes < 0 ? '-' : '+';
      return `${local}${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
    }),
  );
}

/** Any accepted form of any instant in the 4-digit-year range. */
export const timestamp = instant.chain((ms) => timestampForms(ms));

/** Non-blank text, written as is. */
export const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');

/** An optional text cell: missing in any way, or non-blank text, or (for ids) a whole number. */
export const optionalText = fc.oneof(missing, text, fc.nat({ max: 99_999 }));

/** A journey stage as a person might type it: any case, padded. */
export const journeyStage = fc
  .tuple(fc.constantFrom(...JOURNEY_STAGES), fc.boolean(), fc.constantFrom('', ' ', '  '))
  .map(([stage, upper, padding]) => `${padding}${upper ? stage.toUpperCase() : stage}${padding}`);

const tag = fc.stringMatching(/^[a-z0-9-]{1,8}$/);

/** Segment tags as a list or as one 'a; b' cell. */
export const segment = fc.oneof(
  fc.array(tag, { minLength: 1, maxLength: 4 }),
  fc.array(tag, { minLength: 1, maxLength: 4 }).map((tags) => tags.join('; ')),
);

/** A finite number ≥ 0 as a number or a numeric string. */
export const nonNegative = fc
  .double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true })
  .chain((x) => fc.constantFrom<unknown>(x, String(x), ` ${x} `));

/** A score on `scale` as a number or a (padded) numeric string. */
export function scoreOn(scale: Pick<Scale, 'min' | 'max'>) {
  return fc
    .integer({ min: scale.min, max: scale.max })
    .chain((score) => fc.constantFrom<unknown>(score, String(score), ` ${score}`, `${score}.0`));
}

/** A custom scale for CSAT or CES. */
export const customScale = fc
  .tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 12 }))
  .map(([min, span]) => ({ min, max: min + span }));

export interface Scales {
  nps: Pick<Scale, 'min' | 'max'>;
  csat: Pick<Scale, 'min' | 'max'>;
  ces: Pick<Scale, 'min' | 'max'>;
}

export const DEFAULT_SCALES: Scales = { nps: SURVEY_SCALES.nps, csat: SURVEY_SCALES.csat, ces: SURVEY_SCALES.ces };

/** A valid raw survey response (CSV-ish or JSON-ish), for the given scales. */
export function rawResponse(scales: Scales = DEFAULT_SCALES) {
  return fc.constantFrom('nps', 'csat', 'ces').chain((type) =>
    fc
      .record({
        id: optionalText,
        respondentId: optionalText,
        submittedAt: timestamp,
        channel: optionalText,
        touchpoint: optionalText,
        journeyStage: fc.oneof(missing, journeyStage),
        segment: fc.oneof(missing, segment),
        weight: fc.oneof(missing, nonNegative),
        comment: fc.oneof(missing, text),
        score: fc.oneof(missing, scoreOn(scales[type as keyof Scales])),
      })
      .map((fields) => record({ type, ...fields })),
  );
}

/** A valid raw ticket, its times in order. */
export const rawTicket = fc
  .record({
    id: fc.oneof(text, fc.nat()),
    customerId: optionalText,
    createdAt: recentInstant,
    firstResponseAfter: fc.option(fc.nat({ max: 30 * 86_400_000 }), { nil: undefined }),
    resolvedAfter: fc.option(fc.nat({ max: 60 * 86_400_000 }), { nil: undefined }),
    reopenedAfter: fc.option(fc.nat({ max: 90 * 86_400_000 }), { nil: undefined }),
    agentReplies: fc.oneof(
      missing,
      fc.nat({ max: 50 }).chain((n) => fc.constantFrom<unknown>(n, String(n))),
    ),
    customerContacts: fc.oneof(
      missing,
      fc.nat({ max: 10 }).chain((n) => fc.constantFrom<unknown>(n, String(n))),
    ),
    channel: optionalText,
    firstContactResolved: fc.oneof(
      missing,
      fc.constantFrom<unknown>(true, false, 'true', 'FALSE', 'yes', 'No', 'y', 'n', '1', '0', 1, 0),
    ),
  })
  .chain(({ createdAt, firstResponseAfter, resolvedAfter, reopenedAfter, ...rest }) => {
    const later = (after: number | undefined) => (after === undefined ? missing : timestampForms(createdAt + after));
    // A ticket with a reopenedAt was reopened at least once.
    const reopens = fc.oneof(
      missing,
      fc.nat({ max: 5 }).chain((n) => {
        const count = reopenedAfter === undefined ? n : n + 1;
        return fc.constantFrom<unknown>(count, String(count));
      }),
    );
    return fc
      .record({
        createdAt: timestampForms(createdAt),
        firstResponseAt: later(firstResponseAfter),
        resolvedAt: later(resolvedAfter),
        reopenedAt: later(reopenedAfter),
        reopens,
      })
      .map((times) => record({ ...rest, ...times }));
  });

/** A valid raw customer, ended (or not) after it started. */
export const rawCustomer = fc
  .record({
    id: fc.oneof(text, fc.nat()),
    startedAt: recentInstant,
    tenure: fc.option(fc.nat({ max: 5 * 365 * 86_400_000 }), { nil: undefined }),
    plan: optionalText,
    mrr: fc.oneof(missing, nonNegative),
  })
  .chain(({ startedAt, tenure, ...rest }) =>
    fc
      .record({
        startedAt: timestampForms(startedAt),
        endedAt: tenure === undefined ? missing : timestampForms(startedAt + tenure),
      })
      .map((times) => record({ ...rest, ...times })),
  );

/**
 * A parsed record back to CSV-like cells: undefined → '', Date → ISO-8601, tags → 'a;b', numbers
 * and booleans → their text. What a user writes when saving cleaned data to a CSV file.
 */
export function serialize(parsed: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, toCell(value)]));
}

function toCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}

/**
 * A parsed record to canonical JSON, the form the JSON Schemas describe: Dates → ISO strings,
 * undefined → null (as pandas' to_json writes a missing value).
 */
export function toCanonicalJson(parsed: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(parsed, (_key, value) => (value === undefined ? null : value)));
}

/** A valid raw journey event. */
export const rawJourneyEvent = fc
  .record({
    customerId: fc.oneof(text, fc.nat()),
    stage: fc.oneof(text, fc.constantFrom('visit', 'cart', 'purchase')),
    at: timestamp,
    touchpoint: optionalText,
    channel: optionalText,
    device: optionalText,
  })
  .map((entries) => record(entries));

/** A valid raw cart, bought (or not) at or after it was created. */
export const rawCart = fc
  .record({
    cartId: fc.oneof(text, fc.nat()),
    createdAt: recentInstant,
    wait: fc.option(fc.nat({ max: 30 * 86_400_000 }), { nil: undefined }),
    device: optionalText,
    channel: optionalText,
    value: fc.oneof(missing, nonNegative),
  })
  .chain(({ createdAt, wait, ...rest }) =>
    fc
      .record({
        createdAt: timestampForms(createdAt),
        purchasedAt: wait === undefined ? missing : timestampForms(createdAt + wait),
      })
      .map((times) => record({ ...rest, ...times })),
  );
