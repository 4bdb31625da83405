import { describe, expect, it } from 'vitest';
import { CxMetricsError, isCxMetricsError, proportionInterval } from '../src/index.ts';

const caught = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

// A second, independent copy of src/errors.ts (a distinct module instance, so a distinct class),
// standing in for the other build (ESM beside CJS) or a second installed version of the package.
// The real cross-build check runs on dist: scripts/ci/dual-package-check.mjs.
// (A specifier in a variable: TypeScript cannot resolve the query string, vitest can.)
const secondCopy = '../src/errors.ts?second-copy';
const other: typeof import('../src/errors.ts') = await import(secondCopy);

describe('CxMetricsError and isCxMetricsError', () => {
  it('an error thrown by a function is a CxMetricsError, an Error, and carries code and message', () => {
    const error = caught(() => proportionInterval(42, 50, { confidence: 95 }));
    expect(error instanceof CxMetricsError).toBe(true);
    expect(error instanceof Error).toBe(true);
    expect(isCxMetricsError(error)).toBe(true);
    expect((error as CxMetricsError).code).toBe('INVALID_OPTION');
    expect((error as CxMetricsError).name).toBe('CxMetricsError');
  });

  it('instanceof CxMetricsError holds across two copies of the class (ESM and CJS builds)', () => {
    expect(other.CxMetricsError).not.toBe(CxMetricsError);
    const foreign = new other.CxMetricsError('INVALID_VALUE', 'f: x is NaN', { index: 2, value: Number.NaN });
    expect(foreign instanceof CxMetricsError).toBe(true);
    expect(isCxMetricsError(foreign)).toBe(true);
    const local = new CxMetricsError('EMPTY_INPUT', 'f: no values');
    expect(local instanceof other.CxMetricsError).toBe(true);
    expect(other.isCxMetricsError(local)).toBe(true);
  });

  it('isCxMetricsError is false for other errors, look-alikes and non-objects', () => {
    for (const x of [
      new Error('x'),
      new TypeError('x'),
      { name: 'CxMetricsError', code: 'INVALID_VALUE', message: 'x' },
      Object.create(Error.prototype),
      null,
      undefined,
      'CxMetricsError',
      42,
      () => 1,
    ]) {
      expect(isCxMetricsError(x)).toBe(false);
      expect(x instanceof CxMetricsError).toBe(false);
    }
  });

  it('isCxMetricsError never throws, even for a Proxy whose traps throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(isCxMetricsError(hostile)).toBe(false);
    expect(hostile instanceof CxMetricsError).toBe(false);
  });

  it('the brand is not an own property: keys, JSON and spreading see only the error fields', () => {
    const error = new CxMetricsError('INVALID_VALUE', 'f: bad', { index: 1, value: 'x' });
    expect(Object.keys(error)).toEqual(['name', 'code', 'index', 'value']);
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'CxMetricsError',
      code: 'INVALID_VALUE',
      index: 1,
      value: 'x',
    });
  });

  it('a subclass keeps the ordinary prototype-chain instanceof', () => {
    class Narrower extends CxMetricsError {}
    const sub = new Narrower('INVALID_VALUE', 'sub');
    const base = new CxMetricsError('INVALID_VALUE', 'base');
    expect(sub instanceof Narrower).toBe(true);
    expect(sub instanceof CxMetricsError).toBe(true);
    expect(base instanceof Narrower).toBe(false);
  });
});
