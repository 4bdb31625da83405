// Column mapping for exports whose columns have other names (`submitted_at`, `nps_score`, …), and
// the hint for a required field that no row has while a similar column exists. Internal to
// 'cx-metrics/schemas' (not re-exported): the parsers take `columns` as an option.
import { CxMetricsError } from '../errors.ts';
import { closestName, isPlainObject } from '../options.ts';
import { describe } from '../stats/validate.ts';
import type { RowError } from './parseRows.ts';

/** Field → the column it is read from. @internal */
export type ColumnMap = Readonly<Record<string, string>>;

/**
 * Check a `columns` option: a plain object whose keys are fields of the record (an unknown one
 * fails with the closest field name) and whose values are column names (non-empty strings);
 * `undefined` values are left out. Returns undefined when nothing is mapped. @internal
 */
export function checkColumns(fn: string, columns: unknown, fields: readonly string[]): ColumnMap | undefined {
  if (columns === undefined) return undefined;
  if (!isPlainObject(columns)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: columns is ${describe(columns)}; expected an object mapping fields to column names, e.g. { submittedAt: 'submitted_at' }`,
      { value: columns },
    );
  }
  const out: Record<string, string> = {};
  for (const [field, column] of Object.entries(columns)) {
    if (!fields.includes(field)) {
      const guess = closestName(field, fields);
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: columns names an unknown field ${describe(field)}${
          guess === undefined ? `; expected one of ${fields.join(', ')}` : `; did you mean '${guess}'?`
        } (keys are the fields, values the column names in your rows)`,
        { value: field },
      );
    }
    if (column === undefined) continue;
    if (typeof column !== 'string' || column === '') {
      throw new CxMetricsError(
        'INVALID_OPTION',
        `${fn}: columns.${field} is ${describe(column)}; expected the name of a column in your rows (a non-empty string)`,
        { value: column },
      );
    }
    out[field] = column;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * A function giving the row as the schema should see it: each field read from its mapped column
 * (or the column of its own name), and a column mapped to another field not read for its own
 * name (so `{ respondentId: 'id' }` does not also fill `id`). Fields are read by property access,
 * so getters on a row's prototype work as without a mapping; other columns are left out (the
 * schemas drop them anyway). A row that is not an object is returned as it is, for the schema to
 * report. @internal
 */
export function fieldView(fields: readonly string[], columns: ColumnMap | undefined): (row: unknown) => unknown {
  const used = new Set(Object.values(columns ?? {}));
  const sources = fields.flatMap((field) => {
    const column = columns?.[field] ?? (used.has(field) ? undefined : field);
    return column === undefined ? [] : [[field, column] as const];
  });
  return (row) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
    const source = row as Record<string, unknown>;
    const view: Record<string, unknown> = {};
    for (const [field, column] of sources) {
      const value = source[column];
      if (value !== undefined) view[field] = value;
    }
    return view;
  };
}

// Enough rows and keys to see an export's header; the hint never costs more than this.
const ROWS_SAMPLED = 100;
const KEYS_SAMPLED = 500;

/**
 * Watches the rows for required fields that none of them has, and the columns they do have, so
 * that the parser can say once, before the per-row errors: "no row has `submittedAt`; the rows
 * have `submitted_at` — pass columns: { submittedAt: 'submitted_at' }". @internal
 */
export class MissingColumns {
  private readonly missing: Set<string>;
  private readonly missingWide: Map<string, string>;
  private readonly seen = new Set<string>();
  private sampled = 0;

  constructor(
    required: readonly string[],
    private readonly columns: ColumnMap | undefined,
    private readonly wide: readonly (readonly [name: string, column: string])[] = [],
  ) {
    this.missing = new Set(required);
    this.missingWide = new Map(wide);
  }

  /** Note one input row (`row`) and what the schema sees of it (`record`). */
  see(row: unknown, record: unknown): void {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return;
    for (const field of this.missing) {
      if ((record as Record<string, unknown>)[field] !== undefined) this.missing.delete(field);
    }
    for (const [name, column] of this.missingWide) {
      if ((row as Record<string, unknown>)[column] !== undefined) this.missingWide.delete(name);
    }
    if (this.sampled < ROWS_SAMPLED && row !== null && typeof row === 'object') {
      this.sampled++;
      const keys = Object.keys(row);
      for (let k = 0; k < keys.length && k < KEYS_SAMPLED; k++) this.seen.add(keys[k] as string);
    }
  }

  /** One error (index −1, path [field]) per required field no row has, when a similar column exists. */
  errors(): RowError[] {
    if (this.sampled === 0) return [];
    // A column the caller already gave for another field or answer is not a suggestion.
    for (const column of Object.values(this.columns ?? {})) this.seen.delete(column);
    for (const [, column] of this.wide) this.seen.delete(column);
    const out: RowError[] = [];
    for (const field of this.missing) {
      const name = this.columns?.[field] ?? field;
      const similar = similarColumns(name, [...this.seen]);
      if (similar.length === 0) continue;
      const wanted = name === field ? `\`${field}\`` : `\`${name}\` (the column given for ${field})`;
      const have = similar.map((c) => `\`${c}\``).join(', ');
      const fix =
        similar.length === 1
          ? `pass columns: { ${field}: '${quote(similar[0] as string)}' }`
          : `pass columns: { ${field}: '…' } with the one that holds it`;
      out.push({ index: -1, path: [field], message: `no row has ${wanted}; the rows have ${have} — ${fix}` });
    }
    // A wide column no row has gives no answers of its type at all: always said, hint or not.
    for (const [name, column] of this.missingWide) {
      const similar = similarColumns(column, [...this.seen]);
      const wanted = `\`${column}\` (the column given for wide.${name})`;
      const message =
        similar.length === 0
          ? `no row has ${wanted}, so there are no ${name.toUpperCase()} answers; expected the name of a column in your rows`
          : `no row has ${wanted}; the rows have ${similar.map((c) => `\`${c}\``).join(', ')} — pass wide: { ${name}: '${
              similar.length === 1 ? quote(similar[0] as string) : '…'
            }' }`;
      out.push({ index: -1, path: ['score'], message });
    }
    return out;
  }
}

function normal(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]/g, '');
}

/**
 * Columns that look like `name`, best first: the same ignoring case, spaces, `_`, `-` and `.`
 * (`submitted_at`, `SubmittedAt`); else within a small edit distance (`submited_at`); else one
 * that contains it at an end (`nps_score` for `score`, `ticket_id` for `id`). At most three.
 */
function similarColumns(name: string, columns: readonly string[]): string[] {
  const n = normal(name);
  const others = columns.filter((c) => c !== name);
  const tiers = [
    others.filter((c) => normal(c) === n),
    others.filter((c) => closestName(n, [normal(c)]) !== undefined),
    others.filter((c) => {
      const m = normal(c);
      return n.length >= 2 && m.length > n.length && (m.endsWith(n) || m.startsWith(n));
    }),
  ];
  return (tiers.find((t) => t.length > 0) ?? []).slice(0, 3);
}

function quote(column: string): string {
  return JSON.stringify(column).slice(1, -1).replace(/'/g, "\\'");
}
