import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CxErrorCode } from '../src/index.ts';
import { compareNpsPaired, npsFromCounts } from '../src/index.ts';

// The rules of docs/conventions.md that a machine can check, over the TypeScript program of the
// public entries. Each exception list is exact: renaming a listed name, or adding a new deviation,
// fails here until the list (and the "Conforms / To rename" table) is updated with it.

const ENTRIES = ['src/index.ts', 'src/schemas/index.ts', 'src/notebook/index.ts', 'src/sql/index.ts'].map((f) =>
  new URL(`../${f}`, import.meta.url).pathname.replace(/^\/([A-Za-z]:)/, '$1'),
);

interface ExportedFunction {
  name: string;
  /** Names of the exported interfaces and type aliases any overload returns. */
  returns: string[];
  /** Whether some overload returns an object with `lower` and `upper`. */
  returnsInterval: boolean;
  /** Keys of the options parameter (the parameter named `options`), with their types. */
  options: Map<string, ts.Type> | null;
}

let exportedTypes: Set<string>;
let functions: ExportedFunction[];
let checker: ts.TypeChecker;

beforeAll(() => {
  const program = ts.createProgram(ENTRIES, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    types: [],
  });
  checker = program.getTypeChecker();
  exportedTypes = new Set();
  const fns = new Map<string, ExportedFunction>();
  for (const entry of ENTRIES) {
    const source = program.getSourceFile(entry);
    if (!source) throw new Error(`no source file ${entry}`);
    const mod = checker.getSymbolAtLocation(source);
    if (!mod) throw new Error(`no module symbol for ${entry}`);
    for (const exp of checker.getExportsOfModule(mod)) {
      const sym = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
      const decl = sym.declarations?.[0];
      if (!decl) continue;
      if (ts.isInterfaceDeclaration(decl) || ts.isTypeAliasDeclaration(decl)) exportedTypes.add(exp.name);
      if (!ts.isFunctionDeclaration(decl) || fns.has(exp.name)) continue;
      const fn: ExportedFunction = { name: exp.name, returns: [], returnsInterval: false, options: null };
      for (const sig of checker.getTypeOfSymbolAtLocation(sym, decl).getCallSignatures()) {
        const ret = sig.getReturnType();
        for (const t of ret.isUnion() ? ret.types : [ret]) {
          const name = t.aliasSymbol?.name ?? t.getSymbol()?.name;
          if (name) fn.returns.push(name);
          if (t.getProperty('lower') && t.getProperty('upper')) fn.returnsInterval = true;
        }
        const options = sig.getParameters().find((p) => p.name === 'options');
        if (options) {
          const type = checker.getTypeOfSymbolAtLocation(options, decl).getNonNullableType();
          fn.options ??= new Map();
          for (const part of type.isUnion() ? type.types : [type]) {
            for (const prop of part.getProperties()) fn.options.set(prop.name, checker.getTypeOfSymbol(prop));
          }
        }
      }
      fns.set(exp.name, fn);
    }
  }
  functions = [...fns.values()];
}, 120_000);

describe('7. result names (docs/conventions.md)', () => {
  // Returned types that are not results, each with why (docs/conventions.md, section 7).
  const NOT_RESULTS: Record<string, string> = {
    // values built for further use, named for what they are
    CalendarPeriod: 'a period value passed on to nextPeriod/previousPeriod',
    CompiledSchedule: 'a compiled schedule passed on to businessDuration and ttr',
    JsonSchemas: 'the JSON Schemas themselves',
    VegaLiteSpec: 'a chart specification',
    Shown: 'the display object of show()',
    SqlQuery: 'a query { text, params } for the warehouse to run (cx-metrics/sql)',
    // summaries are the inputs of estimate and mergeSummaries
    NpsSummary: 'a summary',
    CsatSummary: 'a summary',
    CesSummary: 'a summary',
    FcrSummary: 'a summary',
    SlaSummary: 'a summary',
    DurationSummary: 'a summary',
    ProportionSummary: 'a summary',
    MeanSummary: 'a summary',
    FunnelSummary: 'a summary',
    CartAbandonmentSummary: 'a summary',
    // the figures with an interval, when the inputs carried one (section 7)
    CustomerLifetimeValueEstimate: 'the Estimate variant of CustomerLifetimeValueResult',
    RevenueRetentionEstimate: 'the Estimate variant of RevenueRetentionResult',
  };
  // Deviations still to rename: the "To rename" rows of docs/conventions.md, section 7.
  const TO_RENAME: Record<string, string> = {
    NpsDifference: 'CompareNpsResult',
    ProportionsDifference: 'CompareProportionsResult',
    ChurnEstimate: 'ChurnRateResult',
    KaplanMeierQuantile: 'KaplanMeierQuantileResult',
    EstimateTrendTest: 'EstimateTrendTestResult',
    MeanHomogeneityTest: 'MeanHomogeneityTestResult',
    NpsHomogeneityTest: 'NpsHomogeneityTestResult',
    ProportionHomogeneityTest: 'ProportionHomogeneityTestResult',
    ProportionTrendTest: 'ProportionTrendTestResult',
  };

  it('every exported type a public function returns ends in Result, except the listed non-results and the listed renames', () => {
    const deviating = new Set<string>();
    for (const f of functions) {
      for (const name of f.returns) {
        if (exportedTypes.has(name) && !name.endsWith('Result') && !(name in NOT_RESULTS)) deviating.add(name);
      }
    }
    expect([...deviating].sort()).toEqual(Object.keys(TO_RENAME).sort());
  });

  it('every listed exception is still an exported type (a rename removes it from the list)', () => {
    for (const name of [...Object.keys(NOT_RESULTS), ...Object.keys(TO_RENAME)]) expect(exportedTypes).toContain(name);
    for (const name of Object.values(TO_RENAME)) expect(exportedTypes).not.toContain(name);
  });

  it('every listed non-result is returned by some public function (the list holds no stale names)', () => {
    const returned = new Set(functions.flatMap((f) => f.returns));
    expect(Object.keys(NOT_RESULTS).filter((name) => !returned.has(name))).toEqual([]);
  });
});

