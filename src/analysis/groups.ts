import { CxMetricsError } from '../errors.ts';
import { isPlainObject } from '../options.ts';
import { describe } from '../stats/validate.ts';

// Boundary checks shared by the analysis tests: a list of groups, each a plain object of counts or
// summary statistics; every error names the function, the group's index and the field at fault.

/** The groups as an array of plain objects, at least `min` of them. @internal */
export function readGroupList(fn: string, groups: unknown, min: number, what = 'groups'): Record<string, unknown>[] {
  if (!Array.isArray(groups)) {
    throw new CxMetricsError('INVALID_VALUE', `${fn}: ${what} is ${describe(groups)}; expected an array of groups`, {
      value: groups,
    });
  }
  if (groups.length === 0) throw new CxMetricsError('EMPTY_INPUT', `${fn}: no ${what}; expected at least ${min}`);
  if (groups.length < min) {
    throw new CxMetricsError(
      'INSUFFICIENT_DATA',
      `${fn}: ${groups.length} ${groups.length === 1 ? 'group' : 'groups'}; expected at least ${min}`,
      { value: groups.length },
    );
  }
  // An indexed loop, not forEach: forEach skips the holes of a sparse array, which then reached
  // the computation as undefined groups (a NaN pooled value). A hole is refused like undefined.
  for (let i = 0; i < groups.length; i++) {
    const g: unknown = groups[i];
    if (!isPlainObject(g)) {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: group at index ${i} is ${describe(g)}; expected an object`, {
        index: i,
        value: g,
      });
    }
  }
  return groups as Record<string, unknown>[];
}

/** A whole-number count field of group i. @internal */
export function groupCount(fn: string, g: Record<string, unknown>, i: number, key: string): number {
  const x = g[key];
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) {
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: group at index ${i} has ${key} ${describe(x)}; expected a whole number ≥ 0`,
      { index: i, value: x },
    );
  }
  return x;
}

/** A finite number field of group i. @internal */
export function groupNumber(fn: string, g: Record<string, unknown>, i: number, key: string, min?: number): number {
  const x = g[key];
  if (typeof x !== 'number' || !Number.isFinite(x) || (min !== undefined && x < min)) {
    const need = min === undefined ? 'a finite number' : `a finite number ≥ ${min}`;
    throw new CxMetricsError(
      'INVALID_VALUE',
      `${fn}: group at index ${i} has ${key} ${describe(x)}; expected ${need}`,
      {
        index: i,
        value: x,
      },
    );
  }
  return x;
}

/** "group 2", "groups 0, 3 and 5" (indices as given). @internal */
export function groupList(indices: readonly number[]): string {
  if (indices.length === 1) return `group ${indices[0]}`;
  const shown = indices.slice(0, 10).map(String);
  const more = indices.length > 10 ? ` and ${indices.length - 10} more` : '';
  if (more !== '') return `groups ${shown.join(', ')}${more}`;
  return `groups ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** A number for a message: at most 4 significant digits. @internal */
export function short(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}
