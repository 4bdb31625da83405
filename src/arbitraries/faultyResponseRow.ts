import * as fc from 'fast-check';
import { type Format, integerCell, perFormat } from './cells.ts';
import { badNumber, type Fault, faultyRowIn, renamed, shown, spoil, unreadableTime } from './faults.ts';
import { type Questionnaire, questionnaire, responseRowIn } from './responseRow.ts';
import type { FaultyRow, ResponseRowOptions } from './types.ts';

const NOT_TYPES = ['rating', 'survey', 'nss', 'csi', 'promoter'];
const NOT_STAGES = ['post-sale', 'stage 9', 'unknown stage', 'checkout-flow'];

function faults(q: Questionnaire): Fault[] {
  const range = (row: { type?: unknown }) => q.ranges[row.type as 'nps' | 'csat' | 'ces'];
  const stages = new Set(q.stages.map((s) => s.toLowerCase()));
  const notStages = NOT_STAGES.filter((s) => !stages.has(s));
  const list: Fault[] = [
    (row) =>
      fc
        .constantFrom(...NOT_TYPES)
        .map((cell) => spoil(row, 'type', cell, `type '${cell}' is not 'nps', 'csat' or 'ces'`)),
    unreadableTime('submittedAt'),
    // Off the scale: below min or above max, as the row's format writes an integer.
    (row, format: Format) => {
      const { min, max } = range(row);
      return fc
        .oneof(fc.integer({ min: min - 5, max: min - 1 }), fc.integer({ min: max + 1, max: max + 5 }))
        .chain((n) => integerCell(format, n))
        .map((cell) => spoil(row, 'score', cell, `score ${shown(cell)} is off the ${min}–${max} ${row.type} scale`));
    },
    // On the scale but not a whole point.
    (row, format: Format) => {
      const { min, max } = range(row);
      return fc
        .integer({ min, max: max - 1 })
        .map((n) => (format === 'json' ? n + 0.5 : `${n}.5`))
        .map((cell) => spoil(row, 'score', cell, `score ${shown(cell)} is not a whole point`));
    },
    badNumber('score', ['ten', '9/10', '5 stars', '4,5'], 'not a score'),
    badNumber('weight', ['-1', '-0.5', 'heavy', '1,5'], 'not a weight ≥ 0'),
  ];
  if (notStages.length > 0) {
    list.push((row) =>
      fc
        .constantFrom(...notStages)
        .map((cell) => spoil(row, 'journeyStage', cell, `journeyStage '${cell}' is not one of the stages`)),
    );
  }
  return list;
}

/**
 * A fast-check arbitrary of survey-response rows with exactly one fault each, and the field path
 * `parseResponses` must report for it: `{ row, path, fault }`. The row is a `responseRow` (same
 * options) with one cell spoiled: an unknown `type`; an unreadable `submittedAt` ('05/01/2026',
 * '2026-02-30', …); a `score` off its type's scale, not a whole point or not a number; a
 * negative or non-numeric `weight`; or a `journeyStage` that is not one of the stages. Parsing
 * the row alone gives exactly one error, at `path`. Needs the optional peer dependency fast-check
 * (4.x).
 *
 * @param options - as for `responseRow`: `format`, `types`, `csatScale`, `cesScale`, `journeyStages`,
 *   `timestampUnit`, `timeZone`, `columns` (a fault's `path` stays the field's)
 * @returns an arbitrary of `{ row, path, fault }`
 * @throws CxMetricsError INVALID_OPTION for an unknown option, a bad format, type list, scale, stage
 *   list, unit, time zone or column mapping
 * @example
 * const [{ row, path }] = fc.sample(faultyResponseRow(), { numRuns: 1, seed: 9 })
 * const { errors } = parseResponses([row])
 * errors.length // => 1
 * errors[0].path // => path
 */
export function faultyResponseRow(options?: ResponseRowOptions): fc.Arbitrary<FaultyRow> {
  const q = questionnaire('faultyResponseRow', options);
  const list = faults(q);
  return renamed(
    perFormat(q.formats, (format) => faultyRowIn(responseRowIn(q, format), format, list)),
    q.columns,
  );
}
