import { CxMetricsError } from './errors.ts';

// The one check every options object of every export goes through: `undefined` means the
// defaults; anything that is not a plain object is INVALID_OPTION; a key the function does not
// know is INVALID_OPTION naming it and the closest valid name, so `{ weight: w }` or
// `{ confidance: 0.9 }` fails instead of being silently ignored.

/** Whether x is a plain object: `{…}` or `Object.create(null)`, not an array, Date, Map or class instance. @internal */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object') return false;
  try {
    const proto = Object.getPrototypeOf(x);
    return proto === Object.prototype || proto === null;
  } catch {
    return false; // a proxy whose getPrototypeOf trap throws is not a plain object
  }
}

/**
 * Check an options object: `undefined` is `{}`; anything else must be a plain object whose own
 * enumerable keys are all in `allowed`. `what` names the object in messages (`'options'`,
 * `'businessHours'`, `'scale'`). Returns the object itself (never copied, never mutated).
 * @internal
 */
export function checkOptions<T extends object>(
  fn: string,
  options: T | undefined,
  allowed: readonly string[],
  what = 'options',
): Partial<T> {
  if (options === undefined) return {};
  if (!isPlainObject(options)) {
    throw new CxMetricsError(
      'INVALID_OPTION',
      `${fn}: ${what} must be a plain object ({ … }) or left out, got ${describeOption(options)}`,
      { value: options },
    );
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw unknownOption(fn, key, allowed, what);
  }
  return options as Partial<T>;
}

/** The INVALID_OPTION error for an unknown key, with the closest valid name when one is close. @internal */
export function unknownOption(fn: string, key: string, allowed: readonly string[], what = 'options'): CxMetricsError {
  const guess = closestName(key, allowed);
  const where = what === 'options' ? 'option' : `${what} option`;
  const hint =
    guess !== undefined
      ? `; did you mean '${guess}'?`
      : allowed.length > 0
        ? `; expected one of ${allowed.map((a) => `'${a}'`).join(', ')}`
        : '; this function takes no options';
  return new CxMetricsError('INVALID_OPTION', `${fn}: unknown ${where} '${printableKey(key)}'${hint}`, {
    value: key,
  });
}

/**
 * The valid name closest to `key`: case-insensitive optimal string alignment distance at most
 * max(1, ⌊length/3⌋), or `key` being a prefix or an extension of it (`weight` → `weights`,
 * `businessHour` → `businessHours`). Ties go to the first name in `allowed`. @internal
 */
export function closestName(key: string, allowed: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of allowed) {
    const n = name.toLowerCase();
    let d = editDistance(k, n, bestDistance);
    if ((n.startsWith(k) || k.startsWith(n)) && Math.min(k.length, n.length) >= 3) d = Math.min(d, 1);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(key.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  if (a.length > 64 || b.length > 64) return a === b ? 0 : cap;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (previous2[j - 2] as number) + 1);
      }
      current.push(d);
    }
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

function printableKey(key: string): string {
  const short = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  // Control characters and quotes shown escaped, so a hostile key cannot garble the message.
  return JSON.stringify(short).slice(1, -1);
}

function describeOption(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return `the string ${JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x)}`;
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return `${typeof x} ${String(x)}`;
  if (typeof x === 'object') {
    let name: unknown;
    try {
      name = (Object.getPrototypeOf(x) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    } catch {
      // A hostile proxy or getter: describe it without its name.
    }
    return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object with a prototype';
  }
  return `a ${typeof x}`;
}
