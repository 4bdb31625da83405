import { CxMetricsError } from '../errors.ts';
import { DAY_MS, iso, TIME_UNIT_DAYS, TIME_UNITS, type TimeUnit, timestampOption } from '../metrics/customers.ts';
import { readAsOf } from '../metrics/tickets.ts';
import { checkOneOf, describe } from '../stats/validate.ts';
import type { Params, SqlDialect } from './dialect.ts';
import { type QueryBase, q } from './query.ts';
import { rowCount, rowFinite, rowNumber, type SqlRow } from './rows.ts';
import type { SqlMetricSpec } from './surveyMetrics.ts';

// The support and churn metrics in SQL, on the elapsed clock (business hours need the schedule's
// calendar, which SQL engines do not share: compute those durations before the query). Every
// ticket's state is decided once, in a middle SELECT, exactly as the in-memory ticket reader
// decides it — completed, open (censored at asOf), closed without a response (first response:
// censored at its resolution), or invalid (refused when the rows are read, as in memory).

/** Epoch milliseconds of a timestamp column in the dialect. @internal */
export function epochMs(dialect: SqlDialect, column: string): string {
  const ts = `CAST(${column} AS TIMESTAMPTZ)`;
  return dialect === 'duckdb' ? `epoch_ms(${ts})` : `CAST(FLOOR(EXTRACT(EPOCH FROM ${ts}) * 1000) AS BIGINT)`;
}

function refuseBusinessHours(fn: string, o: Record<string, unknown>): void {
  if (o.businessHours !== undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: businessHours is not computed in SQL (engines do not share the schedule's calendar); compute business durations before the query, or summarize the tickets in memory`,
      { value: o.businessHours },
    );
  }
}

const INVALID_STATES: Record<string, string> = {
  'no-created': 'have no createdAt',
  'after-as-of': 'were created after asOf; expected only tickets that existed at asOf (the time the data was taken)',
  'before-created': 'have a time before their createdAt',
  'open-no-as-of':
    'are still open, so asOf is required: the time the data was taken, at which open tickets are censored',
  'bad-field': 'hold a value that is not a whole number ≥ 0 (or true/false)',
};

/** The state column of a row: one of `known` (or an invalid state, refused), else INVALID_VALUE. */
function rowState(fn: string, row: SqlRow, known: readonly string[]): string {
  const state = row.cx_state;
  if (typeof state === 'string' && (known.includes(state) || state in INVALID_STATES)) return state;
  throw new CxMetricsError(
    'INVALID_VALUE',
    `${fn}: column cx_state holds ${describe(state)}; expected the rows of summaryQuery's query (${known.join(', ')})`,
    { value: state },
  );
}

function refuseInvalid(fn: string, state: string, count: number): void {
  const what = INVALID_STATES[state];
  if (what === undefined) return;
  throw new CxMetricsError(
    state === 'open-no-as-of' ? 'INVALID_OPTION' : 'INVALID_VALUE',
    `${fn}: ${count} ticket(s) ${what}`,
    { value: state },
  );
}

type ClockField = 'resolution' | 'firstResponse';

/** Every ticket column role: one `columns` map serves every ticket metric (each reads its own). @internal */
export const TICKET_ROLES = [
  'createdAt',
  'firstResponseAt',
  'resolvedAt',
  'reopenedAt',
  'reopens',
  'agentReplies',
  'customerContacts',
  'firstContactResolved',
  'customerId',
] as const;

function ticketColumns(required: readonly string[]): SqlMetricSpec['columns'] {
  return { required, optional: TICKET_ROLES.filter((r) => !required.includes(r)) };
}

/**
 * The middle SELECT of a ticket clock: "cx_state" and "cx_duration" (ms) from the inner
 * "cx_created", "cx_end" (and "cx_resolved" for first response), plus the flags behind the notes.
 */
