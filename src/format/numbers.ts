// Number formatting for the text and HTML views. Every function here accepts any number
// (NaN and ±Infinity included) and never throws: display code must not fail on odd results.

/** How the numbers of a figure are printed and which bar group it shares an axis with. @internal */
export type Scale =
  | { kind: 'points' } // NPS-style points, one decimal
  | { kind: 'share' } // a proportion 0…1, printed as a percentage
  | { kind: 'pp' } // a difference of proportions, printed in percentage points
  | { kind: 'number' } // anything else: decimals from the interval's width
  | { kind: 'duration' } // milliseconds, printed in a readable unit
  | { kind: 'time'; unit: string }; // a time in a named unit (Kaplan–Meier, retention tenure)

/** A number with `digits` decimals; −0 prints as 0, ±Infinity as ±∞, NaN as NaN. @internal */
export function fixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '-∞';
  const d = Math.min(20, Math.max(0, Math.round(Number.isFinite(digits) ? digits : 0)));
  const s = x.toFixed(d);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/**
 * Decimals that show an interval to about three significant digits of its width; from the
 * value's magnitude when the width is 0 or not finite. Between 0 and 6. @internal
 */
export function decimalsFor(value: number, lower: number, upper: number): number {
  const width = Math.abs(upper - lower);
  let d: number;
  if (Number.isFinite(width) && width > 0) d = 2 - Math.floor(Math.log10(width));
  else if (Number.isFinite(value) && value !== 0) d = 3 - Math.floor(Math.log10(Math.abs(value)));
  else d = 2;
  return Number.isFinite(d) ? Math.min(6, Math.max(0, d)) : 0;
}

/** A sample size: whole numbers as they are, an effective (weighted) n with one decimal. @internal */
export function count(n: number): string {
  return Number.isInteger(n) ? String(n) : fixed(n, 1);
}

/** A confidence level as a percentage: 0.95 → `95%`, 0.975 → `97.5%`. @internal */
export function confidenceLabel(confidence: number): string {
  if (!Number.isFinite(confidence)) return `${fixed(confidence, 0)}`;
  return `${Number((100 * confidence).toFixed(4))}%`;
}

/** A p-value: `p < 0.001`, three decimals below 0.01, else two. @internal */
export function pValueLabel(p: number): string {
  if (!Number.isFinite(p)) return `p=${fixed(p, 0)}`;
  if (p < 0.001) return 'p < 0.001';
  return `p=${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

const DURATION_UNITS: readonly [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
];

/** The unit a duration of `ms` milliseconds reads best in: ms, s, min, h or d. @internal */
export function durationUnit(ms: number): [string, number] {
  const a = Math.abs(ms);
  if (!Number.isFinite(a)) return ['h', 3_600_000];
  // Up to two days read best in hours ("36.0 h"), beyond in days.
  if (a >= 2 * 86_400_000) return DURATION_UNITS[0] as [string, number];
  for (const unit of DURATION_UNITS.slice(1)) if (a >= unit[1]) return unit;
  return ['ms', 1];
}

/**
 * Formatters for the value and both bounds of one figure, all with the same decimals and unit.
 * @internal
 */
export function formatters(scale: Scale, value: number, lower: number, upper: number): (x: number) => string {
  switch (scale.kind) {
    case 'points':
      return (x) => fixed(x, 1);
    case 'share':
      return (x) => (Number.isFinite(x) ? `${fixed(100 * x, 1)}%` : fixed(x, 0));
    case 'pp':
      return (x) => (Number.isFinite(x) ? `${fixed(100 * x, 1)} pp` : fixed(x, 0));
    case 'duration': {
      const anchor = Number.isFinite(value) ? value : Number.isFinite(lower) ? lower : upper;
      const [unit, size] = durationUnit(anchor);
      const digits = unit === 'ms' ? 0 : 1;
      return (x) => (Number.isFinite(x) ? `${fixed(x / size, digits)} ${unit}` : fixed(x, 0));
    }
    case 'time': {
      // Times are often whole days or whole units of a test fixture: print them as such.
      const whole = [value, lower, upper].every((x) => !Number.isFinite(x) || Number.isInteger(x));
      const d = whole ? 0 : decimalsFor(value, lower, upper);
      const suffix = scale.unit === '' ? '' : ` ${scale.unit}`;
      return (x) => (Number.isFinite(x) ? `${fixed(x, Math.min(d, 2))}${suffix}` : fixed(x, 0));
    }
    default: {
      const d = decimalsFor(value, lower, upper);
      return (x) => fixed(x, d);
    }
  }
}

/** Like `formatters(...)` but a value printed with an explicit sign (`+4.1`), for differences. @internal */
export function signed(text: string): string {
  return text.startsWith('-') || /^0(\.0*)?( |%|$)/.test(text) ? text : `+${text}`;
}
