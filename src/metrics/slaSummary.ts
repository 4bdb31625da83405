import { CxMetricsError } from '../errors.ts';
import { printable } from '../format/printable.ts';
import { PROPORTION_METHODS, type ProportionMethod, proportionIntervalUnchecked } from '../stats/proportionInterval.ts';
import { checkConfidence, checkOneOf, describe } from '../stats/validate.ts';
import { summaryCount, summaryFields, summaryNumber } from '../summary/check.ts';
import type { SummaryFamily } from '../summary/family.ts';
import type { SlaSummary } from '../summary/types.ts';
import type { Schedule } from '../time/businessDuration.ts';
import { warning } from '../warnings.ts';
import { checkClockFields, checkNotes, clockFields, mergeNotes, notesField, sameClock } from './clockSummary.ts';
import type { SlaResult } from './slaAttainment.ts';
import {
  CLOSED_UNANSWERED,
  COMPLETED,
  clockWarnings,
  readTicketClock,
  type TicketClockField,
  type TicketClockOptions,
} from './tickets.ts';

// The SLA summary family: tickets met, missed, pending and excluded against one target on one
// clock. `slaAttainment` is `estimate(summarize('sla', …))`.

/**
 * Options of `summarize('sla', tickets, …)`: the target (required here, as an option) and the
 * options of `slaAttainment` that shape the counts.
 *
 * @example
 * summarize('sla', [1000, 5000], { targetMs: 2000 }).met // => 1
 */
export interface SlaSummaryOptions extends TicketClockOptions {
  /** The target in ms, a finite number ≥ 0. */
  targetMs: number;
  /** Which clock the target applies to: `'resolution'` (default) or `'firstResponse'`. */
  field?: TicketClockField;
}

/** Options that shape an SLA summary. @internal */
export const SLA_SUMMARY_KEYS = ['targetMs', 'field', 'asOf', 'businessHours', 'events'] as const;
/** Options of the SLA estimate. @internal */
export const SLA_ESTIMATE_KEYS = ['method', 'confidence'] as const;

/** Resolved estimate options. @internal */
export interface SlaEstimateSettings {
  method: ProportionMethod;
  confidence: number;
}

/** Check the estimate options. @internal */
export function resolveSlaEstimate(fn: string, o: Record<string, unknown>): SlaEstimateSettings {
  return {
    method: checkOneOf(fn, 'method', o.method ?? 'wilson', PROPORTION_METHODS),
    confidence: checkConfidence(fn, o.confidence ?? 0.95),
  };
}

/** The target (ms), a finite number ≥ 0; `code` says whether it came as an argument or an option. @internal */
export function checkTarget(fn: string, targetMs: unknown, code: 'INVALID_VALUE' | 'INVALID_OPTION'): number {
  if (targetMs === undefined && code === 'INVALID_OPTION') {
    throw new CxMetricsError(code, `${fn}: targetMs is required: the target in ms (e.g. 4 * 3_600_000 for 4 hours)`);
  }
  if (typeof targetMs !== 'number' || !Number.isFinite(targetMs) || targetMs < 0) {
    throw new CxMetricsError(
      code,
      `${fn}: targetMs is ${describe(targetMs)}; expected a finite number of ms ≥ 0 (e.g. 4 * 3_600_000 for 4 hours)`,
      { value: targetMs },
    );
  }
  return targetMs;
}

/** Read tickets (or durations) against a checked target into an SLA summary. @internal */
export function summarizeSla(fn: string, input: unknown, targetMs: number, o: Record<string, unknown>): SlaSummary {
  const field = checkOneOf(fn, 'field', o.field ?? 'resolution', ['resolution', 'firstResponse'] as const);
  const clockOptions = o as TicketClockOptions;
  const { durations, status, clock, notes } = readTicketClock(fn, input, field, clockOptions);
  let met = 0;
  let missed = 0;
  let pending = 0;
  let excluded = 0;
  for (let i = 0; i < durations.length; i++) {
    const d = durations[i] as number;
    if (status[i] === COMPLETED) {
      if (d <= targetMs) met++;
      else missed++;
    } else if (status[i] === CLOSED_UNANSWERED) {
      if (d > targetMs) missed++;
      else excluded++;
    } else if (d >= targetMs) {
      // Still open at d ≥ target: it completes after the target, if ever.
      missed++;
    } else {
      pending++;
    }
  }
  return {
    kind: 'sla-summary',
    version: 1,
    field,
    ...clockFields(clock, clockOptions.businessHours as Schedule | undefined),
    targetMs,
    met,
    missed,
    pending,
    excluded,
    ...notesField(notes),
  };
}

