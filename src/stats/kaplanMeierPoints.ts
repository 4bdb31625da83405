import { completeBand, type KaplanMeierCurve, type KaplanMeierPoint } from './kaplanMeier.ts';

// The points of a Kaplan–Meier result, made from the engine's typed columns only when someone
// reads them. Building one object per distinct time cost five times the sort the estimate itself
// needs (1e6 times: 8 doubles per object, and the collector's work on them), and most callers
// (the median, a quantile, a summary) never look at the points.
//
// `points` is an enumerable own accessor until its first read, then an ordinary data property
// holding a plain array of plain objects: JSON.stringify, structuredClone, spreading,
// Object.keys/entries and deep equality all read it through [[Get]], so they see exactly the
// data an eager array held (in the same key order). Until then the columns are kept (in a
// WeakMap, not on the result), and kaplanMeierQuantile reads them directly; once the points
// exist they are the caller's data (they may be edited), and the columns are let go.

/** The curve a result still reads from, while its points have not been made. */
const pristine = new WeakMap<object, KaplanMeierCurve>();

/** One plain object per distinct time, from the curve's columns, in increasing time. @internal */
export function pointsOf(curve: KaplanMeierCurve): KaplanMeierPoint[] {
  completeBand(curve);
  const { time, atRisk, events, censored, survival, lower, upper, standardError } = curve;
  const m = time.length;
  // Pushed, not new Array(m): a large preallocated array is held in slow (dictionary) mode.
  const points: KaplanMeierPoint[] = [];
  for (let k = 0; k < m; k++) {
    points.push({
      time: time[k] as number,
      atRisk: atRisk[k] as number,
      events: events[k] as number,
      censored: censored[k] as number,
      survival: survival[k] as number,
      lower: lower[k] as number,
      upper: upper[k] as number,
      standardError: standardError[k] as number,
    });
  }
  return points;
}

/**
 * Give `result` an enumerable `points` that is made from `curve` on first read and is a plain
 * data property from then on (assigning to it before that works too). On a result frozen before
 * the first read, the accessor stays, returns the same array every time and refuses writes.
 * Returns `result`.
 * @internal
 */
export function withLazyPoints<T extends { points: KaplanMeierPoint[] }>(result: T, curve: KaplanMeierCurve): T {
  let made: KaplanMeierPoint[] | undefined;
  // Dropped once the points exist, so that the columns can be collected (a frozen result keeps
  // its accessor, and the accessor would otherwise keep them).
  let columns: KaplanMeierCurve | undefined = curve;
  const settle = (points: KaplanMeierPoint[]): KaplanMeierPoint[] => {
    made = points;
    columns = undefined;
    pristine.delete(result);
    if (Object.getOwnPropertyDescriptor(result, 'points')?.configurable === true) {
      Object.defineProperty(result, 'points', { value: points, writable: true, enumerable: true, configurable: true });
    }
    return points;
  };
  // Redefining an existing key keeps its place in the key order (kind, points, median, …).
  Object.defineProperty(result, 'points', {
    enumerable: true,
    configurable: true,
    get: () => made ?? settle(pointsOf(columns as KaplanMeierCurve)),
    set: (points: KaplanMeierPoint[]) => {
      // As for a read-only data property: a frozen result refuses the write.
      if (Object.getOwnPropertyDescriptor(result, 'points')?.configurable !== true) {
        throw new TypeError("Cannot assign to read only property 'points' of a frozen kaplanMeier result");
      }
      settle(points);
    },
  });
  pristine.set(result, curve);
  return result;
}

/**
 * The columns behind `result` when its points have never been read (so nothing in it can have
 * been edited but its top-level fields); undefined otherwise, and for copies and parsed JSON.
 * @internal
 */
export function pristineCurve(result: object): KaplanMeierCurve | undefined {
  return pristine.get(result);
}
