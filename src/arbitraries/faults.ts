// How the faulty-row arbitraries spoil one cell of a valid row. Internal to
// 'cx-metrics/arbitraries'. Every fault is one the parsers report as exactly one RowError on the
// faulted field, now and under any reading rule the library promises to keep: no epoch-seconds
// numbers, bare '+02' offsets or digit strings (their reading is the caller's choice), and no
// column left out (a parser may then report the missing column once for all rows).
import * as fc from 'fast-check';
import type { Columns, Format } from './cells.ts';
import { droppedFields, earlierTime, renameRow, UNREADABLE_TIMES } from './cells.ts';
import type { FaultyRow, RawCell, RawRow } from './types.ts';

/** A way to spoil a row: an arbitrary of faulty rows, or undefined when it does not apply to this row. */
export type Fault = (row: RawRow, format: Format) => fc.Arbitrary<FaultyRow> | undefined;

/** The row with `field` set to `cell` (and the `drop` columns left out). */
export function spoil(
  row: RawRow,
  field: string,
  cell: RawCell,
  fault: string,
  drop: readonly string[] = [],
): FaultyRow {
  const out: RawRow = { ...row, [field]: cell };
  for (const name of drop) delete out[name];
  return { row: out, path: [field], fault };
}

/** A cell as a fault message quotes it. */
export const shown = (cell: RawCell): string => (typeof cell === 'string' ? `'${cell}'` : JSON.stringify(cell));

/** Draw a row, then one of the faults that apply to it. */
export function faultyRowIn(
  rows: fc.Arbitrary<RawRow>,
  format: Format,
  faults: readonly Fault[],
): fc.Arbitrary<FaultyRow> {
  return rows.chain((row) => {
    const applicable = faults
      .map((fault) => fault(row, format))
      .filter((a): a is fc.Arbitrary<FaultyRow> => a !== undefined);
    return fc.oneof(...applicable);
  });
}

/** A required id left blank. */
export function blankId(field: string): Fault {
  return (row, format) =>
    fc
      .constantFrom<RawCell>(...(format === 'csv' ? ['', '  '] : ['', '  ', null]))
      .map((cell) => spoil(row, field, cell, `${field} is blank (${shown(cell)}); it is required`));
}

/** A time no parser reads. */
export function unreadableTime(field: string): Fault {
  return (row) =>
    fc
      .constantFrom(...UNREADABLE_TIMES)
      .map((cell) => spoil(row, field, cell, `${field} ${shown(cell)} is not a readable timestamp`));
}

/**
 * A time before the one it must follow (resolvedAt before createdAt). The row's other times that
 * follow `earlier` are left out, so the one order fault is the only one under any order rule.
 */
export function beforeTime(field: string, earlier: string, others: readonly string[]): Fault {
  return (row) =>
    earlierTime().map((cell) =>
      spoil(
        row,
        field,
        cell,
        `${field} ${shown(cell)} is before ${earlier}`,
        others.filter((name) => name !== field),
      ),
    );
}

/** Text that is no number at all, or a number written in a way the parsers refuse. */
export function badNumber(field: string, cells: readonly string[], what: string): Fault {
  return (row) =>
    fc.constantFrom(...cells).map((cell) => spoil(row, field, cell, `${field} ${shown(cell)} is ${what}`));
}

/**
 * Faulty rows under the export's column names; a fault on a field the mapping leaves without a
 * column is not drawn (the export cannot hold it). The path stays the field's: the parsers report
 * fields, and name the column in the message.
 */
export function renamed(faulty: fc.Arbitrary<FaultyRow>, columns: Columns | undefined): fc.Arbitrary<FaultyRow> {
  if (columns === undefined) return faulty;
  const dropped = droppedFields(columns);
  return faulty.filter((f) => !dropped.has(String(f.path[0]))).map((f) => ({ ...f, row: renameRow(f.row, columns) }));
}
