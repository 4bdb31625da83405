import { describe, expect, it } from 'vitest';
import { checkOptions, closestName, isPlainObject } from '../src/options.ts';
import { thrown } from './helpers/thrown.ts';

describe('checkOptions', () => {
  const keys = ['weights', 'confidence', 'businessHours', 'method'] as const;

  it('treats undefined as the defaults and returns the same object otherwise', () => {
    expect(checkOptions('f', undefined, keys)).toEqual({});
    const options = { method: 'wald' };
    expect(checkOptions('f', options, keys)).toBe(options);
  });

  it('refuses anything that is not a plain object with INVALID_OPTION', () => {
    for (const bad of [null, 0, 'weights', [], new Date(0), new Map(), () => 1, true]) {
      const error = thrown(() => checkOptions('f', bad as never, keys));
      expect(error.code).toBe('INVALID_OPTION');
      expect(error.message).toMatch(/^f: options must be a plain object/);
    }
    expect(checkOptions('f', Object.create(null), keys)).toEqual({});
  });

  it('names an unknown key and the closest valid name', () => {
    expect(thrown(() => checkOptions('nps', { weight: [1] } as never, keys)).message).toBe(
      "nps: unknown option 'weight'; did you mean 'weights'?",
    );
    expect(thrown(() => checkOptions('nps', { confidance: 0.9 } as never, keys)).message).toBe(
      "nps: unknown option 'confidance'; did you mean 'confidence'?",
    );
    expect(thrown(() => checkOptions('ttr', { businessHour: {} } as never, keys)).message).toBe(
      "ttr: unknown option 'businessHour'; did you mean 'businessHours'?",
    );
    expect(thrown(() => checkOptions('f', { zzz: 1 } as never, keys)).message).toBe(
      "f: unknown option 'zzz'; expected one of 'weights', 'confidence', 'businessHours', 'method'",
    );
  });

  it('names the nested object in its messages', () => {
    expect(
      thrown(() => checkOptions('ttr', { timezone: 'UTC' } as never, ['timeZone', 'week'], 'businessHours')).message,
    ).toBe("ttr: unknown businessHours option 'timezone'; did you mean 'timeZone'?");
  });

  it('renders hostile keys escaped and short', () => {
    const message = thrown(() => checkOptions('f', { ['\n"; drop'.repeat(20)]: 1 } as never, keys)).message;
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(200);
  });
});

describe('closestName', () => {
  it('finds transpositions, case slips and missing letters, and nothing for distant names', () => {
    expect(closestName('mehtod', ['method', 'confidence'])).toBe('method');
    expect(closestName('Confidence', ['method', 'confidence'])).toBe('confidence');
    expect(closestName('asof', ['asOf'])).toBe('asOf');
    expect(closestName('x', ['method', 'confidence'])).toBeUndefined();
  });
});

describe('isPlainObject', () => {
  it('is true only for object literals and null-prototype objects', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(new (class A {})())).toBe(false);
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error('no');
        },
      },
    );
    expect(isPlainObject(hostile)).toBe(false);
  });
});
