import fc from 'fast-check';
import { expect, test } from 'vitest';
import { responseRow, scores } from '../../../src/arbitraries/index.ts';
import { nps } from '../../../src/index.ts';
import { parseResponses } from '../../../src/schemas/index.ts';
import { myNps, myNpsFromRows } from './pipeline.ts';

test('our NPS equals cx-metrics on any answers, skipped answers included', () => {
  fc.assert(
    fc.property(scores({ scale: 'nps', minLength: 1, skipped: true }), (answers) => {
      fc.pre(answers.some((a) => a !== null && a !== undefined));
      expect(myNps(answers)).toBeCloseTo(nps(answers).value, 9);
    }),
    { seed: 1 },
  );
});

test('our NPS from raw export rows equals cx-metrics on the parsed rows', () => {
  fc.assert(
    fc.property(fc.array(responseRow({ types: ['nps'] }), { minLength: 1, maxLength: 40 }), (rows) => {
      const { data } = parseResponses(rows);
      fc.pre(data.some((r) => r.score !== undefined));
      expect(myNpsFromRows(rows)).toBeCloseTo(nps(data, { accessor: 'score' }).value, 9);
    }),
    { seed: 2 },
  );
});
