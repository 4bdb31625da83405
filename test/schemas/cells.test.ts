import { describe, expect, it } from 'vitest';
import { cellToNumber, isDecimal } from '../../src/schemas/cells.ts';
import { npsResponseSchema, parseResponses } from '../../src/schemas/index.ts';
import { fc } from '../helpers/fc.ts';

// The regex the scanner replaced (quadratic backtracking on a long run of digits that fails at
// the end): kept here as the oracle for the accept/reject rules, on short strings only.
const OLD_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const MIB = 1024 * 1024;

describe('isDecimal', () => {
  it('accepts the decimal forms a CSV writes and rejects the rest', () => {
    for (const text of ['7', '+7', '-7', '4.5', '4.', '.5', '-.5', '1e3', '1E-3', '1.e5', '.5e+2', '007']) {
      expect(isDecimal(text), text).toBe(true);
    }
    for (const text of ['', '+', '-', '.', '+.', 'e3', '.e3', '1e', '1e+', '1.5.2', '0x10', '4,5', 'Infinity']) {
      expect(isDecimal(text), text).toBe(false);
    }
    for (const text of ['NaN', ' 7', '7 ', '1_000', '١٢', '７', '1e3.5', '--1', '+-1']) {
      expect(isDecimal(text), text).toBe(false);
    }
  });

  it('accepts exactly the strings the old DECIMAL regex accepted (property, short strings)', () => {
    const alphabet = fc.constantFrom('0', '1', '9', '.', 'e', 'E', '+', '-', 'x', ' ', '٣');
    const decimalish = fc.array(alphabet, { maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.oneof(decimalish, fc.string({ maxLength: 12 })), (text) => {
        expect(isDecimal(text)).toBe(OLD_DECIMAL.test(text));
      }),
      { seed: 9_001 },
    );
  });
});

describe('numeric cells parse in linear time', () => {
  // No timing assertion (bench/ measures speed): the old regex needed minutes for these, so a
  // test that finishes at all, inside vitest's timeout, shows the work is no longer quadratic.
  it('a 1 MiB cell of digits followed by a letter is rejected, not hung on', () => {
    const cell = `${'1'.repeat(MIB)}x`;
    expect(isDecimal(cell)).toBe(false);
    expect(cellToNumber(cell)).toBe(cell);
    const { errors } = parseResponses([{ type: 'nps', submittedAt: '2026-05-01', score: cell }]);
    expect(errors.map((e) => e.path)).toEqual([['score']]);
  });

  it('a 1 MiB cell of digits, a dot and digits then a letter is rejected by the NPS schema', () => {
    const cell = `${'9'.repeat(MIB / 2)}.${'0'.repeat(MIB / 2)}e`;
    expect(npsResponseSchema.safeParse({ submittedAt: '2026-05-01', score: cell }).success).toBe(false);
  });

  it('a 1 MiB cell of digits is read as the number it is', () => {
    expect(cellToNumber('0'.repeat(MIB))).toBe(0);
    expect(cellToNumber(`${'0'.repeat(MIB)}7`)).toBe(7);
  });
});
