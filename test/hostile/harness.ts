import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCxMetricsError } from '../../src/errors.ts';

// The hostile-input harness behind test/hostile/exports.test.ts (issue 9): every exported
// function of every package entry, called with a table of hostile arguments in its first, second
// and third positions, must return or throw a CxMetricsError; a returned result holds no NaN
// unless it carries a warning; no input is mutated.

const root = join(import.meta.dirname, '..', '..');

/**
 * The package entries, read from package.json "exports" so a new subpath is covered without
 * anyone adding it here: `.` is src/index.ts, `./x` is src/x/index.ts. Keys that name a file
 * (`./package.json`) are not code entries.
 */
export function entryFiles(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  return Object.keys(pkg.exports)
    .filter((key) => !/\.[a-z]+$/i.test(key))
    .map((key) => (key === '.' ? 'src/index.ts' : `src/${key.slice(2)}/index.ts`));
}

export interface Export {
  name: string;
  entry: string;
  fn: (...args: unknown[]) => unknown;
}

/**
 * Every exported function of every entry, once per function (the same function re-exported by
 * two entries is called once). The rule for what is skipped: a value that is not a function is a
 * constant (a list of method names, a zod schema, a symbol, a string) and has nothing to call; a
 * function whose source is a `class` is a constructor, which the language refuses to call without
 * `new` (a TypeError by design, not a boundary check of ours).
 */
export async function loadExports(): Promise<{
  exports: Export[];
  skipped: string[];
  namespace: Record<string, unknown>;
}> {
  const seen = new Map<unknown, Export>();
  const skipped: string[] = [];
  const namespace: Record<string, unknown> = {};
  for (const entry of entryFiles()) {
    const ns = (await import(join(root, entry))) as Record<string, unknown>;
    Object.assign(namespace, ns);
    for (const [name, value] of Object.entries(ns)) {
      if (typeof value !== 'function') {
        skipped.push(`${entry}:${name} (constant)`);
      } else if (/^class\b/.test(Function.prototype.toString.call(value))) {
        skipped.push(`${entry}:${name} (class)`);
      } else if (!seen.has(value)) {
        seen.set(value, { name, entry, fn: value as Export['fn'] });
      }
    }
  }
  return { exports: [...seen.values()].sort((a, b) => a.name.localeCompare(b.name)), skipped, namespace };
}

/** The error our hostile traps throw: the caller's own exception, allowed to pass through. */
export class HostileTrap extends Error {
  override name = 'HostileTrap';
}

function trap(): never {
  throw new HostileTrap('hostile getter');
}

// Library-owned values passed as valid arguments (a zod schema, which defines methods on itself
// lazily): not the caller's data, and freezing them would break the library for later calls.
const unfrozen = new WeakSet<object>();

/** Mark a library-owned value so that deepFreeze leaves it alone. */
export function libraryOwned<T>(x: T): T {
  if ((typeof x === 'object' || typeof x === 'function') && x !== null) unfrozen.add(x);
  return x;
}

/** Object.freeze, deeply (own properties, without calling getters); typed arrays cannot be frozen. */
export function deepFreeze<T>(x: T, seen = new Set<unknown>()): T {
  if ((typeof x !== 'object' && typeof x !== 'function') || x === null || seen.has(x)) return x;
  if (unfrozen.has(x)) return x;
  seen.add(x);
  if (ArrayBuffer.isView(x)) return x;
  for (const key of Reflect.ownKeys(x)) {
    const d = Reflect.getOwnPropertyDescriptor(x, key);
    if (d !== undefined && 'value' in d) deepFreeze(d.value, seen);
  }
  return Object.freeze(x);
}

export interface HostileCase {
  name: string;
  make: () => unknown;
  /** Built once and shared by every call (too large to rebuild per call); compared at the end. */
  shared?: boolean;
}

const JUNK = [null, undefined, 'x', Number.NaN, {}, [], -1, 1e308, '10', true, Symbol('junk'), 10n];

