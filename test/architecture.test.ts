import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The layering DESIGN.md states: the statistics in src/stats are pure computation; printing (the
// formatter in src/format, attached by `printable`) is added where a public function returns.
const STATS = new URL('../src/stats/', import.meta.url);
// Still importing the formatter, to be moved out (exact: a file that stops importing it fails
// this test until it is removed from the list).
const NOT_YET_MOVED: string[] = [];

function importsFormatter(file: string): boolean {
  return /from '\.\.\/format\//.test(readFileSync(new URL(file, STATS), 'utf8'));
}

describe('layering', () => {
  it('src/stats imports nothing from src/format', () => {
    const offenders = readdirSync(STATS)
      .filter((file) => file.endsWith('.ts') && !NOT_YET_MOVED.includes(file))
      .filter(importsFormatter);
    expect(offenders).toEqual([]);
  });

  it('the files listed as not yet moved still import the formatter (the list cannot go stale)', () => {
    expect(NOT_YET_MOVED.filter((file) => !importsFormatter(file))).toEqual([]);
  });
});
