/**
 * One cell of a raw row, as an export gives it: text (every CSV cell), or in a JSON export a
 * number, a boolean, null, or a list of strings (segment tags).
 *
 * @example
 * const cells = fc.sample(responseRow({ format: 'csv' }), { numRuns: 20, seed: 1 }).flatMap((row) => Object.values(row))
 * cells.every((cell) => typeof cell === 'string') // => true
 */
export type RawCell = string | number | boolean | null | readonly string[];

/**
 * A raw row: column name → cell, as a CSV reader (header row as keys) or a JSON export gives it,
 * before any parsing. Optional columns may be absent.
 *
 * @example
 * const row = { id: 'T-1', createdAt: '2026-05-01 09:00', resolvedAt: '' }
 * parseTickets([row]).errors // => []
 */
export type RawRow = { [column: string]: RawCell };

/**
 * A row with exactly one fault, the field path a parser must report for it (the `path` of the
 * one `RowError`), and what the fault is, in words (for a failing property's report).
 *
 * @example
 * const [{ row, path }] = fc.sample(faultyTicketRow(), { numRuns: 1, seed: 3 })
 * parseTickets([row]).errors.map((e) => e.path) // => [path]
 */
export interface FaultyRow {
  /** The raw row, with one bad cell (every other cell valid). */
  row: RawRow;
  /** The field path of the one error the parser reports, e.g. `['score']`. */
  path: (string | number)[];
  /** The fault in words, e.g. `score '11' is off the 0–10 nps scale`. */
  fault: string;
}

/**
 * The cell shapes a row arbitrary draws: `'csv'` (every cell text, as a CSV reader gives it:
 * blank cells are `''` or spaces), `'json'` (numbers, booleans, null for blank, epoch
 * milliseconds or ISO strings for times, lists of tags), or `'any'` (either, per row; the default).
 *
 * @example
 * fc.sample(customerRow({ format: 'json' }), { numRuns: 30, seed: 2 }).some((row) => typeof row.mrr === 'number') // => true
 */
export type RowFormat = 'csv' | 'json' | 'any';

/**
 * Options of `ticketRow`, `customerRow` and their faulty variants (and, with more, of
 * `responseRow`): the cell shapes, and the time reading the parser will be given.
 *
 * @example
 * const rows = fc.sample(ticketRow({ timestampUnit: 's', timeZone: 'Europe/Warsaw' }), { numRuns: 30, seed: 8 })
 * parseTickets(rows, { timestampUnit: 's', timeZone: 'Europe/Warsaw' }).errors // => []
 * fc.sample(ticketRow({ format: 'csv' }), { numRuns: 5, seed: 4 }).every((row) => typeof row.createdAt === 'string') // => true
 */
export interface RowOptions {
  /** Cell shapes: 'csv', 'json' or 'any' (default). */
  format?: RowFormat;
  /**
   * The `timestampUnit` you give the parser: with it, epoch times are drawn in that unit, as
   * numbers and digit strings ('1777626000' for 's'); without it, epoch milliseconds as numbers
   * only (in JSON rows).
   */
  timestampUnit?: 'ms' | 's';
  /**
   * The `timeZone` you give the parser (an IANA name): zone-less times are then drawn as wall
   * times in that zone, never one the zone skips or shows twice (DST), which the parsers refuse.
   */
  timeZone?: string;
  /**
   * The `columns` you give the parser (field → the column your export names it, e.g.
   * `{ createdAt: 'created_at' }`): rows are drawn under those column names. A faulty row's
   * `path` stays the field's, as the parsers report it.
   */
  columns?: Readonly<Record<string, string | undefined>>;
}

/**
 * A score range: `min`…`max`, integers. Other keys of the scale objects the metrics and parsers
 * take (`direction`, `labels`, `detractorMax`, `promoterMin`, `satisfiedMin`, `easyThreshold`) are
 * allowed and ignored, so the same object can be passed to both.
 *
 * @example
 * fc.sample(scores({ scale: { min: 1, max: 4 } }), { numRuns: 10, seed: 5 }).flat().every((s) => s >= 1 && s <= 4) // => true
 */
export interface ScoreRange {
  readonly min: number;
  readonly max: number;
  readonly direction?: string | undefined;
  readonly labels?: Readonly<Record<string, string>> | undefined;
  readonly detractorMax?: number | undefined;
  readonly promoterMin?: number | undefined;
  readonly satisfiedMin?: number | undefined;
  readonly easyThreshold?: number | undefined;
}

/**
 * Options of `responseRow` and `faultyResponseRow`: the cell shapes, which survey types to draw,
 * and the scales and journey stages of the questionnaire, as given to `parseResponses` (so rows
 * drawn with `{ csatScale: SURVEY_SCALES.csat7 }` parse with `parseResponses(rows, { csatScale:
 * SURVEY_SCALES.csat7 })`).
 *
 * @example
 * fc.sample(responseRow({ types: ['ces'] }), { numRuns: 10, seed: 6 }).every((row) => row.type === 'ces') // => true
 */
export interface ResponseRowOptions extends RowOptions {
  /** Survey types to draw, a non-empty subset of 'nps', 'csat', 'ces' (default all three). */
  types?: readonly ('nps' | 'csat' | 'ces')[];
  /** The CSAT scale (default 1–5). */
  csatScale?: ScoreRange;
  /** The CES scale (default 1–7). */
  cesScale?: ScoreRange;
  /** The journey stages a row may name (default `JOURNEY_STAGES`). */
  journeyStages?: readonly string[];
}
