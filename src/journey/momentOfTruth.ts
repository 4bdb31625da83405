import { adjustPValues, type PAdjustMethod } from '../analysis/adjustPValues.ts';
import type { CesResult } from '../metrics/ces.ts';
import type { Difference } from '../types.ts';
import type { MomentOfTruth, ScoreboardCell } from './scoreboardTypes.ts';

// The moment of truth of a journey scoreboard: the cell whose stage differs most from the rest,
// after adjusting every cell's p-value across the whole scoreboard.

const NPS_RANGE = 200;

/** The range of a metric's vsRest: NPS 200 points, CSAT's share 1, CES the scale's max − min. */
function rangeOf(cell: ScoreboardCell): number {
  if (cell.metric === 'nps') return NPS_RANGE;
  if (cell.metric === 'csat') return 1;
  const scale = (cell.estimate as CesResult).scale;
  return scale.max - scale.min;
}

function directionOf(cell: ScoreboardCell, difference: number): 'better' | 'worse' {
  const lowerIsBetter = cell.metric === 'ces' && (cell.estimate as CesResult).scale.direction === 'lower-is-easier';
  return difference > 0 !== lowerIsBetter ? 'better' : 'worse';
}

export function momentOfTruth(
  cells: ScoreboardCell[],
  noun: string,
  adjust: PAdjustMethod,
  level: number,
): { moment: MomentOfTruth | null; reason: string } {
  const tested = cells.filter((c) => c.pValue !== null && c.vsRest !== null && c.estimate !== null);
  const columns = new Set(tested.map((c) => c.metric)).size;
  if (tested.length === 0) {
    return {
      moment: null,
      reason: `none: no ${noun} could be compared with the rest (fewer than two ${noun}s with answers)`,
    };
  }
  const adjusted = adjustPValues(
    tested.map((c) => c.pValue as number),
    { method: adjust },
  );
  let best: MomentOfTruth | null = null;
  tested.forEach((c, j) => {
    const p = adjusted[j] as number;
    if (!(p < level)) return;
    const d = c.vsRest as Difference;
    if (d.difference === 0) return;
    const share = Math.abs(d.difference) / rangeOf(c);
    const direction = directionOf(c, d.difference);
    // Ties (two stages are always equally far from each other) go to the smaller adjusted
    // p-value, then to the stage worse than the rest (where customers are lost), then the earlier.
    const b = best as MomentOfTruth | null;
    if (
      b === null ||
      share > b.share ||
      (share === b.share &&
        (p < b.adjustedPValue || (p === b.adjustedPValue && direction === 'worse' && b.direction === 'better')))
    ) {
      best = {
        stage: c.stage,
        metric: c.metric,
        vsRest: d,
        share,
        direction,
        adjustedPValue: p,
      };
    }
  });
  const family = `${tested.length} comparisons of a ${noun} with the rest (${columns} metric${columns === 1 ? '' : 's'}), ${adjust}-adjusted together`;
  if (best === null) {
    return {
      moment: null,
      reason: `none: no ${noun} differs from the rest at level ${level} after adjusting the ${family}`,
    };
  }
  const m = best as MomentOfTruth;
  return {
    moment: m,
    reason: `the largest difference from the rest, as a share of the metric's range, among the cells below level ${level} after adjusting the ${family}`,
  };
}
