// Building blocks shared by the record schemas: how one CSV cell or JSON value becomes a field.
// Internal to 'cx-metrics/schemas' (not re-exported).
//
// The rules, in one place so every schema reads cells the same way:
// - A blank or whitespace-only string is a missing value (undefined), never 0 and never ''.
//   `z.coerce.number()` would turn '' into 0 and invent a detractor, so it is never used here.
// - null (JSON, pandas' to_json) is a missing value too, for every optional field.
// - Numeric strings must look like decimal numbers ('7', ' 4.5 ', '1e3'); '0x10', '4,5' or
//   'Infinity' are left as strings so the schema rejects them with a message, instead of being read
//   as 16, NaN or Infinity.
import * as z from 'zod';
import { describe } from '../stats/validate.ts';

/** True for a string that is empty or only whitespace. */
export function isBlank(value: unknown): boolean {
  return typeof value === 'string' && value.trim() === '';
}

const ZERO = 48;
const NINE = 57;
const isDigit = (code: number) => code >= ZERO && code <= NINE;

/**
 * True when `text` is a decimal number as written in a CSV: an optional sign, digits with an
 * optional '.' and fraction (or a '.' and a fraction), then an optional exponent — the language
 * of `/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/` (ASCII digits only).
 *
 * Why a scanner and not that regex: `\d+\.?\d*` can split a run of digits between its two
 * quantifiers in n ways, so a backtracking engine tries O(n²) splits before rejecting a long run
 * of digits followed by a letter (1 MiB of them took minutes). One pass, each character looked at
 * once, rejects it in O(n).
 */
export function isDecimal(text: string): boolean {
  const end = text.length;
  let i = 0;
  let code = text.charCodeAt(i);
  if (code === 43 || code === 45) code = text.charCodeAt(++i); // '+' or '-'
  let digits = 0;
  while (isDigit(code)) {
    digits++;
    code = text.charCodeAt(++i);
  }
  if (code === 46) {
    // '.': digits may follow; '.' alone or '+.' is not a number
    code = text.charCodeAt(++i);
    while (isDigit(code)) {
      digits++;
      code = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (code === 101 || code === 69) {
    // 'e' or 'E', an optional sign, then at least one digit
    code = text.charCodeAt(++i);
    if (code === 43 || code === 45) code = text.charCodeAt(++i);
    if (!isDigit(code)) return false;
    while (isDigit(code)) code = text.charCodeAt(++i);
  }
  return i === end;
}

/**
 * A cell to a number: blank → undefined, a decimal string → its number, anything else unchanged
 * (for the schema to accept or reject). −0 becomes 0 so that a round trip through text is exact.
 */
export function cellToNumber(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    if (!isDecimal(trimmed)) return value;
    const n = Number(trimmed);
    return n === 0 ? 0 : n;
  }
  return value === 0 ? 0 : value;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** A cell to a boolean: true/false, yes/no, y/n, 1/0 (any case); anything else unchanged. */
export function cellToBoolean(value: unknown): unknown {
  if (value === 1) return true;
  if (value === 0) return false;
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return value;
}

/** A finite number that is not an id is still a fine id or label: 1042 → '1042'. */
export function cellToText(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
}

/** `; got <value>` for messages, in the library's usual wording. */
export function got(value: unknown): string {
  if (value instanceof Date) return '; got an invalid Date';
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return '; got an object';
  return `; got ${describe(value)}`;
}

/**
 * An optional field read from a cell: blank strings, null and undefined are all missing and come
 * out as `undefined`; anything else is `prepare`d and then checked by `inner`.
 *
 * Shape, and why: `preprocess(blank → undefined, inner.nullish())` keeps null acceptable for the
 * JSON Schema (generated from the input side), the trailing transform makes the output
 * `T | undefined` without null, and the outer `.optional()` keeps the key optional in the
 * inferred type (a transform alone would make it a required key holding undefined).
 */
export function optionalCell<T extends z.ZodType>(inner: T, prepare: (value: unknown) => unknown = (v) => v) {
  return z
    .preprocess((value) => (value === null ? null : isBlank(value) ? undefined : prepare(value)), inner.nullish())
    .transform((value) => value ?? undefined)
    .optional();
}

/** Optional free text (ids, channel, comment): kept as written; blank → undefined. */
export function optionalText(description: string) {
  return optionalCell(z.string({ error: (issue) => `expected text${got(issue.input)}` }), cellToText).describe(
    description,
  );
}

/** A required, non-blank text id; numbers are accepted and become strings. */
export function requiredText(description: string) {
  return z
    .preprocess(
      (value) => (isBlank(value) ? undefined : cellToText(value)),
      z.string({
        error: (issue) =>
          issue.input === undefined || issue.input === null
            ? 'required: expected a non-blank id'
            : `expected text${got(issue.input)}`,
      }),
    )
    .describe(description);
}

/** An optional whole number ≥ 0 (counts of replies or contacts). */
export function optionalCount(description: string) {
  const message = (issue: { input?: unknown }) =>
    `expected a whole number ≥ 0, or blank when unknown${got(issue.input)}`;
  return optionalCell(
    z.number({ error: message }).int({ error: message }).min(0, { error: message }),
    cellToNumber,
  ).describe(description);
}

/** An optional finite number ≥ 0 (weights, MRR). */
export function optionalNonNegative(description: string, what: string) {
  const message = (issue: { input?: unknown }) => `expected ${what}: a finite number ≥ 0, or blank${got(issue.input)}`;
  return optionalCell(z.number({ error: message }).min(0, { error: message }), cellToNumber).describe(description);
}

/** An optional yes/no flag. */
export function optionalFlag(description: string) {
  return optionalCell(
    z.boolean({
      error: (issue) => `expected true or false (also yes/no, y/n, 1/0), or blank when unknown${got(issue.input)}`,
    }),
    cellToBoolean,
  ).describe(description);
}
