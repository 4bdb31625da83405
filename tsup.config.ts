import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Entry name = output path under dist/ (so 'schemas/index' → dist/schemas/index.{js,cjs,d.ts,d.cts}),
// matching the exports map in package.json. Subpath entries are built only once their source
// exists, so the build stays green while a subpath is still being written; publint and attw then
// report the missing files for any exports entry that has no source yet.
const candidates: Record<string, string> = {
  index: 'src/index.ts',
  'schemas/index': 'src/schemas/index.ts',
  'notebook/index': 'src/notebook/index.ts',
  'sql/index': 'src/sql/index.ts',
  'arbitraries/index': 'src/arbitraries/index.ts',
};

const entry = Object.fromEntries(Object.entries(candidates).filter(([, file]) => existsSync(file)));

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: ['node20', 'es2022'],
  platform: 'neutral',
  treeshake: true,
  // Shared modules (CxMetricsError above all) go to one chunk that both entries import, in CJS
  // as well as ESM, so `instanceof CxMetricsError` holds across 'cx-metrics' and its subpaths.
  splitting: true,
  clean: true,
  outDir: 'dist',
  // dependencies and peerDependencies are external by default in tsup; keep it explicit that
  // nothing from node_modules is inlined.
  skipNodeModulesBundle: true,
});
