import { percent } from '../format/printable.ts';
import type { FunnelResult } from './funnel.ts';

/** One readable line: the end-to-end conversion and each step's. @internal */
export function funnelText(f: FunnelResult): string {
  const path = f.stages.map((s) => s.stage).join(' → ');
  const e = f.endToEnd.conversion;
  const head =
    e === null
      ? `all ${f.endToEnd.pending} pending`
      : `end-to-end ${percent(e.value)} [${percent(e.lower)}, ${percent(e.upper)}] (${e.method}, ${Math.round(e.confidence * 1000) / 10}%, n=${e.n}${f.endToEnd.pending > 0 ? `, ${f.endToEnd.pending} pending` : ''})`;
  const steps = f.steps.map((s) => (s.conversion === null ? '–' : percent(s.conversion.value))).join(', ');
  const codes = [...new Set(f.warnings.map((w) => w.code))];
  return `Funnel ${path}: ${head}; steps ${steps}${codes.length > 0 ? ` ⚠ ${codes.join(', ')}` : ''}`;
}
