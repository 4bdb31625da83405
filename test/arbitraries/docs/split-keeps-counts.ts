import fc from 'fast-check';
import { expect, test } from 'vitest';
import { faultyResponseRow, responseRow } from '../../../src/arbitraries/index.ts';
import { mergeSummaries, summarize } from '../../../src/index.ts';
import { ingest } from './pipeline.ts';

const npsCounts = (rows: readonly unknown[]) =>
  summarize(
    'nps',
    ingest(rows).responses.filter((r) => r.type === 'nps'),
    { accessor: 'score' },
  );

test('loading an export in two parts gives the counts of loading it whole', () => {
  const faultyRow = faultyResponseRow().map((faulty) => faulty.row);
  const exportRows = fc.array(fc.oneof(responseRow(), faultyRow), { maxLength: 40 });
  fc.assert(
    fc.property(exportRows, fc.nat(), (rows, at) => {
      const cut = at % (rows.length + 1);
      const [first, second] = [rows.slice(0, cut), rows.slice(cut)];
      expect(mergeSummaries(npsCounts(first), npsCounts(second))).toEqual(npsCounts(rows));
      expect(ingest(first).rejected.length + ingest(second).rejected.length).toBe(ingest(rows).rejected.length);
      expect(ingest(first).responses.length + ingest(second).responses.length).toBe(ingest(rows).responses.length);
    }),
    { seed: 4 },
  );
});
