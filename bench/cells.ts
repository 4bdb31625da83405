/**
 * Hostile cells: how long the parsers take to answer a 1 MiB numeric or date cell, against the
 * regex the numeric scanner replaced, on the TypeScript source: `npx tsx bench/cells.ts`.
 *
 * The old decimal regex backtracks quadratically on a long run of digits that fails at the end
 * (measured here on 5 000 to 40 000 digits; 1 MiB took minutes), the scanner and the ISO pattern
 * are linear. Not a test: nothing here asserts (test/schemas/cells.test.ts and
 * test/time/timestamp.test.ts check the answers).
 */
import { cellToNumber } from '../src/schemas/cells.ts';
import { parseTickets } from '../src/schemas/index.ts';
import { parseTimestamp } from '../src/time/timestamp.ts';

const OLD_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MIB = 1024 * 1024;

function time(label: string, run: () => unknown): void {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(58)} ${ms.toFixed(2).padStart(9)} ms  → ${String(result).slice(0, 20)}`);
}

for (const n of [5_000, 10_000, 20_000, 40_000]) {
  const cell = `${'1'.repeat(n)}x`;
  time(`old regex, ${n} digits then 'x'`, () => OLD_DECIMAL.test(cell));
}
const digits = `${'1'.repeat(MIB)}x`;
time("cellToNumber, 1 MiB of digits then 'x'", () => cellToNumber(digits) === digits);
time(
  'parseTickets, a 1 MiB agentReplies cell',
  () => parseTickets([{ id: 'T', createdAt: '2026-05-01', agentReplies: digits }]).errors.length,
);
time("parseTimestamp, a date with a 1 MiB fraction then 'x'", () =>
  parseTimestamp(`2026-05-01T10:30:00.${'1'.repeat(MIB)}x`),
);
time('parseTimestamp, 1 MiB of digits', () => parseTimestamp('2'.repeat(MIB), { unit: 's' }));
time(
  'parseTickets, a 1 MiB createdAt cell',
  () => parseTickets([{ id: 'T', createdAt: '2026-05-01'.repeat(MIB / 10) }]).errors.length,
);
