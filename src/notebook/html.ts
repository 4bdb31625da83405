import type { Block, CohortBlock, Figure } from '../format/figures.ts';
import { confidenceLabel, count, formatters, signed } from '../format/numbers.ts';
import type { CxWarning } from '../types.ts';

// The text/html view: a compact table with the interval drawn as an inline SVG bar. Inline styles
// only (notebook front ends drop <style> and classes from untrusted output), everything escaped.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and quoted attribute values. @internal */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Width and height of the interval bar in CSS pixels. @internal */
export const BAR = { width: 120, height: 14, pad: 4 } as const;

/** The axis of a bar: the range [min, max] it maps onto its width. @internal */
export interface Domain {
  min: number;
  max: number;
}

/**
 * The shared axis of figures that are comparable (same label and scale): the range of their
 * finite values and bounds, with the reference (0 for differences) included. @internal
 */
export function domainOf(figures: readonly Figure[]): Domain | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const f of figures) {
    for (const x of [f.value, f.lower, f.upper, f.reference]) {
      if (x === undefined || !Number.isFinite(x)) continue;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  if (min > max) return undefined;
  if (min === max) {
    const spread = min === 0 ? 1 : Math.abs(min) / 10;
    return { min: min - spread, max: max + spread };
  }
  return { min, max };
}

/** Pixel position of x on the bar, within [pad, width − pad]; halves avoid overflow near ±1e308. */
function position(x: number, d: Domain): number {
  const span = d.max / 2 - d.min / 2;
  let t = span > 0 ? (x / 2 - d.min / 2) / span : 0.5;
  if (x === Number.NEGATIVE_INFINITY) t = 0;
  if (x === Number.POSITIVE_INFINITY) t = 1;
  if (!(t >= 0)) t = 0;
  if (t > 1) t = 1;
  return Math.round((BAR.pad + t * (BAR.width - 2 * BAR.pad)) * 100) / 100;
}

/**
 * The interval as an inline SVG: a faint axis, the interval as a bar, the value as a tick, and a
 * dashed line at the reference (0 for a difference) when it is on the axis. Positions are clamped
 * to the bar, so an infinite bound runs to its edge. @internal
 */
export function intervalBar(f: Figure, d: Domain | undefined, text: string): string {
  const { width, height } = BAR;
  const mid = height / 2;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(text)}" style="vertical-align:middle">`,
    `<title>${escapeHtml(text)}</title>`,
    `<line x1="0" y1="${mid}" x2="${width}" y2="${mid}" stroke="#ddd" stroke-width="1"/>`,
  ];
  if (d !== undefined) {
    if (f.reference !== undefined && f.reference >= d.min && f.reference <= d.max) {
      const x = position(f.reference, d);
      parts.push(`<line x1="${x}" y1="0" x2="${x}" y2="${height}" stroke="#888" stroke-dasharray="2,2"/>`);
    }
    if (!Number.isNaN(f.lower) && !Number.isNaN(f.upper)) {
      const a = position(Math.min(f.lower, f.upper), d);
      const b = position(Math.max(f.lower, f.upper), d);
      const w = Math.max(1, Math.round((b - a) * 100) / 100);
      const x = Math.min(a, width - w);
      parts.push(`<rect x="${x}" y="${mid - 4}" width="${w}" height="8" rx="2" fill="#4c78a8" fill-opacity="0.4"/>`);
    }
    if (Number.isFinite(f.value)) {
      const x = Math.min(Math.max(position(f.value, d) - 1, 0), width - 2);
      parts.push(`<rect x="${x}" y="1" width="2" height="${height - 2}" fill="#1f3a5f"/>`);
    }
  }
  parts.push('</svg>');
  return parts.join('');
}

const CELL = 'padding:2px 8px;border-bottom:1px solid #eee;vertical-align:top';
const NUM = `${CELL};text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap`;
const HEAD = 'padding:2px 8px;border-bottom:1px solid #bbb;font-weight:600';

function warningsHtml(warnings: readonly CxWarning[]): string {
  return warnings
    .map(
      (w) =>
        `<div style="color:#8a4b00"><span style="font-weight:600">${escapeHtml(w.code)}</span>: ${escapeHtml(w.message)}</div>`,
    )
    .join('');
}

const domainKey = (f: Figure) => `${f.scale.kind}\u0000${f.scale.kind === 'time' ? f.scale.unit : ''}\u0000${f.label}`;

