import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import * as fastCheck from 'fast-check';
import * as vitest from 'vitest';
import { describe, expect, it } from 'vitest';
import * as arbitraries from '../../src/arbitraries/index.ts';
import * as main from '../../src/index.ts';
import * as schemas from '../../src/schemas/index.ts';

// docs/testing.md shows the property tests a user writes in their CI. This file runs exactly
// those code blocks, read from the page: each ```ts block is compiled (esbuild, types stripped,
// to CommonJS) and run with its imports resolved to this checkout — 'cx-metrics' and its
// subpaths to src/, 'fast-check' and 'vitest' to themselves, and './pipeline.ts' to the block
// that starts with `// file: pipeline.ts`. The `test(…)` calls in the blocks register here, as
// tests of this file. Any other import fails, so the page cannot show code that is not run.
// The same blocks are kept as files in test/arbitraries/docs/ (imports of src/ for the package
// names), so that `tsc --noEmit` type-checks them; a test below keeps page and files identical.
const page = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'testing.md'), 'utf8');
const blocks = [...page.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);

const packages: Record<string, unknown> = {
  'cx-metrics': main,
  'cx-metrics/schemas': schemas,
  'cx-metrics/arbitraries': arbitraries,
  'fast-check': fastCheck,
  vitest,
};

function load(code: string, files: Record<string, unknown>): unknown {
  const js = transformSync(code, { loader: 'ts', format: 'cjs', target: 'es2022' }).code;
  const require = (specifier: string) => {
    const found = packages[specifier] ?? files[specifier];
    if (found === undefined)
      throw new Error(`docs/testing.md imports '${specifier}', which this test does not provide`);
    return found;
  };
  const module = { exports: {} as Record<string, unknown> };
  new Function('require', 'module', 'exports', js)(require, module, module.exports);
  return module.exports;
}

const FILE = /^\/\/ file: (\S+)/;
const files: Record<string, unknown> = {};
for (const block of blocks) {
  const name = FILE.exec(block)?.[1];
  if (name !== undefined) files[`./${name}`] = load(block, files);
}
const testBlocks = blocks.filter((block) => !FILE.test(block));

describe('docs/testing.md', () => {
  it('shows the stand-in pipeline and the three properties, as TypeScript blocks', () => {
    expect(Object.keys(files)).toEqual(['./pipeline.ts']);
    const names = testBlocks.flatMap((block) => [...block.matchAll(/^test\('([^']+)'/gm)].map((m) => m[1]));
    expect(names).toEqual([
      'our NPS equals cx-metrics on any answers, skipped answers included',
      'our NPS from raw export rows equals cx-metrics on the parsed rows',
      'every bad row of an export is reported, at its field, and no good row is lost',
      'loading an export in two parts gives the counts of loading it whole',
    ]);
  });

  it("the stand-in pipeline's NPS would catch the blank-cell-as-0 bug it warns about", () => {
    const { myNpsFromRows } = files['./pipeline.ts'] as { myNpsFromRows: (rows: unknown[]) => number };
    const rows = [
      { type: 'nps', submittedAt: '2026-05-01', score: '10' },
      { type: 'nps', submittedAt: '2026-05-01', score: ' ' },
    ];
    expect(myNpsFromRows(rows)).toBe(100);
    expect(main.nps(schemas.parseResponses(rows).data, { accessor: 'score' }).value).toBe(100);
  });

  it('its blocks are the files in test/arbitraries/docs, which tsc type-checks (imports in any order)', () => {
    const dir = join(import.meta.dirname, 'docs');
    const asPackages = (code: string) =>
      code
        .replaceAll("from '../../../src/index.ts'", "from 'cx-metrics'")
        .replaceAll("from '../../../src/schemas/index.ts'", "from 'cx-metrics/schemas'")
        .replaceAll("from '../../../src/arbitraries/index.ts'", "from 'cx-metrics/arbitraries'");
    // biome sorts the imports of the files (relative paths last); the page lists packages in its own order.
    const normal = (code: string) => {
      const lines = code.split('\n');
      return {
        imports: lines.filter((l) => l.startsWith('import ')).sort(),
        rest: lines.filter((l) => !l.startsWith('import ')),
      };
    };
    const names = ['pipeline.ts', 'nps-equals-ours.ts', 'bad-rows-reported.ts', 'split-keeps-counts.ts'];
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    expect(blocks.map(normal)).toEqual(names.map((name) => normal(asPackages(readFileSync(join(dir, name), 'utf8')))));
  });

  describe('its code blocks, run as written', () => {
    for (const block of testBlocks) load(block, files);
  });
});