describe('interval options (DESIGN.md: confidence defaults to 0.95 everywhere)', () => {
  // Functions that return an interval without taking `confidence`, each with why.
  const NO_CONFIDENCE: Record<string, string> = {
    kaplanMeierQuantile: 'reads the band of the kaplanMeier result it is given, at that confidence',
    convertChurnRate: "transforms the given estimate's interval, at that estimate's confidence",
    customerLifetimeValue: "transforms the given churn estimate's interval, at its confidence",
  };

  it('every exported function that returns an interval accepts confidence in its options', () => {
    const without = functions
      .filter((f) => f.returnsInterval && !f.options?.has('confidence'))
      .map((f) => f.name)
      .sort();
    expect(without).toEqual(Object.keys(NO_CONFIDENCE).sort());
  });
});

describe('3. method names the headline interval', () => {
  it('an interval method of a secondary figure is named <figure>Method, and only the listed functions deviate', () => {
    const keys = functions.flatMap((f) => [...(f.options?.keys() ?? [])].filter((k) => /Method$/.test(k)));
    expect([...new Set(keys)].sort()).toEqual(['easyMethod', 'meanMethod']);
    // ces's headline is the mean (t); its easy share's method is easyMethod, and it takes no `method`.
    expect(functions.find((f) => f.name === 'ces')?.options?.has('method')).toBe(false);
    expect(functions.find((f) => f.name === 'ces')?.options?.has('easyMethod')).toBe(true);
  });
});

describe('4. thresholds are <category>Min / <category>Max', () => {
  const THRESHOLD_TO_RENAME: Record<string, string> = {
    'ces.easyThreshold': 'easyMin / easyMax',
    'summarize.easyThreshold': "easyMin / easyMax (summarize('ces'))",
  };

  it('every threshold-like option key follows the pattern, except the listed renames', () => {
    const deviating = functions.flatMap((f) =>
      [...(f.options?.keys() ?? [])]
        .filter((k) => /threshold|cutoff|^min|^max|Min$|Max$/i.test(k))
        .filter((k) => !/^[a-z]+(Min|Max)$/.test(k))
        .map((k) => `${f.name}.${k}`),
    );
    expect([...new Set(deviating)].sort()).toEqual(Object.keys(THRESHOLD_TO_RENAME).sort());
  });
});

describe('5. one missing vocabulary', () => {
  it("every `missing` option takes only 'exclude', 'error' or 'as-<category>'", () => {
    const values = new Set<string>();
    for (const f of functions) {
      const type = f.options?.get('missing');
      if (!type) continue;
      const nonNull = type.getNonNullableType();
      for (const t of nonNull.isUnion() ? nonNull.types : [nonNull]) {
        expect(t.isStringLiteral(), `${f.name}: missing is ${checker.typeToString(t)}`).toBe(true);
        if (t.isStringLiteral()) values.add(t.value);
      }
    }
    expect([...values].sort()).toEqual(['as-passive', 'error', 'exclude']);
    for (const v of values) expect(v).toMatch(/^(exclude|error|as-[a-z]+)$/);
  });
});

describe('6. durations are named without a unit', () => {
  const UNIT_IN_NAME: Record<string, string> = {
    'fcr.windowMs': 'window',
    'summarize.windowMs': "window (summarize('fcr'))",
    'summarize.targetMs': "target (summarize('sla'))",
  };
  // Keys that end like a unit but are not durations.
  const NOT_DURATIONS = ['businessHours'];

  it('no option key ends in Ms/Seconds/Minutes/Hours/Days, except the listed renames', () => {
    const deviating = functions.flatMap((f) =>
      [...(f.options?.keys() ?? [])]
        .filter((k) => /[a-z](Ms|Seconds|Minutes|Hours|Days)$/.test(k) && !NOT_DURATIONS.includes(k))
        .map((k) => `${f.name}.${k}`),
    );
    expect([...new Set(deviating)].sort()).toEqual(Object.keys(UNIT_IN_NAME).sort());
  });
});

describe('8. SMALL_SAMPLE below 30', () => {
  it('npsFromCounts warns SMALL_SAMPLE at n = 29 and not at n = 30', () => {
    const codes = (n: number) =>
      npsFromCounts({ promoters: n - 10, passives: 5, detractors: 5 }).warnings.map((w) => w.code);
    expect(codes(29)).toContain('SMALL_SAMPLE');
    expect(codes(30)).not.toContain('SMALL_SAMPLE');
  });

  it('compareNpsPaired warns SMALL_SAMPLE at 29 complete pairs and not at 30', () => {
    const pairs = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [i % 11, (i * 7) % 11]);
    const codes = (n: number) => compareNpsPaired(pairs(n)).warnings.map((w) => w.code);
    expect(codes(29)).toContain('SMALL_SAMPLE');
    expect(codes(30)).not.toContain('SMALL_SAMPLE');
  });
});

describe('9. one error code per kind of mistake', () => {
  it('the error codes are exactly the four kinds of docs/conventions.md', () => {
    const all: Record<CxErrorCode, true> = {
      EMPTY_INPUT: true,
      INVALID_VALUE: true,
      INVALID_OPTION: true,
      INSUFFICIENT_DATA: true,
    };
    expect(Object.keys(all).sort()).toEqual(['EMPTY_INPUT', 'INSUFFICIENT_DATA', 'INVALID_OPTION', 'INVALID_VALUE']);
  });
});