function figuresTable(figures: readonly Figure[]): string {
  const byKey = new Map<string, Figure[]>();
  for (const f of figures) {
    const list = byKey.get(domainKey(f)) ?? [];
    list.push(f);
    byKey.set(domainKey(f), list);
  }
  const domains = new Map([...byKey].map(([k, list]) => [k, domainOf(list)]));
  const hasGroup = figures.some((f) => f.group !== undefined);
  const hasNote = figures.some((f) => f.note !== undefined && f.note !== '');
  const hasWarnings = figures.some((f) => f.warnings.length > 0);
  const head = [
    hasGroup ? `<th style="${HEAD};text-align:left"></th>` : '',
    `<th style="${HEAD};text-align:left"></th>`,
    `<th style="${HEAD};text-align:right">value</th>`,
    `<th style="${HEAD};text-align:center">interval</th>`,
    `<th style="${HEAD};text-align:right">n</th>`,
    `<th style="${HEAD};text-align:left">method</th>`,
    hasNote ? `<th style="${HEAD};text-align:left">details</th>` : '',
    hasWarnings ? `<th style="${HEAD};text-align:left">warnings</th>` : '',
  ].join('');
  const rows = figures.map((f) => {
    const format = formatters(f.scale, f.value, f.lower, f.upper);
    const value = f.signed ? signed(format(f.value)) : format(f.value);
    const interval = `[${format(f.lower)}, ${format(f.upper)}]`;
    const conf = f.confidence === undefined ? '' : ` ${confidenceLabel(f.confidence)}`;
    const method = [f.method ?? '', ...f.details].filter((s) => s !== '').join(', ');
    const label =
      f.depth > 0 ? `<span style="padding-left:${12 * f.depth}px">${escapeHtml(f.label)}</span>` : escapeHtml(f.label);
    return [
      '<tr>',
      hasGroup ? `<td style="${CELL};font-weight:600">${escapeHtml(f.group ?? '')}</td>` : '',
      `<td style="${CELL}">${label}</td>`,
      `<td style="${NUM};font-weight:600">${escapeHtml(value)}</td>`,
      `<td style="${NUM}">${intervalBar(f, domains.get(domainKey(f)), `${interval}${conf}`)} ${escapeHtml(interval)}</td>`,
      `<td style="${NUM}">${f.n === undefined ? '' : escapeHtml(count(f.n))}</td>`,
      `<td style="${CELL}">${escapeHtml(method)}${escapeHtml(conf)}</td>`,
      hasNote ? `<td style="${CELL}">${escapeHtml(f.note ?? '')}</td>` : '',
      hasWarnings ? `<td style="${CELL}">${warningsHtml(f.warnings)}</td>` : '',
      '</tr>',
    ].join('');
  });
  return `<table style="border-collapse:collapse"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function cohortTable(b: CohortBlock): string {
  const periods = Math.max(0, ...b.rows.map((r) => r.cells.length));
  const share = formatters({ kind: 'share' }, 0, 0, 1);
  const title = `${b.group === undefined ? '' : `${b.group}: `}Cohort retention by ${b.period} (n=${count(b.n)}${b.asOf === '' ? '' : `, as of ${b.asOf.slice(0, 10)}`})`;
  const head = [
    `<th style="${HEAD};text-align:left">cohort</th>`,
    `<th style="${HEAD};text-align:right">n</th>`,
    ...Array.from({ length: periods }, (_, k) => `<th style="${HEAD};text-align:right">${k}</th>`),
  ].join('');
  const rows = b.rows.map((row) => {
    const cells = Array.from({ length: periods }, (_, k) => {
      const cell = row.cells[k];
      if (cell === undefined) return `<td style="${NUM}"></td>`;
      const e = cell.retained;
      const v = Number.isFinite(e.value) ? Math.min(1, Math.max(0, e.value)) : 0;
      const tip = `${cell.active === undefined ? '' : `${count(cell.active)} of ${count(row.size)} active; `}${share(e.lower)} to ${share(e.upper)} (${e.method}, ${confidenceLabel(e.confidence)})`;
      const colour = v > 0.6 ? '#fff' : '#000';
      return `<td style="${NUM};background:rgba(76,120,168,${Math.round(v * 90) / 100});color:${colour}" title="${escapeHtml(tip)}">${escapeHtml(share(e.value))}</td>`;
    });
    return `<tr><td style="${CELL}">${escapeHtml(row.cohort)}</td><td style="${NUM}">${escapeHtml(count(row.size))}</td>${cells.join('')}</tr>`;
  });
  return [
    `<div style="font-weight:600;margin:4px 0">${escapeHtml(title)}</div>`,
    `<table style="border-collapse:collapse"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    b.warnings.length === 0 ? '' : warningsHtml(b.warnings),
  ].join('');
}

/** The text/html view of display blocks: consecutive figures share one table. @internal */
export function blocksHtml(blocks: readonly Block[]): string {
  const out: string[] = [];
  let run: Figure[] = [];
  const flush = () => {
    if (run.length > 0) out.push(figuresTable(run));
    run = [];
  };
  for (const b of blocks) {
    if (b.type === 'figure') {
      run.push(b);
      continue;
    }
    flush();
    const group = b.group === undefined ? '' : `<span style="font-weight:600">${escapeHtml(b.group)}</span>: `;
    if (b.type === 'cohort') out.push(cohortTable(b));
    else if (b.type === 'warnings') out.push(`<div>${group}${warningsHtml(b.warnings)}</div>`);
    else out.push(`<div>${group}<code style="white-space:pre-wrap">${escapeHtml(b.text)}</code></div>`);
  }
  flush();
  return `<div class="cx-metrics" style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px;line-height:1.4">${out.join('')}</div>`;
}
