import type { JourneyScoreboardResult, ScoreboardMetric } from './scoreboardTypes.ts';

// The one line a journey scoreboard prints as (String(result), the console, the notebook).

const METRIC_NAMES: Record<ScoreboardMetric, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

function signedFigure(metric: ScoreboardMetric, d: number): string {
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  const a = Math.abs(d);
  return metric === 'csat'
    ? `${sign}${(100 * a).toFixed(1)} pp`
    : metric === 'nps'
      ? `${sign}${a.toFixed(1)} points`
      : `${sign}${a.toFixed(2)}`;
}

export function scoreboardLine(r: JourneyScoreboardResult): string {
  const head = `Journey scoreboard by ${r.by} (${r.metrics.map((m) => METRIC_NAMES[m]).join(', ')}; ${r.stages.length} ${
    r.by === 'journeyStage' ? 'stages' : 'touchpoints'
  }, ${r.responses} responses)`;
  const m = r.momentOfTruth;
  if (m === null)
    return `${head}: no moment of truth (no ${r.by === 'journeyStage' ? 'stage' : 'touchpoint'} differs from the rest after adjustment)`;
  return `${head}: moment of truth ${m.stage} (${METRIC_NAMES[m.metric]} ${signedFigure(m.metric, m.vsRest.difference)} vs the rest, ${m.direction}, adjusted p = ${m.adjustedPValue.toPrecision(2)})`;
}
