// 'cx-metrics/arbitraries': fast-check arbitraries for property tests in a user's CI. fast-check
// is an optional peer dependency: install it (`npm install --save-dev fast-check`) to use this
// subpath; nothing else in cx-metrics imports it. Re-exports only.
export { CxMetricsError } from '../errors.ts';
export { customerRow } from './customerRow.ts';
export { faultyCustomerRow } from './faultyCustomerRow.ts';
export { faultyResponseRow } from './faultyResponseRow.ts';
export { faultyTicketRow } from './faultyTicketRow.ts';
export { responseRow } from './responseRow.ts';
export { type ScaleName, type ScoresOptions, scores } from './scores.ts';
export { ticketRow } from './ticketRow.ts';
export type {
  FaultyRow,
  RawCell,
  RawRow,
  ResponseRowOptions,
  RowFormat,
  RowOptions,
  ScoreRange,
} from './types.ts';
