import fc from 'fast-check';
import { expect, test } from 'vitest';
import { faultyResponseRow, responseRow } from '../../../src/arbitraries/index.ts';
import { ingest } from './pipeline.ts';

test('every bad row of an export is reported, at its field, and no good row is lost', () => {
  const good = responseRow().map((row) => ({ row, path: undefined, fault: undefined }));
  const exportRows = fc.array(fc.oneof(good, faultyResponseRow()), { maxLength: 30 });
  fc.assert(
    fc.property(exportRows, (items) => {
      const { responses, rejected } = ingest(items.map((item) => item.row));
      const faulty = items.flatMap((item, index) => (item.path === undefined ? [] : [{ index, path: item.path }]));
      expect(rejected.map(({ index, path }) => ({ index, path }))).toEqual(faulty);
      expect(responses).toHaveLength(items.length - faulty.length);
    }),
    { seed: 3 },
  );
});
