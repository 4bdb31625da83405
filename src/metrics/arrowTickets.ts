import { CxMetricsError } from '../errors.ts';
import type { ArrowTable } from './arrowColumn.ts';
import { type ArrowColumnKind, arrowCells, arrowIds, arrowTableColumn, arrowTimes } from './arrowTable.ts';
import { missingTime, type TicketRecord, type TicketSource, type TicketTimeField, ticketLabel } from './tickets.ts';

// Tickets as the columns of an Arrow table (a DuckDB or Polars result, an IPC file): each column
// the metric reads, named as the record field, read once into an array; the metrics loop over
// them through the same TicketSource as over records.

/** A column a metric reads: the record field it stands for, and whether the table may lack it. @internal */
export interface TicketColumn {
  field: keyof TicketRecord;
  optional?: boolean;
}

const KINDS: Record<keyof TicketRecord, ArrowColumnKind> = {
  id: 'id',
  customerId: 'id',
  createdAt: 'time',
  firstResponseAt: 'time',
  resolvedAt: 'time',
  reopenedAt: 'time',
  reopens: 'count',
  agentReplies: 'count',
  customerContacts: 'count',
  channel: 'id',
  firstContactResolved: 'flag',
};

// The instants a Date can hold (±10⁸ days around 1970): a Timestamp in seconds can name more.
const MAX_DATE_MS = 8.64e15;

/**
 * The columns `columns` of an Arrow table of tickets as a TicketSource; `id`, when the table has
 * it, labels messages. Missing columns are INVALID_OPTION, columns of the wrong type
 * INVALID_VALUE, both naming the column; no rows is EMPTY_INPUT. @internal
 */
export function arrowTickets(fn: string, table: ArrowTable, columns: readonly TicketColumn[]): TicketSource {
  const times: Partial<Record<keyof TicketRecord, Float64Array>> = {};
  const cells: Partial<Record<keyof TicketRecord, unknown[]>> = {};
  for (const { field, optional } of columns) {
    const column = arrowTableColumn(fn, table, field, KINDS[field], optional);
    if (column === undefined) continue;
    if (KINDS[field] === 'time') times[field] = arrowTimes(column);
    else cells[field] = arrowCells(column);
  }
  if (table.numRows === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: needs at least one ticket (row)`);
  const ids = arrowIds(fn, table);
  const label = (index: number) => ticketLabel(ids === undefined ? undefined : { id: ids[index] }, index);
  return {
    length: table.numRows,
    value(field, index) {
      const t = times[field];
      if (t !== undefined) return Number.isNaN(t[index]) ? null : t[index];
      return cells[field]?.[index];
    },
    time(fn, field: TicketTimeField, index, required) {
      const ms = times[field]?.[index];
      if (ms === undefined || Number.isNaN(ms)) {
        if (required) throw missingTime(fn, label(index), index, field, null);
        return undefined;
      }
      if (!(Math.abs(ms) <= MAX_DATE_MS)) {
        throw new CxMetricsError(
          'INVALID_VALUE',
          `${fn}: ${label(index)}: ${field} is ${ms} ms from 1970, outside the range of a Date (±8.64e15 ms)`,
          { index, value: ms },
        );
      }
      return ms;
    },
    label,
  };
}