function clockParts(base: QueryBase, params: Params, field: ClockField, asOf: number | undefined) {
  const c = base.columns;
  const end = field === 'resolution' ? (c.resolvedAt as string) : (c.firstResponseAt as string);
  const resolved = field === 'firstResponse' ? c.resolvedAt : undefined;
  const projections = [
    `${epochMs(base.dialect, q(base, c.createdAt as string))} AS "cx_created"`,
    `${epochMs(base.dialect, q(base, end))} AS "cx_end"`,
    `${resolved !== undefined ? epochMs(base.dialect, q(base, resolved)) : 'CAST(NULL AS BIGINT)'} AS "cx_resolved"`,
  ];
  const a = asOf === undefined ? undefined : `CAST(${params.add(asOf)} AS BIGINT)`;
  const invalid = [
    `WHEN "cx_created" IS NULL THEN 'no-created'`,
    ...(a ? [`WHEN "cx_created" > ${a} THEN 'after-as-of'`] : []),
    `WHEN "cx_end" < "cx_created" OR "cx_resolved" < "cx_created" THEN 'before-created'`,
  ];
  const done = a ? `"cx_end" <= ${a}` : `"cx_end" IS NOT NULL`;
  const closed = a ? `"cx_resolved" <= ${a}` : `"cx_resolved" IS NOT NULL`;
  const state = `CASE ${invalid.join(' ')} WHEN ${done} THEN 'event' WHEN ${closed} THEN 'unanswered' ELSE ${a ? `'open'` : `'open-no-as-of'`} END`;
  const duration =
    `CASE ${invalid.map((w) => w.replace(/THEN '[^']+'/, 'THEN NULL')).join(' ')} ` +
    `WHEN ${done} THEN "cx_end" - "cx_created" WHEN ${closed} THEN "cx_resolved" - "cx_created" ` +
    `ELSE ${a ? `${a} - "cx_created"` : 'NULL'} END`;
  const middle = [
    `${state} AS "cx_state"`,
    `${duration} AS "cx_duration"`,
    `CASE WHEN ${a ? `"cx_end" > ${a}` : 'FALSE'} THEN 1 ELSE 0 END AS "cx_late"`,
    `CASE WHEN "cx_end" > "cx_resolved" THEN 1 ELSE 0 END AS "cx_swapped"`,
  ];
  return { projections, middle };
}

function clockOptions(fn: string, o: Record<string, unknown>): number | undefined {
  refuseBusinessHours(fn, o);
  return readAsOf(fn, o.asOf);
}

function notesOf(late: number, swapped: number, unanswered: number): Record<string, number> | undefined {
  const notes: Record<string, number> = {};
  if (late > 0) notes.AFTER_AS_OF = late;
  if (swapped > 0) notes.RESPONSE_AFTER_RESOLUTION = swapped;
  if (unanswered > 0) notes.CLOSED_WITHOUT_RESPONSE = unanswered;
  return Object.keys(notes).length > 0 ? notes : undefined;
}

/** ttr and first-response: the table of distinct durations with events and censored counts. @internal */
export function durationSpec(kind: 'ttr-summary' | 'first-response-summary'): SqlMetricSpec {
  const field: ClockField = kind === 'ttr-summary' ? 'resolution' : 'firstResponse';
  return {
    columns: ticketColumns(field === 'resolution' ? ['createdAt', 'resolvedAt'] : ['createdAt', 'firstResponseAt']),
    optionKeys: ['asOf', 'businessHours'],
    check: (fn, o) => void clockOptions(fn, o),
    query(base, params, o) {
      const { projections, middle } = clockParts(base, params, field, clockOptions(base.fn, o));
      return {
        projections,
        window: () => middle,
        extraKeys: ['"cx_state"', '"cx_duration"'],
        aggregates: ['COUNT(*) AS "cx_count"', 'SUM("cx_late") AS "cx_late"', 'SUM("cx_swapped") AS "cx_swapped"'],
      };
    },
    summary(fn, rows) {
      const table = new Map<number, { events: number; censored: number }>();
      let late = 0;
      let swapped = 0;
      let unanswered = 0;
      for (const row of rows) {
        const count = rowCount(fn, row, 'cx_count');
        const state = rowState(fn, row, ['event', 'open', 'unanswered']);
        refuseInvalid(fn, state, count);
        const t = rowFinite(fn, row, 'cx_duration');
        const entry = table.get(t) ?? { events: 0, censored: 0 };
        if (state === 'event') entry.events += count;
        else entry.censored += count;
        if (state === 'unanswered') unanswered += count;
        table.set(t, entry);
        late += rowCount(fn, row, 'cx_late');
        swapped += rowCount(fn, row, 'cx_swapped');
      }
      const times = [...table.keys()].sort((x, y) => x - y);
      const notes = notesOf(late, swapped, unanswered);
      return {
        kind,
        version: 1,
        clock: 'elapsed',
        unit: 'ms',
        times,
        events: times.map((t) => table.get(t)?.events as number),
        censored: times.map((t) => table.get(t)?.censored as number),
        ...(notes ? { notes } : {}),
      };
    },
  };
}

