// file: pipeline.ts (a stand-in for your own code)
import { parseResponses, type SurveyResponse } from '../../../src/schemas/index.ts';

/** Your NPS: % promoters − % detractors among the answered, in points. */
export function myNps(answers: readonly (number | null | undefined)[]): number {
  const answered = answers.filter((a): a is number => a !== null && a !== undefined);
  const promoters = answered.filter((a) => a >= 9).length;
  const detractors = answered.filter((a) => a <= 6).length;
  return (100 * (promoters - detractors)) / answered.length;
}

/**
 * Your NPS straight from the raw export rows. A pipeline that reads a cell with `Number(cell)`
 * counts a blank cell as 0, a detractor: property 1 finds that at once.
 */
export function myNpsFromRows(rows: readonly Record<string, unknown>[]): number {
  const answers = rows
    .filter((row) => row.type === 'nps')
    .map((row) => row.score)
    .map((cell) => (typeof cell === 'string' ? (cell.trim() === '' ? undefined : Number(cell)) : cell))
    .filter((score): score is number => typeof score === 'number');
  return myNps(answers);
}

/** Your loader: the good responses, and every problem with its row and field. */
export function ingest(rows: readonly unknown[]): {
  responses: SurveyResponse[];
  rejected: { index: number; path: (string | number)[]; message: string }[];
} {
  const { data, errors } = parseResponses(rows);
  return { responses: data, rejected: errors };
}
