import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareNps } from '../src/index.ts';

// Statements in the guides that code can check (docs/churn.md's figures are mirrored in
// test/metrics/churn.sample-data.test.ts, the README quickstart in test/readme.test.ts).
const doc = (name: string) => readFileSync(join(import.meta.dirname, '..', 'docs', name), 'utf8');

describe('docs/nps.md', () => {
  it('shows compareNps (it exists) with what it gives for July vs August of the sample', () => {
    const text = doc('nps.md');
    expect(text).not.toMatch(/compareNps`?,? planned/);
    const d = compareNps(
      { promoters: 49, passives: 23, detractors: 18 },
      { promoters: 41, passives: 30, detractors: 35 },
    );
    const quoted = `+${d.difference.toFixed(1)} points [+${d.lower.toFixed(1)}, +${d.upper.toFixed(1)}] (adjusted-Wald, p = ${d.pValue.toFixed(3)})`;
    expect(quoted).toBe('+28.8 points [+5.3, +50.4] (adjusted-Wald, p = 0.016)');
    expect(text.replace(/\s+/g, ' ')).toContain(`\`compareNps(july, august)\` gives ${quoted}`);
  });
});

describe('docs/notebooks.md', () => {
  it('no longer says a checkout needs no install at all, and names the one subpath that does', () => {
    const text = doc('notebooks.md').replace(/\s+/g, ' ');
    expect(text).not.toContain('no npm install of cx-metrics needed');
    expect(text).toContain('The schemas (`src/schemas/index.ts`) import zod: run `npm ci`');
  });
});