/** SLA attainment: met, missed, pending and excluded against one target, counted in SQL. @internal */
export const SLA_SPEC: SqlMetricSpec = {
  columns: ticketColumns(['createdAt']),
  optionKeys: ['targetMs', 'field', 'asOf', 'businessHours'],
  check(fn, o) {
    clockOptions(fn, o);
    slaSettings(fn, o);
    const field = checkOneOf(fn, 'field', o.field ?? 'resolution', ['resolution', 'firstResponse'] as const);
    const needed = field === 'resolution' ? 'resolvedAt' : 'firstResponseAt';
    const columns = (o.columns ?? {}) as Record<string, unknown>;
    if (columns[needed] === undefined) {
      throw new CxMetricsError('INVALID_OPTION', `${fn}: columns.${needed} is required for field '${field}'`);
    }
  },
  query(base, params, o) {
    const { field, targetMs } = slaSettings(base.fn, o);
    const { projections, middle } = clockParts(base, params, field, clockOptions(base.fn, o));
    const t = `CAST(${params.add(targetMs)} AS DOUBLE PRECISION)`;
    const count = (condition: string, alias: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS "${alias}"`;
    const s = '"cx_state"';
    const d = '"cx_duration"';
    return {
      projections,
      window: () => middle,
      aggregates: [
        count(`${s} = 'event' AND ${d} <= ${t}`, 'cx_met'),
        count(
          `(${s} = 'event' AND ${d} > ${t}) OR (${s} = 'unanswered' AND ${d} > ${t}) OR (${s} = 'open' AND ${d} >= ${t})`,
          'cx_missed',
        ),
        count(`${s} = 'open' AND ${d} < ${t}`, 'cx_pending'),
        count(`${s} = 'unanswered' AND ${d} <= ${t}`, 'cx_excluded'),
        count(`${s} = 'unanswered'`, 'cx_unanswered'),
        ...Object.keys(INVALID_STATES).map((state) => count(`${s} = '${state}'`, `cx_${state.replaceAll('-', '_')}`)),
        'SUM("cx_late") AS "cx_late"',
        'SUM("cx_swapped") AS "cx_swapped"',
      ],
    };
  },
  summary(fn, rows, _base, o) {
    const { field, targetMs } = slaSettings(fn, o);
    const totals = { met: 0, missed: 0, pending: 0, excluded: 0, unanswered: 0, late: 0, swapped: 0 };
    for (const row of rows) {
      for (const state of Object.keys(INVALID_STATES)) {
        const n = rowCount(fn, row, `cx_${state.replaceAll('-', '_')}`);
        if (n > 0) refuseInvalid(fn, state, n);
      }
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += rowCount(fn, row, `cx_${key}`);
    }
    const notes = notesOf(totals.late, totals.swapped, totals.unanswered);
    return {
      kind: 'sla-summary',
      version: 1,
      field,
      clock: 'elapsed',
      targetMs,
      met: totals.met,
      missed: totals.missed,
      pending: totals.pending,
      excluded: totals.excluded,
      ...(notes ? { notes } : {}),
    };
  },
};

function slaSettings(fn: string, o: Record<string, unknown>): { field: ClockField; targetMs: number } {
  const field = checkOneOf(fn, 'field', o.field ?? 'resolution', ['resolution', 'firstResponse'] as const);
  const targetMs = o.targetMs;
  if (typeof targetMs !== 'number' || !Number.isFinite(targetMs) || targetMs < 0) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: targetMs is ${describe(targetMs)}; expected the target, a finite number of ms ≥ 0 (e.g. 4 * 3_600_000 for 4 hours)`,
      { value: targetMs },
    );
  }
  return { field, targetMs };
}

