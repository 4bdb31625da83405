// The types through which nps, csat and ces take their input. The reading itself is in
// scoreHistogram.ts.

/**
 * One survey answer: an integer score, or null/undefined when the question was skipped.
 *
 * @example
 * const answers: Score[] = [10, null, 7, undefined]
 * nps(answers).skipped // => 2
 */
export type Score = number | null | undefined;

/**
 * Property names of T whose values are scores (numbers, or null/undefined when skipped).
 *
 * @example
 * ces([{ effort: 7 }, { effort: 5 }], { accessor: 'effort' }).value // => 6
 */
export type ScoreKey<T> = { [K in keyof T]-?: T[K] extends number | null | undefined ? K : never }[keyof T];

/**
 * How a score is read from a record: the name of a numeric property, or a function.
 *
 * @example
 * nps([{ q: 10 }, { q: 3 }], { accessor: 'q' }).value // => 0
 * nps([{ answers: [10] }, { answers: [9] }], { accessor: (record) => record.answers[0] }).value // => 100
 */
export type ScoreAccessor<T> = ScoreKey<T> | ((record: T, index: number) => number | null | undefined);

/**
 * Input accepted by the survey metrics: scores (null/undefined = skipped), plain or typed arrays,
 * or records read with an `accessor`.
 *
 * @example
 * csat([5, null, undefined, 4]).skipped // => 2
 * csat(new Float64Array([5, 4, 1])).n // => 3
 */
export type ScoreInput<T = unknown> = ArrayLike<Score> | ArrayLike<T>;

/**
 * What nps, csat and ces do with a record whose survey `type` is another survey's ('csat' given
 * to nps, say): `'error'` (the default) refuses the input, naming the record; `'exclude'` leaves
 * such records out, counts them in the summary's `otherTypes` and says so in an OTHER_TYPES
 * warning. Answers of different surveys are never pooled.
 *
 * @example
 * const rows = [{ type: 'nps', score: 9 }, { type: 'csat', score: 5 }]
 * nps(rows, { accessor: 'score', otherTypes: 'exclude' }).warnings[0].code // => 'OTHER_TYPES'
 */
export type OtherTypes = 'error' | 'exclude';

/**
 * Options of nps, csat and ces that read records: the accessor and what to do with records of
 * another survey type.
 *
 * @example
 * const rows = [{ type: 'ces', effort: 6 }, { type: 'nps', effort: 9 }]
 * ces(rows, { accessor: 'effort', otherTypes: 'exclude' }).n // => 1
 */
export interface RecordOptions<T> {
  /** Read the score from records: a property name or a function `(record, index) => score`. */
  accessor: ScoreAccessor<T>;
  /**
   * Records whose `type` is another survey's ('nps', 'csat', 'ces', any case): `'error'`
   * (default) or `'exclude'` (left out, counted and warned). Other `type` values are not survey
   * types and are ignored.
   */
  otherTypes?: OtherTypes;
}