/**
 * The hostile arguments. Each is built fresh and deep-frozen per call (so a write throws in the
 * library's strict-mode code), except the typed array and the Date, which cannot be frozen and
 * are caught by the before/after snapshot instead.
 */
export const HOSTILE_CASES: HostileCase[] = [
  { name: 'undefined', make: () => undefined },
  { name: 'null', make: () => null },
  { name: 'NaN', make: () => Number.NaN },
  { name: 'Infinity', make: () => Number.POSITIVE_INFINITY },
  { name: '-Infinity', make: () => Number.NEGATIVE_INFINITY },
  { name: '-0', make: () => -0 },
  { name: 'a huge number (1e308)', make: () => 1e308 },
  { name: 'an unsafe integer (2^53 + 2)', make: () => 2 ** 53 + 2 },
  { name: 'a negative number (-1)', make: () => -1 },
  { name: 'a fraction (0.5)', make: () => 0.5 },
  { name: 'the empty string', make: () => '' },
  { name: "the string 'abc'", make: () => 'abc' },
  { name: 'a numeric string', make: () => '10' },
  { name: 'true', make: () => true },
  { name: 'a Symbol', make: () => Symbol('hostile') },
  { name: 'a BigInt', make: () => 10n },
  { name: 'a function', make: () => () => 'abc' },
  { name: 'an invalid Date', make: () => new Date(Number.NaN) },
  { name: 'an empty array', make: () => [] },
  { name: '[null]', make: () => [null] },
  { name: '[NaN, Infinity]', make: () => [Number.NaN, Number.POSITIVE_INFINITY] },
  { name: 'a sparse array (length 1000, no elements)', make: () => new Array(1000) },
  // biome-ignore lint/suspicious/noSparseArray: the hole is the hostile input
  { name: 'an array with a hole', make: () => [9, , 7] },
  { name: 'a huge sparse array (length 2^20)', make: () => new Array(2 ** 20), shared: true },
  { name: 'an array-like of absurd length', make: () => ({ length: 2 ** 53 - 1 }) },
  // 2e4 rather than 1e5 long: the row parsers spend ~15 µs on each junk row building its issues,
  // so 1e5 rows cost ten seconds over the six parsers, while quadratic work still shows at 2e4.
  {
    name: 'a 2e4-long array of junk',
    make: () => Array.from({ length: 2e4 }, (_, i) => JUNK[i % JUNK.length]),
    shared: true,
  },
  { name: 'a Float64Array with NaN', make: () => new Float64Array([1, Number.NaN, 3]) },
  { name: 'an array of strings', make: () => ['10', '9'] },
  { name: 'an array of empty objects', make: () => [{}, {}] },
  { name: 'an array of arrays', make: () => [[1], [2]] },
  { name: 'an empty object', make: () => ({}) },
  { name: 'an object without a prototype', make: () => Object.create(null) },
  { name: 'a Proxy that throws on get', make: () => new Proxy({}, { get: trap }) },
  { name: 'an array Proxy that throws on get', make: () => new Proxy([1, 2, 3], { get: trap }) },
  {
    name: 'an object whose getters throw',
    make: () =>
      Object.defineProperties(
        {},
        Object.fromEntries(
          [
            'length',
            'kind',
            'value',
            'n',
            'score',
            'confidence',
            'method',
            'successes',
            'promoters',
            'id',
            'createdAt',
          ].map((key) => [key, { get: trap, enumerable: true }]),
        ),
      ),
  },
  { name: 'an array whose element getter throws', make: () => Object.defineProperty([1, 2, 3], 1, { get: trap }) },
  { name: 'a __proto__ pollution attempt (JSON)', make: () => JSON.parse('{"__proto__": {"polluted": true}}') },
  {
    name: 'a constructor.prototype pollution attempt',
    make: () => ({ constructor: { prototype: { polluted: true } } }),
  },
  { name: 'an object with a hostile prototype', make: () => ({ __proto__: { confidence: 0.5, kind: 'nps' } }) },
  { name: 'options with an unknown key', make: () => ({ confidance: 0.9 }) },
  { name: 'options with a NaN confidence', make: () => ({ confidence: Number.NaN }) },
  { name: 'options with a string method', make: () => ({ method: 'abc' }) },
  { name: 'a Map', make: () => new Map([['confidence', 0.9]]) },
];