const FCR_SQL_DEFINITIONS = ['one-touch', 'single-contact', 'no-reopen', 'no-repeat-within', 'reported'] as const;
type FcrSqlDefinition = (typeof FCR_SQL_DEFINITIONS)[number];
const FCR_FIELDS: Record<FcrSqlDefinition, readonly string[]> = {
  'one-touch': ['agentReplies'],
  'single-contact': ['customerContacts'],
  'no-reopen': ['reopenedAt', 'reopens'],
  'no-repeat-within': ['customerId'],
  reported: ['firstContactResolved'],
};

function fcrSettings(fn: string, o: Record<string, unknown>) {
  refuseBusinessHours(fn, o);
  if (o.definition === undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: definition is required; expected one of ${FCR_SQL_DEFINITIONS.map((d) => `'${d}'`).join(', ')}`,
    );
  }
  const definition = checkOneOf(fn, 'definition', o.definition, FCR_SQL_DEFINITIONS);
  const missing = checkOneOf(fn, 'missing', o.missing ?? 'error', ['error', 'exclude'] as const);
  const columns = (o.columns ?? {}) as Record<string, unknown>;
  const fields = FCR_FIELDS[definition];
  if (!fields.some((f) => columns[f] !== undefined)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: definition '${definition}' reads ${fields.map((f) => `columns.${f}`).join(' or ')}; name the column that holds it`,
    );
  }
  const windowMs = o.windowMs ?? 7 * DAY_MS;
  if (typeof windowMs !== 'number' || !Number.isFinite(windowMs) || windowMs < 0) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: windowMs is ${describe(windowMs)}; expected a finite number of ms ≥ 0`,
      {
        value: windowMs,
      },
    );
  }
  if (o.windowMs !== undefined && definition !== 'no-repeat-within') {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: windowMs applies only to definition 'no-repeat-within', not '${definition}'`,
      { value: o.windowMs },
    );
  }
  return { definition, missing, windowMs, asOf: readAsOf(fn, o.asOf) };
}

