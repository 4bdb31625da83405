#!/usr/bin/env node
// Bundle check: a browser/ESM consumer that imports only `nps` from the built package must not
// pull in zod (zod belongs to the 'cx-metrics/schemas' subpath alone). Bundles
// `import { nps } from 'cx-metrics'` against dist/ the way a consumer's bundler would (exports map,
// "import" condition), minified, and fails if any zod module is an input or a zod marker is in
// the output. A control bundle of zod itself proves the markers would be seen. Prints sizes.
// Usage: node scripts/ci/bundle-check.mjs   (after `npx tsup`; runs from any directory)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const ZOD_MARKERS = ['ZodError', '$ZodType', '$ZodCheck', 'zod.dev'];
// Size budget for `import { nps }` (minified): today about 40 KiB — 17 of them the console
// formatter behind readable results (with the breakdown and trend tables), 6 the one-pass
// histogram reader with its loop per input kind, 2 the Arrow column reader — with no dependency
// inlined. A jump past this means a heavy dependency crept into the core (stdlib's special
// functions alone were 200 KiB), or a module-level call without a /* @__PURE__ */ mark keeps a
// whole metric family in every bundle (durationFamily('ttr', …) did: 78 KiB).
const NPS_BUDGET_KIB = 42;

// Resolve 'cx-metrics' and 'cx-metrics/<sub>' through the package's own exports map.
const selfReference = {
  name: 'cx-metrics-self-reference',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${pkg.name}(/.*)?$`) }, (args) => {
      const subpath = args.path === pkg.name ? '.' : `.${args.path.slice(pkg.name.length)}`;
      const target = pkg.exports?.[subpath]?.import?.default;
      if (!target) return { errors: [{ text: `package.json exports has no import target for '${subpath}'` }] };
      const file = path.join(root, target);
      if (!existsSync(file)) return { errors: [{ text: `${target} does not exist: run the build (npx tsup) first` }] };
      return { path: file };
    });
  },
};

async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'consumer.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [selfReference],
  });
  const code = result.outputFiles[0].text;
  const inputs = Object.keys(result.metafile.inputs);
  return { code, inputs };
}

function sizes(code) {
  const bytes = Buffer.byteLength(code);
  const gzip = gzipSync(code).length;
  return `${(bytes / 1024).toFixed(1)} KiB minified, ${(gzip / 1024).toFixed(1)} KiB gzip`;
}

function zodIn({ code, inputs }) {
  return {
    modules: inputs.filter((input) => /(^|\/)node_modules\/zod\//.test(input)),
    markers: ZOD_MARKERS.filter((marker) => code.includes(marker)),
  };
}

let failed = false;
try {
  const control = zodIn(await bundle(`import { z } from 'zod'; console.log(z.string().parse('x'));`));
  if (control.modules.length === 0 || control.markers.length === 0) {
    console.error('bundle-check: control bundle of zod shows no zod module or marker; the check would be blind');
    failed = true;
  }

  const consumer = await bundle(
    `import { nps } from '${pkg.name}'; console.log(nps([10, 9, 8, 7, 6, 0, 10, null]).value);`,
  );
  const found = zodIn(consumer);
  console.log(`bundle-check: import { nps } from '${pkg.name}' → ${sizes(consumer.code)} (esbuild, browser, esm)`);
  const packages = [
    ...new Set(consumer.inputs.map((input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1]).filter(Boolean)),
  ];
  const byScope = new Map();
  for (const name of packages) {
    const scope = name.startsWith('@') ? `${name.split('/')[0]}/*` : name;
    byScope.set(scope, (byScope.get(scope) ?? 0) + 1);
  }
  const scopes = [...byScope].map(([scope, count]) => (count > 1 ? `${scope} ×${count}` : scope));
  console.log(`bundle-check: ${packages.length} packages in the bundle: ${scopes.sort().join(', ') || '(none)'}`);
  const kib = Buffer.byteLength(consumer.code) / 1024;
  if (kib > NPS_BUDGET_KIB) {
    console.error(`bundle-check: FAIL: ${kib.toFixed(1)} KiB is over the ${NPS_BUDGET_KIB} KiB budget for nps`);
    failed = true;
  }
  if (found.modules.length > 0 || found.markers.length > 0) {
    console.error(
      `bundle-check: FAIL: zod is in the core bundle (modules: ${found.modules.slice(0, 5).join(', ') || 'none'}; markers: ${found.markers.join(', ') || 'none'})`,
    );
    failed = true;
  } else {
    console.log('bundle-check: ok, no zod in the core bundle');
  }
  // fast-check is the optional peer of 'cx-metrics/arbitraries' alone.
  const fastCheck = consumer.inputs.filter((input) => /(^|\/)node_modules\/fast-check\//.test(input));
  if (fastCheck.length > 0) {
    console.error(`bundle-check: FAIL: fast-check is in the core bundle (${fastCheck.slice(0, 3).join(', ')})`);
    failed = true;
  } else {
    console.log('bundle-check: ok, no fast-check in the core bundle');
  }
} catch (error) {
  console.error(`bundle-check: FAIL: ${error instanceof Error ? error.message : String(error)}`);
  for (const e of error?.errors ?? [])
    console.error(`  ${e.text}${e.location ? ` (${e.location.file}:${e.location.line})` : ''}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