/** One valid call per export (fresh arguments per call); the options path is reached through it. */
export type ValidArgs = Record<string, () => unknown[]>;

export function validArgs(namespace: Record<string, unknown>): ValidArgs {
  const ns = namespace as Record<string, (...args: unknown[]) => unknown>;
  const tickets = () => [
    {
      id: 'T-1',
      createdAt: '2026-05-01T09:00Z',
      firstResponseAt: '2026-05-01T09:20Z',
      resolvedAt: '2026-05-01T11:00Z',
      agentReplies: 1,
    },
    {
      id: 'T-2',
      createdAt: '2026-05-01T10:00Z',
      firstResponseAt: '2026-05-01T10:30Z',
      resolvedAt: '2026-05-01T14:00Z',
      agentReplies: 2,
    },
  ];
  const customers = () => [
    { id: 'a', startedAt: '2025-01-01', endedAt: '2025-01-31' },
    { id: 'b', startedAt: '2025-01-01' },
  ];
  const events = () => [
    { customerId: 1, stage: 'visit', at: '2026-06-01' },
    { customerId: 1, stage: 'purchase', at: '2026-06-02' },
    { customerId: 2, stage: 'visit', at: '2026-06-01' },
  ];
  const funnelOptions = () => ({ stages: ['visit', 'purchase'], asOf: '2026-07-01' });
  const responses = () => [
    { nps: 10, a: 5 },
    { nps: 9, a: 4 },
    { nps: 3, a: 2 },
    { nps: 6, a: 1 },
    { nps: 8, a: 3 },
  ];
  const counts = () => ({ promoters: 5, passives: 3, detractors: 2 });
  const npsResult = () => ns.npsFromCounts?.(counts());
  const schedule = () => ({
    timeZone: 'America/New_York',
    week: { mon: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  });
  const args: ValidArgs = {
    adjustPValues: () => [[0.01, 0.04, 0.2], {}],
    betaCdf: () => [0.5, 2, 2],
    betaQuantile: () => [0.5, 2, 2],
    businessDuration: () => ['2026-03-06T21:00:00Z', '2026-03-09T14:00:00Z', schedule()],
    cartAbandonment: () => [[{ cartId: 1, createdAt: '2026-06-01' }], { asOf: '2026-07-01', window: { days: 7 } }],
    cartAbandonmentFromCounts: () => [{ carts: 10, purchased: 3, pending: 2 }, {}],
    ces: () => [[7, 6, 5, 5, 2], {}],
    chiSquareCdf: () => [3.84, 1],
    chiSquareQuantile: () => [0.95, 1],
    churn: () => [customers(), { from: '2025-01-01', to: '2025-02-01' }],
    churnRate: () => [{ customersAtStart: 1000, churned: 62 }, {}],
    churnRateByExposure: () => [{ churned: 62, exposure: 1069 }, {}],
    cohortRetention: () => [customers(), { period: 'month', asOf: '2025-04-01' }],
    compareMeans: () => [[4, 5, 5, 4, 3], [3, 2, 4, 3, 3], {}],
    compareNps: () => [[10, 9, 9, 7, 3], [10, 6, 5, 2, 1], {}],
    compareNpsPaired: () => [
      [
        [9, 6],
        [10, 9],
        [7, 7],
        [3, 6],
      ],
      {},
    ],
    compareProportions: () => [{ successes: 42, n: 50 }, { successes: 30, n: 50 }, {}],
    compareProportionsPaired: () => [{ both: 40, onlyA: 5, onlyB: 11, neither: 48 }, {}],
    convertChurnRate: () => [0.02, { from: 'month', to: 'quarter' }],
    csat: () => [[5, 4, 4, 3, 1], {}],
    csatFromCounts: () => [{ satisfied: 42, total: 50 }, {}],
    customerLifetimeValue: () => [{ arpa: 100, churnRate: 0.02 }],
    effectiveSampleSize: () => [[1, 1, 1, 5]],
    estimate: () => [ns.summarize?.('nps', [10, 9, 3]), {}],
    estimateTrendTest: () => [
      [
        { value: 30, standardError: 3 },
        { value: 33, standardError: 3 },
        { value: 38, standardError: 3 },
      ],
      {},
    ],
    fCdf: () => [1, 4, 4],
    fQuantile: () => [0.95, 2, 27],
    fcr: () => [tickets(), { definition: 'one-touch' }],
    fcrFromCounts: () => [{ firstContact: 140, total: 200 }, {}],
    firstResponseTime: () => [tickets(), {}],
    funnel: () => [events(), funnelOptions()],
    gammaCdf: () => [1, 1],
    gammaQuantile: () => [0.5, 1],
    isCxMetricsError: () => [new Error('not ours')],
    kaplanMeier: () => [[2, 3, 3, 5, 8, 9], [1, 1, 0, 1, 0, 1], {}],
    meanHomogeneityTest: () => [
      [
        { n: 10, mean: 4.1, variance: 0.8 },
        { n: 12, mean: 3.6, variance: 1.2 },
      ],
    ],
    meanInterval: () => [[5, 7, 10], {}],
    mergeSummaries: () => [ns.summarize?.('nps', [10, 9, 3]), ns.summarize?.('nps', [10, 7])],
    normalCdf: () => [1.96],
    normalQuantile: () => [0.975],
    nps: () => [[10, 9, 7, 3, 0], {}],
    npsFromCounts: () => [counts(), {}],
    npsHomogeneityTest: () => [[counts(), { promoters: 3, passives: 3, detractors: 4 }]],
    npsSampleSize: () => [{ promoters: 0.45, detractors: 0.25, halfWidth: 5 }],
    pearsonCorrelation: () => [[1, 2, 3, 4, 5], [2, 1, 4, 3, 5], {}],
    poissonRateInterval: () => [10, 1000, {}],
    proportionHomogeneityTest: () => [
      [
        { successes: 42, n: 50 },
        { successes: 30, n: 50 },
      ],
    ],
    proportionInterval: () => [42, 50, {}],
    proportionSampleSize: () => [0.5, 0.05, {}],
    proportionTrendTest: () => [
      [
        { successes: 40, n: 100 },
        { successes: 45, n: 100 },
        { successes: 55, n: 100 },
      ],
      {},
    ],
    quantile: () => [[1, 2, 3, 4], 0.25, {}],
    quantileInterval: () => [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, {}],
    retentionCurve: () => [customers(), { asOf: '2025-03-02' }],
    revenueRetention: () => [{ startingMrr: 100000, expansion: 12000, contraction: 3000, churned: 5000 }, {}],
    seededRandom: () => [42],
    slaAttainment: () => [tickets(), 3_600_000, {}],
    spearmanCorrelation: () => [[1, 2, 3, 4, 5], [2, 1, 4, 3, 5], {}],
    summarize: () => ['nps', [10, 9, 3], {}],
    tCdf: () => [2.2, 10],
    tQuantile: () => [0.975, 10],
    touchpointDrivers: () => [responses(), { nps: 'nps', touchpoints: ['a'] }],
    ttr: () => [tickets(), {}],
    // cx-metrics/schemas
    createSurveyResponseSchema: () => [{}],
    jsonSchemas: () => [{}],
    parseCustomers: () => [customers()],
    parseResponses: () => [[{ type: 'nps', submittedAt: '2026-05-01', score: 9 }], {}],
    parseRows: () => [[{ submittedAt: '2026-05-01', score: 9 }], libraryOwned(namespace.npsResponseSchema)],
    parseTickets: () => [tickets()],
    parseJourneyEvents: () => [events(), {}],
    parseCarts: () => [[{ cartId: 1, createdAt: '2026-06-01', purchasedAt: '2026-06-02' }], {}],
    // cx-metrics/notebook
    chartFor: () => [npsResult()],
    cohortRetentionChart: () => [ns.cohortRetention?.(customers(), { period: 'month', asOf: '2025-04-01' }), {}],
    comparisonChart: () => [ns.compareNps?.(counts(), { promoters: 3, passives: 3, detractors: 4 }), {}],
    distributionChart: () => [ns.csat?.([5, 4, 4, 3, 1]), {}],
    driverChart: () => [ns.touchpointDrivers?.(responses(), { nps: 'nps', touchpoints: ['a'] }), {}],
    formatResult: () => [npsResult()],
    funnelChart: () => [ns.funnel?.(events(), funnelOptions()), {}],
    intervalChart: () => [{ email: ns.csatFromCounts?.({ satisfied: 40, total: 50 }) }, {}],
    kaplanMeierChart: () => [ns.kaplanMeier?.([2, 3], [1, 1]), {}],
    metricOverTimeChart: () => [
      [
        { period: '2025-Q1', value: 31, lower: 25, upper: 37 },
        { period: '2025-Q2', value: 35, lower: 29, upper: 41 },
      ],
      {},
    ],
    npsBreakdownChart: () => [npsResult(), {}],
    resultKind: () => [npsResult()],
    show: () => [npsResult()],
    // Exports of branches not merged when this was written (analysis, sql, arbitraries,
    // business hours): used once they exist.
    breakdown: () => [
      [
        { channel: 'email', score: 10 },
        { channel: 'chat', score: 3 },
      ],
      { by: 'channel', metric: 'nps', accessor: 'score' },
    ],
    trend: () => [
      [
        { at: '2026-05-01T10:00Z', score: 9 },
        { at: '2026-06-02T10:00Z', score: 3 },
      ],
      { at: 'at', period: 'month', timeZone: 'UTC', metric: 'nps', accessor: 'score' },
    ],
    calendarPeriod: () => ['2026-05-10', { period: 'quarter', timeZone: 'UTC' }],
    nextPeriod: () => [ns.calendarPeriod?.('2026-03-15', { period: 'month', timeZone: 'UTC' }), 1],
    previousPeriod: () => [ns.calendarPeriod?.('2026-03-15', { period: 'month', timeZone: 'UTC' }), 1],
    summaryQuery: () => ['nps', { dialect: 'duckdb', table: 'responses', columns: { score: 'score' } }],
    summariesFromRows: () => ['nps', [{ cx_score: 10, cx_count: 12 }], { columns: { score: 'score' } }],
    compileSchedule: () => [schedule()],
    responseRow: () => [{}],
    ticketRow: () => [{}],
    customerRow: () => [{}],
    faultyResponseRow: () => [{}],
    faultyTicketRow: () => [{}],
    faultyCustomerRow: () => [{}],
    scores: () => [{ scale: 'nps' }],
  };
  // The …OrThrow variants take what their ParseResult twins take.
  for (const name of Object.keys(ns)) {
    const twin = name.replace(/OrThrow$/, '');
    if (twin !== name && args[twin] !== undefined && args[name] === undefined) args[name] = args[twin];
  }
  return args;
}

/** A structured-clone-able picture of x (a string), read without calling getters or traps. */
export function snapshot(x: unknown, seen = new Map<unknown, number>()): string {
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x);
  if (typeof x === 'bigint') return `${x}n`;
  if (typeof x === 'symbol') return x.toString();
  if (typeof x === 'string') return JSON.stringify(x);
  if (x === null || x === undefined || typeof x === 'boolean') return String(x);
  if (seen.has(x)) return `<cycle ${seen.get(x)}>`;
  seen.set(x, seen.size);
  if (typeof x === 'function') return `<function ${x.name}>`;
  if (x instanceof Date) return `Date(${x.getTime()})`;
  if (ArrayBuffer.isView(x)) return `${x.constructor.name}[${Array.from(x as unknown as ArrayLike<number>).join(',')}]`;
  if (x instanceof Map) return `Map{${[...x].map(([k, v]) => `${snapshot(k, seen)}=>${snapshot(v, seen)}`).join(',')}}`;
  const parts: string[] = [];
  for (const key of Reflect.ownKeys(x)) {
    const d = Reflect.getOwnPropertyDescriptor(x, key) as PropertyDescriptor;
    const shown = 'value' in d ? snapshot(d.value, seen) : '<accessor>';
    parts.push(`${String(key)}:${shown}`);
  }
  return `${Array.isArray(x) ? 'A' : 'O'}{${parts.join(',')}}${Object.isFrozen(x) ? '!' : ''}`;
}