/** First-contact resolution under one definition: each ticket's state decided in SQL, counted. @internal */
export const FCR_SPEC: SqlMetricSpec = {
  columns: ticketColumns(['createdAt', 'resolvedAt']),
  optionKeys: ['definition', 'missing', 'windowMs', 'asOf', 'businessHours'],
  check: (fn, o) => void fcrSettings(fn, o),
  query(base, params, o) {
    const { definition, asOf, windowMs } = fcrSettings(base.fn, o);
    const c = base.columns;
    const col = (role: string) => (c[role] === undefined ? 'NULL' : q(base, c[role] as string));
    const ms = (role: string) => (c[role] === undefined ? 'CAST(NULL AS BIGINT)' : epochMs(base.dialect, col(role)));
    const projections = [
      `${ms('createdAt')} AS "cx_created"`,
      `${ms('resolvedAt')} AS "cx_resolved"`,
      ...(definition === 'no-reopen'
        ? [`${ms('reopenedAt')} AS "cx_reopened"`, `CAST(${col('reopens')} AS DOUBLE PRECISION) AS "cx_field"`]
        : definition === 'reported'
          ? [`CAST(${col('firstContactResolved')} AS BOOLEAN) AS "cx_flag"`]
          : definition === 'no-repeat-within'
            ? [`CAST(${col('customerId')} AS VARCHAR) AS "cx_customer"`]
            : [
                `CAST(${col(definition === 'one-touch' ? 'agentReplies' : 'customerContacts')} AS DOUBLE PRECISION) AS "cx_field"`,
              ]),
    ];
    const a = asOf === undefined ? undefined : `CAST(${params.add(asOf)} AS BIGINT)`;
    const whole = `("cx_field" < 0 OR "cx_field" <> FLOOR("cx_field"))`;
    let decide: string;
    let hasField: string;
    if (definition === 'no-repeat-within') {
      // A repeat: another ticket of the same customer (in the same group and period, as
      // summarize of that group's tickets sees it) created after the resolution, within the window.
      // A window that had not closed when the data was taken (asOf, else the latest creation)
      // leaves the ticket out (windowOpen).
      const w = `CAST(${params.add(windowMs)} AS DOUBLE PRECISION)`;
      const observed = a ?? `(SELECT MAX("cx_other"."cx_created") FROM "cx_rows" AS "cx_other" WHERE {same})`;
      decide =
        `WHEN "cx_customer" IS NULL THEN 'missing' ` +
        `WHEN "cx_resolved" + ${w} > ${observed} THEN 'window-open' ` +
        `WHEN EXISTS (SELECT 1 FROM "cx_rows" AS "cx_other" WHERE {same} AND "cx_other"."cx_customer" = "cx_rows"."cx_customer" ` +
        `AND "cx_other"."cx_created" > "cx_rows"."cx_resolved" AND "cx_other"."cx_created" <= "cx_rows"."cx_resolved" + ${w}) THEN 'failure' ` +
        `ELSE 'success'`;
      hasField = `"cx_customer" IS NOT NULL`;
    } else if (definition === 'reported') {
      decide = `WHEN "cx_flag" IS NULL THEN 'missing' WHEN "cx_flag" THEN 'success' ELSE 'failure'`;
      hasField = `"cx_flag" IS NOT NULL`;
    } else if (definition === 'no-reopen') {
      const reopenedLate = a ? `"cx_reopened" > ${a}` : 'FALSE';
      decide =
        `WHEN "cx_reopened" < "cx_created" THEN 'before-created' ` +
        `WHEN "cx_reopened" IS NOT NULL THEN CASE WHEN ${reopenedLate} THEN 'success' ELSE 'failure' END ` +
        `WHEN "cx_field" IS NULL THEN 'success' WHEN ${whole} THEN 'bad-field' ` +
        `WHEN "cx_field" = 0 THEN 'success' ELSE 'failure'`;
      hasField = `"cx_reopened" IS NOT NULL OR "cx_field" IS NOT NULL`;
    } else {
      decide = `WHEN "cx_field" IS NULL THEN 'missing' WHEN ${whole} THEN 'bad-field' WHEN "cx_field" <= 1 THEN 'success' ELSE 'failure'`;
      hasField = `"cx_field" IS NOT NULL`;
    }
    const resolvedBy = a ? `"cx_resolved" <= ${a}` : `"cx_resolved" IS NOT NULL`;
    const state =
      `CASE WHEN "cx_created" IS NULL THEN 'no-created' ` +
      (a ? `WHEN "cx_created" > ${a} THEN 'after-as-of' ` : '') +
      `WHEN "cx_resolved" < "cx_created" THEN 'before-created' ` +
      `WHEN NOT (${resolvedBy}) OR "cx_resolved" IS NULL THEN 'unresolved' ${decide} END`;
    return {
      projections,
      correlated: definition === 'no-repeat-within',
      window: (_partition, sameKeys) => [
        `${state.replaceAll('{same}', sameKeys('cx_other'))} AS "cx_state"`,
        `CASE WHEN ${hasField} THEN 1 ELSE 0 END AS "cx_has_field"`,
      ],
      extraKeys: ['"cx_state"'],
      aggregates: ['COUNT(*) AS "cx_count"', 'SUM("cx_has_field") AS "cx_with_field"'],
    };
  },
  summary(fn, rows, _base, o) {
    const { definition, missing, windowMs } = fcrSettings(fn, o);
    const counts: Record<string, number> = { success: 0, failure: 0, unresolved: 0, missing: 0, 'window-open': 0 };
    let withField = 0;
    for (const row of rows) {
      const count = rowCount(fn, row, 'cx_count');
      const state = rowState(fn, row, ['success', 'failure', 'unresolved', 'missing', 'window-open']);
      refuseInvalid(fn, state, count);
      counts[state] = (counts[state] ?? 0) + count;
      withField += rowCount(fn, row, 'cx_with_field');
    }
    const missingField = counts.missing as number;
    if (missingField > 0 && missing === 'error' && withField > 0) {
      const needed = FCR_FIELDS[definition][0];
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${missingField} resolved ticket(s) have no ${needed}, which definition '${definition}' needs; fill it in, or pass missing: 'exclude' to leave such tickets out (counted in excluded)`,
        { value: missingField },
      );
    }
    const firstContact = counts.success as number;
    return {
      kind: 'fcr-summary',
      version: 1,
      definition,
      ...(definition === 'no-repeat-within' ? { windowMs } : {}),
      total: firstContact + (counts.failure as number),
      firstContact,
      unresolved: counts.unresolved as number,
      missingField,
      windowOpen: counts['window-open'] as number,
      withField,
    };
  },
};

function churnSettings(fn: string, o: Record<string, unknown>) {
  const from = timestampOption(fn, 'from', o.from);
  const to = timestampOption(fn, 'to', o.to);
  if (!(to > from)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: to (${iso(to)}) is not after from (${iso(from)}); expected a window with to > from`,
      { value: o.to },
    );
  }
  const definition = checkOneOf(fn, 'definition', o.definition ?? 'cohort', ['cohort', 'exposure'] as const);
  if (definition === 'cohort' && o.unit !== undefined) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: unit applies to the exposure definition only; the cohort rate is a share of the window`,
      { value: o.unit },
    );
  }
  const unit = checkOneOf(fn, 'unit', o.unit ?? 'day', TIME_UNITS) as TimeUnit;
  return { from, to, definition, unit };
}

/** Churn over a window: the cohort counts or the exposure sums (ms, exact in BIGINT). @internal */
export const CHURN_SPEC: SqlMetricSpec = {
  columns: { required: ['startedAt', 'endedAt'], optional: [] },
  optionKeys: ['from', 'to', 'definition', 'unit'],
  check: (fn, o) => void churnSettings(fn, o),
  query(base, params, o) {
    const { from, to, definition } = churnSettings(base.fn, o);
    const f = `CAST(${params.add(from)} AS BIGINT)`;
    const t = `CAST(${params.add(to)} AS BIGINT)`;
    const s = '"cx_start"';
    const e = '"cx_end"';
    const count = (condition: string, alias: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS "${alias}"`;
    const overlap = `(LEAST(COALESCE(${e}, ${t}), ${t}) - GREATEST(${s}, ${f}))`;
    const aggregates =
      definition === 'cohort'
        ? [
            count(`${s} <= ${f} AND (${e} IS NULL OR ${e} > ${f})`, 'cx_at_start'),
            count(`${s} <= ${f} AND ${e} > ${f} AND ${e} <= ${t}`, 'cx_churned'),
          ]
        : [
            count(`${e} > ${f} AND ${e} <= ${t}`, 'cx_churned'),
            `SUM(CASE WHEN ${overlap} > 0 THEN ${overlap} ELSE 0 END) AS "cx_exposure_ms"`,
            count(`${overlap} > 0`, 'cx_customers'),
          ];
    return {
      projections: [
        `${epochMs(base.dialect, q(base, base.columns.startedAt as string))} AS "cx_start"`,
        `${epochMs(base.dialect, q(base, base.columns.endedAt as string))} AS "cx_end"`,
      ],
      aggregates: [...aggregates, count(`${s} IS NULL OR ${e} < ${s}`, 'cx_invalid')],
      fence: true,
    };
  },
  summary(fn, rows, _base, o) {
    const { from, to, definition, unit } = churnSettings(fn, o);
    const window = { from: iso(from), to: iso(to) };
    const row: SqlRow = rows[0] ?? {};
    if (rows.length > 1)
      throw new CxMetricsError('INVALID_VALUE', `${fn}: ${rows.length} rows for one group; expected one`);
    const invalid = rows.length === 0 ? 0 : rowCount(fn, row, 'cx_invalid');
    if (invalid > 0) {
      throw new CxMetricsError(
        'INVALID_VALUE',
        `${fn}: ${invalid} customer(s) have no startedAt, or an endedAt before their startedAt`,
      );
    }
    const read = (alias: string) => (rows.length === 0 ? 0 : rowCount(fn, row, alias));
    if (definition === 'cohort') {
      return {
        kind: 'churn-summary',
        version: 1,
        definition,
        ...window,
        customersAtStart: read('cx_at_start'),
        churned: read('cx_churned'),
      };
    }
    const exposureMs = rows.length === 0 ? 0 : (rowNumber(fn, row, 'cx_exposure_ms') ?? 0);
    return {
      kind: 'churn-summary',
      version: 1,
      definition,
      ...window,
      churned: read('cx_churned'),
      exposure: exposureMs / (TIME_UNIT_DAYS[unit] * DAY_MS),
      unit,
      customers: read('cx_customers'),
    };
  },
};
