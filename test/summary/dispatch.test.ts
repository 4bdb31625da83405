import { describe, expect, it } from 'vitest';
import { CxMetricsError } from '../../src/errors.ts';
import { estimateWith } from '../../src/summary/estimate.ts';
import type { SummaryFamily } from '../../src/summary/family.ts';
import { mergeWith } from '../../src/summary/mergeSummaries.ts';
import { summarizeWith } from '../../src/summary/summarize.ts';
import type { ProportionSummary, Summary } from '../../src/summary/types.ts';
import { thrown } from '../helpers/thrown.ts';

// The dispatchers driven by two toy families, so their rules are tested apart from any metric.
type Toy = ProportionSummary;

function toyFamily(metric: string, kind: string): SummaryFamily {
  const check = (fn: string, s: unknown): Toy => {
    const t = s as Toy;
    if (!Number.isInteger(t.successes) || t.successes < 0) {
      throw new CxMetricsError('INVALID_VALUE', `${fn}: successes is ${t.successes}`, { value: t.successes });
    }
    return { ...t };
  };
  return {
    metric: metric as never,
    kind: kind as never,
    summarizeKeys: ['accessor'],
    estimateKeys: ['method', 'confidence'],
    summarize: (fn, input, options) => {
      if (!Array.isArray(input)) throw new CxMetricsError('INVALID_VALUE', `${fn}: expected an array`);
      const read =
        options.accessor === undefined ? (x: unknown) => x : (x: unknown) => (x as Record<string, unknown>).v;
      return { kind, version: 1, successes: input.filter((x) => read(x) === true).length, n: input.length } as never;
    },
    merge: (_fn, a, b) => {
      const x = a as unknown as Toy;
      const y = b as unknown as Toy;
      return { ...x, successes: x.successes + y.successes, n: x.n + y.n } as never;
    },
    check: check as never,
    estimate: (fn, s, options) => ({ fn, share: (s as unknown as Toy).successes / (s as unknown as Toy).n, options }),
  };
}

const families = [toyFamily('proportion', 'proportion-summary'), toyFamily('mean', 'mean-summary')];
const summarize = (metric: unknown, input: unknown, options?: unknown) =>
  summarizeWith(families, metric, input, options);
const estimate = (summary: unknown, options?: unknown) => estimateWith(families, summary, options);
const merge = (...summaries: unknown[]) => mergeWith(families, summaries);

describe('summarize', () => {
  it('dispatches on the metric name and names the metric in errors from the family', () => {
    expect(summarize('proportion', [true, false, true])).toEqual({
      kind: 'proportion-summary',
      version: 1,
      successes: 2,
      n: 3,
    });
    expect(thrown(() => summarize('proportion', 'abc')).message).toBe("summarize('proportion'): expected an array");
  });

  it('refuses an unknown metric with INVALID_VALUE and the closest name', () => {
    const error = thrown(() => summarize('proportions', []));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.message).toBe('summarize: unknown metric "proportions"; did you mean \'proportion\'?');
    expect(thrown(() => summarize(42, [])).message).toBe(
      "summarize: unknown metric 42; expected a metric from 'proportion', 'mean'",
    );
  });

  it('says an estimate option belongs to estimate, and checks the rest like every options object', () => {
    const error = thrown(() => summarize('proportion', [], { method: 'wilson' }));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.message).toBe(
      "summarize('proportion'): method is an option of estimate, not summarize; pass it to estimate(summary, { method })",
    );
    expect(thrown(() => summarize('proportion', [], { acessor: 'v' })).message).toBe(
      "summarize('proportion'): unknown option 'acessor'; did you mean 'accessor'?",
    );
    expect(thrown(() => summarize('proportion', [], null)).code).toBe('INVALID_OPTION');
    expect(summarize('proportion', [{ v: true }], { accessor: 'v' })).toMatchObject({ successes: 1 });
  });
});

describe('estimate', () => {
  const s = summarize('proportion', [true, false]);

  it('checks the summary with its family and passes only estimate options', () => {
    expect(estimate(s, { confidence: 0.9 })).toEqual({ fn: 'estimate', share: 0.5, options: { confidence: 0.9 } });
    expect(thrown(() => estimate({ ...s, successes: -1 })).message).toBe('estimate: successes is -1');
  });

  it('says a summarize option is fixed in the summary', () => {
    expect(thrown(() => estimate(s, { accessor: 'v' })).message).toBe(
      'estimate: accessor is an option of summarize, not estimate; pass it to summarize(metric, input, { accessor }); a summary keeps what it was made under',
    );
  });

  it('refuses values that are not summaries, and unknown kinds with the closest kind', () => {
    for (const bad of [null, [1, 2], 'nps-summary', 3]) {
      const error = thrown(() => estimate(bad));
      expect(error.code).toBe('INVALID_VALUE');
      expect(error.message).toMatch(/^estimate: expected a summary/);
    }
    expect(thrown(() => estimate({ n: 3 })).message).toMatch(/^estimate: the object has no kind/);
    expect(thrown(() => estimate({ kind: 'proportion-sumary' })).message).toBe(
      'estimate: unknown summary kind "proportion-sumary"; did you mean \'proportion-summary\'?',
    );
  });
});

describe('mergeSummaries', () => {
  const a = summarize('proportion', [true, false]);
  const b = summarize('proportion', [true]);

  it('merges any number of summaries, given as arguments or as one array', () => {
    const expected = { kind: 'proportion-summary', version: 1, successes: 3, n: 5 };
    expect(merge(a, b, a)).toEqual(expected);
    expect(merge([a, b, a])).toEqual(expected);
  });

  it('returns a checked copy of a single summary, never the same object', () => {
    const one = merge(a);
    expect(one).toEqual(a);
    expect(one).not.toBe(a);
  });

  it('refuses no summaries with EMPTY_INPUT', () => {
    expect(thrown(() => merge()).code).toBe('EMPTY_INPUT');
    expect(thrown(() => merge([])).code).toBe('EMPTY_INPUT');
  });

  it('refuses summaries of different kinds, naming both', () => {
    const other = { kind: 'mean-summary', version: 1, successes: 1, n: 1 } as unknown as Summary;
    const error = thrown(() => merge(a, b, other));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.index).toBe(2);
    expect(error.message).toBe(
      "mergeSummaries: summary 3 is a 'mean-summary' but summary 1 is a 'proportion-summary'; only summaries of one kind can be merged",
    );
  });

  it('checks every summary, naming its position', () => {
    expect(thrown(() => merge(a, { ...b, successes: 0.5 })).message).toBe(
      'mergeSummaries: summary 2 of 2: successes is 0.5',
    );
    expect(thrown(() => merge(a, 7)).message).toMatch(/^mergeSummaries: summary 2 of 2: expected a summary/);
  });
});