/**
 * Where a NaN sits in a result with no warning on the way to it (undefined when none). The
 * caller's own values echoed back are not looked into: `seen` starts with every argument, so a
 * wrapper that holds its argument (`show(x).value === x`) is judged on what it computed.
 */
export function nanWithoutWarning(
  x: unknown,
  seen: Set<unknown>,
  echoed: readonly unknown[] = [],
  path = '',
  warned = false,
): string | undefined {
  if (typeof x === 'number') return Number.isNaN(x) && !warned ? path || '(the result)' : undefined;
  if (typeof x !== 'object' || x === null || seen.has(x) || ArrayBuffer.isView(x)) return undefined;
  seen.add(x);
  const w = Reflect.getOwnPropertyDescriptor(x, 'warnings');
  const here = warned || (w !== undefined && Array.isArray(w.value) && w.value.length > 0);
  for (const key of Reflect.ownKeys(x)) {
    const d = Reflect.getOwnPropertyDescriptor(x, key) as PropertyDescriptor;
    if (!('value' in d) || echoed.some((a) => Object.is(a, d.value))) continue;
    const found = nanWithoutWarning(d.value, seen, echoed, `${path}.${String(key)}`, here);
    if (found !== undefined) return found;
  }
  return undefined;
}

function describeThrown(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message.split('\n')[0]}`;
  try {
    return `threw a non-error: ${String(e)}`;
  } catch {
    return 'threw a non-error';
  }
}

/** Every object reachable from the arguments (own data properties), the huge shared ones included. */
function reachable(args: readonly unknown[]): Set<unknown> {
  const out = new Set<unknown>();
  const stack = [...args];
  while (stack.length > 0) {
    const x = stack.pop();
    if ((typeof x !== 'object' && typeof x !== 'function') || x === null || out.has(x)) continue;
    out.add(x);
    if (ArrayBuffer.isView(x) || (Array.isArray(x) && x.length > 1000)) continue;
    for (const key of Reflect.ownKeys(x)) {
      const d = Reflect.getOwnPropertyDescriptor(x, key);
      if (d !== undefined && 'value' in d) stack.push(d.value);
    }
  }
  return out;
}

/** A returned result prints: `String(result)` and, where it has one, its Jupyter bundle, never throw. */
function printProblem(result: object): string | undefined {
  try {
    String(result);
    const display = (result as Record<symbol, unknown>)[Symbol.for('Jupyter.display')];
    if (typeof display === 'function') display.call(result);
  } catch (e) {
    if (!isCxMetricsError(e) && !(e instanceof HostileTrap)) return `printing the result: ${describeThrown(e)}`;
  }
  return undefined;
}

function polluted(): boolean {
  return Object.keys(Object.prototype).length > 0 || 'polluted' in {};
}

/**
 * Call f with args and say what went wrong, or undefined when the call kept the contract: it
 * returned (a result with no NaN unless warned) or threw a CxMetricsError (or let the caller's
 * own HostileTrap through: the exception is theirs, not ours), without mutating any argument or
 * Object.prototype.
 */
export function check(f: Export['fn'], args: unknown[], sharedArgs: ReadonlySet<unknown>): string | undefined {
  const skip = (a: unknown) => sharedArgs.has(a) || (typeof a === 'object' && a !== null && unfrozen.has(a));
  const before = args.map((a) => (skip(a) ? '' : snapshot(a)));
  let problem: string | undefined;
  try {
    const result = f(...args);
    const nan = nanWithoutWarning(result, reachable(args), args);
    if (nan !== undefined) problem = `NaN at ${nan} without a warning`;
    else if (typeof result === 'object' && result !== null) problem = printProblem(result);
  } catch (e) {
    if (!isCxMetricsError(e) && !(e instanceof HostileTrap)) problem = describeThrown(e);
  }
  const changed = args.findIndex((a, i) => !skip(a) && snapshot(a) !== before[i]);
  if (changed >= 0) problem = `${problem ? `${problem}; ` : ''}argument ${changed} mutated`;
  if (polluted()) {
    for (const key of Object.keys(Object.prototype)) delete (Object.prototype as Record<string, unknown>)[key];
    problem = `${problem ? `${problem}; ` : ''}Object.prototype polluted`;
  }
  return problem;
}

export const POSITIONS = [0, 1, 2] as const;

/**
 * The calls for one export: for each position and each hostile case, the valid arguments with
 * that one replaced (or, where no valid call is listed, the hostile value in every position up to
 * it). Keyed `"<case> @<position>"`.
 */
export function runExport(
  exp: Export,
  valid: (() => unknown[]) | undefined,
  shared: ReadonlyMap<string, unknown>,
): Record<string, string> {
  const failures: Record<string, string> = {};
  const sharedArgs = new Set(shared.values());
  for (const position of POSITIONS) {
    for (const c of HOSTILE_CASES) {
      const hostile = c.shared ? shared.get(c.name) : deepFreeze(c.make());
      let args: unknown[];
      if (valid !== undefined) {
        args = deepFreeze(valid());
        args = [...args];
        while (args.length <= position) args.push(undefined);
        args[position] = hostile;
      } else {
        args = Array.from({ length: position + 1 }, () => hostile);
      }
      const problem = check(exp.fn, args, sharedArgs);
      if (problem !== undefined) failures[`${c.name} @${position}`] = problem;
    }
  }
  return failures;
}

/** The shared (built-once, frozen) hostile values, by case name, with their snapshots. */
export function sharedValues(): { values: Map<string, unknown>; snapshots: Map<string, string> } {
  const values = new Map<string, unknown>();
  const snapshots = new Map<string, string>();
  for (const c of HOSTILE_CASES) {
    if (!c.shared) continue;
    const v = deepFreeze(c.make());
    values.set(c.name, v);
    snapshots.set(c.name, snapshot(v));
  }
  return { values, snapshots };
}

// Where the options object sits when it is not the last argument (or when a last plain-object
// argument is data, not options); -1: the export takes no options object.
const OPTIONS_AT: Record<string, number> = {
  createSurveyResponseSchema: 0,
  jsonSchemas: 0,
  npsSampleSize: 0,
  mergeSummaries: -1,
  compileSchedule: 0,
  responseRow: 0,
  ticketRow: 0,
  customerRow: 0,
  faultyResponseRow: 0,
  faultyTicketRow: 0,
  faultyCustomerRow: 0,
  scores: 0,
};

/**
 * The position of the options object in a valid call: listed in OPTIONS_AT, else the last
 * argument when it is a plain object and not the first (a first argument is the data). -1: none.
 */
export function optionsPosition(name: string, args: readonly unknown[]): number {
  const listed = OPTIONS_AT[name];
  if (listed !== undefined) return listed;
  const last = args.length - 1;
  const x = args[last];
  const plain = typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
  return last >= 1 && plain ? last : -1;
}

/**
 * Call the valid call with `confidance: 0.9` added to its options; undefined when that fails with
 * INVALID_OPTION naming the key, else what happened ('ignored' or the other error).
 */
export function unknownKeyProblem(exp: Export, valid: () => unknown[]): string | undefined {
  const args = valid();
  const at = optionsPosition(exp.name, args);
  if (at < 0) return undefined;
  args[at] = deepFreeze({ ...(args[at] as object), confidance: 0.9 });
  try {
    exp.fn(...args);
    return 'ignored';
  } catch (e) {
    if (isCxMetricsError(e) && e.code === 'INVALID_OPTION' && e.message.includes("'confidance'")) return undefined;
    return describeThrown(e);
  }
}

/**
 * The option keys an export takes, read from its own INVALID_OPTION message for a key no function
 * knows (checkOptions lists the valid names: "expected one of 'confidence', 'method'"), together
 * with the keys of its valid options. Empty when the export has no options object.
 */
export function optionKeys(exp: Export, valid: () => unknown[]): string[] {
  const args = valid();
  const at = optionsPosition(exp.name, args);
  if (at < 0) return [];
  const keys = new Set(Object.keys(args[at] as object));
  args[at] = { ...(args[at] as object), qqqqqqqqqqqq: 1 };
  try {
    exp.fn(...args);
  } catch (e) {
    const list = isCxMetricsError(e) ? /expected one of ((?:'[^']+'(?:, )?)+)/.exec(e.message)?.[1] : undefined;
    for (const m of list?.matchAll(/'([^']+)'/g) ?? []) keys.add(m[1] as string);
  }
  return [...keys].sort();
}

/** The hostile values put in each option (the small ones: the huge arrays are for data). */
export const OPTION_CASES = HOSTILE_CASES.filter((c) => !c.shared);

/**
 * The valid call with each option in turn set to each hostile value; keyed
 * `"options.<key> = <case>"`, like runExport.
 */
export function runOptionValues(exp: Export, valid: () => unknown[]): Record<string, string> {
  const failures: Record<string, string> = {};
  const none = new Set<unknown>();
  for (const key of optionKeys(exp, valid)) {
    for (const c of OPTION_CASES) {
      const args = [...deepFreeze(valid())];
      const at = optionsPosition(exp.name, args);
      args[at] = deepFreeze({ ...(args[at] as object), [key]: c.make() });
      const problem = check(exp.fn, args, none);
      if (problem !== undefined) failures[`options.${key} = ${c.name}`] = problem;
    }
  }
  return failures;
}

/**
 * The valid call with one field of one record set to each small hostile value: for each argument
 * that is an array of plain-object records, each field of its first record in turn. Keyed
 * `"arg<position>[0].<field> = <case>"`, like runExport.
 */
export function runRecordFields(exp: Export, valid: () => unknown[]): Record<string, string> {
  const failures: Record<string, string> = {};
  const none = new Set<unknown>();
  const template = valid();
  template.forEach((arg, position) => {
    if (!Array.isArray(arg) || !isPlainRecord(arg[0])) return;
    for (const key of Object.keys(arg[0])) {
      for (const c of OPTION_CASES) {
        const args = valid();
        const records = [...(args[position] as unknown[])];
        records[0] = { ...(records[0] as object), [key]: c.make() };
        args[position] = records;
        const problem = check(exp.fn, deepFreeze(args), none);
        if (problem !== undefined) failures[`arg${position}[0].${key} = ${c.name}`] = problem;
      }
    }
  });
  return failures;
}

function isPlainRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}
