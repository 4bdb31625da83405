import type { Summary } from '../summary/types.ts';
import { durationUnit, fixed } from './numbers.ts';
import { withText } from './textHooks.ts';

// The one line a summary prints as: its kind, what it counts and what it was made under (the
// scale, definition, clock or window that decides whether two summaries can be merged). A
// summary is a sufficient statistic, not an estimate: the line gives counts, never a metric
// value or an interval (that is `estimate`'s to say, with its options).

/** Whole numbers with thousands separators (1,234); others to 6 significant digits. */
function amount(x: number): string {
  if (!Number.isFinite(x)) return fixed(x, 0);
  if (Number.isInteger(x)) return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return String(Number(x.toPrecision(6)));
}

function duration(ms: number): string {
  const [unit, size] = durationUnit(ms);
  return `${String(Number((ms / size).toPrecision(4)))} ${unit}`;
}

function sum(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

function histogramTail(s: { counts: number[]; skipped: number; weights?: unknown; otherTypes?: number }): string {
  const parts = [`${amount(s.skipped)} skipped`];
  if (s.weights !== undefined) parts.push('weighted');
  if (s.otherTypes !== undefined && s.otherTypes > 0) parts.push(`${amount(s.otherTypes)} of another survey type`);
  return `, ${parts.join(', ')}`;
}

function clock(s: { clock: 'elapsed' | 'business' }): string {
  return s.clock === 'business' ? 'business hours' : 'elapsed time';
}

/**
 * The one-line text of a summary, e.g. `nps summary: n=1,234 (0–10 scale), 12 skipped`. Never
 * throws (display code must not fail on an odd summary). @internal
 */
export function summaryLine(s: Summary): string {
  switch (s.kind) {
    case 'nps-summary': {
      const { min, max, detractorMax, promoterMin } = s.scale;
      const standard = min === 0 && max === 10 && detractorMax === 6 && promoterMin === 9;
      const cuts = standard ? '' : `, detractors ≤ ${detractorMax}, promoters ≥ ${promoterMin}`;
      return `nps summary: n=${amount(sum(s.counts))} (${min}–${max} scale${cuts})${histogramTail(s)}`;
    }
    case 'csat-summary':
      return `csat summary: n=${amount(sum(s.counts))} (${s.scale.min}–${s.scale.max} scale, satisfied ≥ ${s.scale.satisfiedMin})${histogramTail(s)}`;
    case 'ces-summary': {
      const { min, max, direction, easyThreshold } = s.scale;
      const easy = direction === 'lower-is-easier' ? `easy ≤ ${easyThreshold}` : `easy ≥ ${easyThreshold}`;
      return `ces summary: n=${amount(sum(s.counts))} (${min}–${max} scale, ${easy})${histogramTail(s)}`;
    }
    case 'proportion-summary':
      return `proportion summary: ${amount(s.successes)} of ${amount(s.n)}`;
    case 'mean-summary':
      return `mean summary: n=${amount(s.n)}, mean ${amount(s.mean)}, M2 ${amount(s.m2)}`;
    case 'fcr-summary': {
      const definition = s.windowMs === undefined ? s.definition : `${s.definition} ${duration(s.windowMs)}`;
      const out = [
        [s.unresolved, 'unresolved'],
        [s.missingField, 'without the field'],
        [s.windowOpen, 'with the window still open'],
      ] as const;
      const left = out.filter(([k]) => k > 0).map(([k, what]) => `${amount(k)} ${what}`);
      return `fcr summary (${definition}): ${amount(s.firstContact)} of ${amount(s.total)} resolved at first contact${
        left.length > 0 ? `; left out ${left.join(', ')}` : ''
      }`;
    }
    case 'sla-summary': {
      const field = s.field === 'firstResponse' ? 'first response' : 'resolution';
      const excluded = s.excluded > 0 ? `, ${amount(s.excluded)} excluded` : '';
      return `sla summary (${field} within ${duration(s.targetMs)}, ${clock(s)}): ${amount(s.met)} met, ${amount(s.missed)} missed, ${amount(s.pending)} pending${excluded}`;
    }
    case 'ttr-summary':
    case 'first-response-summary': {
      const events = sum(s.events);
      const censored = sum(s.censored);
      return `${s.kind === 'ttr-summary' ? 'ttr' : 'first-response'} summary (${clock(s)}): n=${amount(events + censored)}, ${amount(events)} completed, ${amount(censored)} censored`;
    }
    case 'churn-summary':
      return s.definition === 'cohort'
        ? `churn summary (cohort, ${s.from} to ${s.to}): ${amount(s.churned)} of ${amount(s.customersAtStart)} customers churned`
        : `churn summary (exposure, ${s.from} to ${s.to}): ${amount(s.churned)} churned over ${amount(s.exposure)} ${s.unit}s of exposure, ${amount(s.customers)} customers`;
    default:
      return `${String((s as { kind?: unknown }).kind)}`;
  }
}

/** Give a summary its one-line text (see `summaryLine`) through the print hooks; returns it. @internal */
export function printableSummary<S extends Summary>(s: S): S {
  return withText(s, (summary) => {
    // A summary is a plain object its owner may edit; a broken one still prints its kind.
    try {
      return summaryLine(summary);
    } catch {
      return String(summary.kind);
    }
  });
}