/** Check an SLA summary from outside and copy it. @internal */
export function checkSla(fn: string, s: unknown): SlaSummary {
  const o = summaryFields(fn, s, 'sla-summary', [
    'kind',
    'version',
    'field',
    'clock',
    'schedule',
    'targetMs',
    'met',
    'missed',
    'pending',
    'excluded',
    'notes',
  ]);
  if (o.field !== 'resolution' && o.field !== 'firstResponse') {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: field is ${describe(o.field)}; expected 'resolution' or 'firstResponse'`,
      { value: o.field },
    );
  }
  const field: TicketClockField = o.field;
  const clock = checkClockFields(fn, o);
  return {
    kind: 'sla-summary',
    version: 1,
    field,
    ...clock,
    targetMs: summaryNumber(fn, 'targetMs', o.targetMs, 'non-negative'),
    met: summaryCount(fn, 'met', o.met),
    missed: summaryCount(fn, 'missed', o.missed),
    pending: summaryCount(fn, 'pending', o.pending),
    excluded: summaryCount(fn, 'excluded', o.excluded),
    ...checkNotes(fn, o.notes),
  };
}

/** Two SLA summaries added; INVALID_VALUE for another field, clock, schedule or target. @internal */
export function mergeSla(fn: string, a: SlaSummary, b: SlaSummary): SlaSummary {
  if (a.field !== b.field) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: cannot merge summaries made under different fields: '${a.field}' and '${b.field}'`,
      { value: b.field },
    );
  }
  sameClock(fn, a, b);
  if (a.targetMs !== b.targetMs) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: cannot merge summaries made under different targets: ${a.targetMs} ms and ${b.targetMs} ms`,
      { value: b.targetMs },
    );
  }
  return {
    kind: 'sla-summary',
    version: 1,
    field: a.field,
    ...clockFields(a.clock, a.schedule),
    targetMs: a.targetMs,
    met: a.met + b.met,
    missed: a.missed + b.missed,
    pending: a.pending + b.pending,
    excluded: a.excluded + b.excluded,
    ...mergeNotes(a.notes, b.notes),
  };
}

/** The share within target and its interval from an SLA summary. @internal */
export function estimateSla(fn: string, s: SlaSummary, settings: SlaEstimateSettings): SlaResult {
  const { met, missed, pending, excluded } = s;
  const n = met + missed;
  if (n === 0) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: none of the ${n + pending + excluded} tickets has an outcome yet (${pending} pending, ${excluded} excluded); expected at least one that met or missed the target`,
    );
  }
  const warnings = clockWarnings(fn, s.notes, s.field, 'sla');
  if (pending > 0) {
    const total = n + pending;
    warnings.push(
      warning(
        'PENDING',
        `${fn}: ${pending} open ticket(s) not yet past the target are pending and left out of n (never counted as met); ` +
          `once they finish, the share will lie between ${round(met / total)} and ${round((met + pending) / total)}`,
      ),
    );
  }
  if (excluded > 0) {
    warnings.push(
      warning(
        'EXCLUDED',
        `${fn}: ${excluded} ticket(s) were resolved without a first response before the target came due; the target never applied to them, left out of n`,
      ),
    );
  }
  const estimate = proportionIntervalUnchecked(fn, met, n, settings.method, settings.confidence);
  return printable({
    kind: 'sla' as const,
    ...estimate,
    warnings: [...warnings, ...estimate.warnings],
    met,
    missed,
    pending,
    excluded,
    targetMs: s.targetMs,
    field: s.field,
    clock: s.clock,
  });
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** The SLA summary family. @internal */
export const SLA_FAMILY: SummaryFamily<SlaSummary, SlaResult> = {
  metric: 'sla',
  kind: 'sla-summary',
  summarizeKeys: SLA_SUMMARY_KEYS,
  estimateKeys: SLA_ESTIMATE_KEYS,
  summarize: (fn, input, o) => summarizeSla(fn, input, checkTarget(fn, o.targetMs, 'INVALID_OPTION'), o),
  merge: mergeSla,
  check: checkSla,
  estimate: (fn, s, o) => estimateSla(fn, s, resolveSlaEstimate(fn, o)),
};
