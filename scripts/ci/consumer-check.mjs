#!/usr/bin/env node
// Consumer check: the published types type-check in a user's project. Packs the package
// (`npm pack`, after the build), unpacks the tarball into the node_modules of a temporary consumer
// project (its dependencies and optional peers linked from this checkout's node_modules, so
// nothing is fetched and the versions are the locked ones), and compiles there, with
// `skipLibCheck: false`:
//   - per entry of package.json `exports` (read from it, so a new subpath is covered by itself): a
//     generated ESM file importing every runtime export by name and using each one (a runtime
//     export the .d.ts lacks is an error), and under node16 a CJS file (.cts, `import x =
//     require(…)`) doing the same through the "require" types;
//   - the type tests test/types/*.types.ts, their imports of src/<entry> rewritten to the package
//     specifiers: the same @ts-expect-error misuses and exact return types, against the packed
//     .d.ts users get instead of the source.
// Four configurations: TypeScript 5.9 (`typescript`) and the current TypeScript 7 (`typescript-7`,
// a devDependency alias), each with moduleResolution node16 (lib ES2022 + @types/node: a Node
// app, ESM and CJS files) and bundler (lib ES2022 + DOM, no Node types: a browser app), all strict
// with exactOptionalPropertyTypes and noUncheckedIndexedAccess. The four compiles run two at a
// time. Errors are printed once each, with the entry they belong to and the configurations that
// report them; the exit code is 1 when there is any.
// Usage: node scripts/ci/consumer-check.mjs [--keep]   (after `npx tsup`; from any directory)
//   --keep: leave the consumer project in the temp dir (its path is printed) to rerun tsc by hand.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const keep = process.argv.includes('--keep');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const TYPE_TESTS = path.join(root, 'test', 'types');
const say = (line) => console.log(`consumer-check: ${line}`);
const problems = []; // failures that are not compiler errors
let work; // the temp dir, once made (finish() removes it)

// ---------------------------------------------------------------------------------------------
// Entries, from package.json exports.
const entries = Object.entries(pkg.exports ?? {})
  .filter(([subpath]) => subpath !== './package.json')
  .map(([subpath, targets]) => {
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}${subpath.slice(1)}`;
    const importTypes = targets?.import?.types;
    const requireTypes = targets?.require?.types;
    // tsup's layout (tsup.config.ts): dist/<name>.d.ts is built from src/<name>.ts.
    const source = importTypes?.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts');
    return { subpath, specifier, importTypes, requireTypes, source, slug: subpath === '.' ? 'main' : subpath.slice(2) };
  });
for (const entry of entries) {
  for (const [condition, target] of [
    ['import', entry.importTypes],
    ['require', entry.requireTypes],
  ]) {
    if (typeof target !== 'string') problems.push(`${entry.specifier}: exports has no ${condition}.types`);
    else if (!existsSync(path.join(root, target)))
      problems.push(`${entry.specifier}: ${target} is not built (run npx tsup)`);
  }
}
if (problems.length > 0) finish();

const compilers = [
  { name: 'typescript', label: 'TS 5.9' },
  { name: 'typescript-7', label: 'TS 7' },
].map((c) => {
  const dir = path.join(root, 'node_modules', c.name);
  if (!existsSync(path.join(dir, 'package.json'))) {
    problems.push(`${c.name} is not installed (a devDependency; run npm ci)`);
    return undefined;
  }
  const version = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  return { ...c, label: `TS ${version}`, bin: path.join(dir, 'bin', 'tsc') };
});
if (problems.length > 0) finish();

// ---------------------------------------------------------------------------------------------
// Pack, unpack, link.
work = mkdtempSync(path.join(tmpdir(), 'cx-metrics-consumer-'));
const consumer = path.join(work, 'consumer');
const modules = path.join(consumer, 'node_modules');
const installed = path.join(modules, pkg.name);
mkdirSync(installed, { recursive: true });

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const packed = spawnSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
  cwd: root,
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
if (packed.status !== 0) {
  problems.push(
    `npm pack failed: ${(packed.stderr || packed.stdout || String(packed.error)).trim().split('\n').slice(-3).join(' | ')}`,
  );
  finish();
}
const info = JSON.parse(packed.stdout)[0];
const tarball = path.join(work, info.filename);
const untar = spawnSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], { encoding: 'utf8' });
if (untar.status !== 0) {
  problems.push(`tar could not unpack ${info.filename}: ${(untar.stderr || String(untar.error)).trim()}`);
  finish();
}
say(
  `packed ${info.filename}: ${info.entryCount} files, ${(info.size / 1024).toFixed(0)} KiB ` +
    `(unpacked ${(info.unpackedSize / 1024).toFixed(0)} KiB); entries ${entries.map((e) => e.specifier).join(', ')}`,
);

// The package's own dependencies and peers, as its package.json in the tarball declares them: a
// type the .d.ts takes from an undeclared package is then not found, as in a user's project.
const declared = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
const optionalPeers = Object.entries(declared.peerDependenciesMeta ?? {})
  .filter(([, meta]) => meta?.optional)
  .map(([name]) => name);
const linked = [];
const link = (name, why) => {
  const from = path.join(root, 'node_modules', name);
  const to = path.join(modules, name);
  if (existsSync(to)) return;
  if (!existsSync(from)) {
    problems.push(`${name} (${why}) is not in this checkout's node_modules; run npm ci`);
    return;
  }
  mkdirSync(path.dirname(to), { recursive: true });
  symlinkSync(from, to, 'junction');
  linked.push(name);
};
for (const name of Object.keys(declared.dependencies ?? {})) link(name, 'dependency');
for (const name of Object.keys(declared.peerDependencies ?? {})) {
  link(name, optionalPeers.includes(name) ? 'optional peer dependency' : 'peer dependency');
}
link('@types/node', 'the node16 consumer');
writeFileSync(
  path.join(consumer, 'package.json'),
  `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`,
);

// ---------------------------------------------------------------------------------------------
// Consumer sources: generated smoke files per entry, and the type tests.
const identifier = /^[A-Za-z_$][\w$]*$/;
const requireFromConsumer = createRequire(path.join(consumer, 'package.json'));
const smoke = { esm: [], cjs: [] };
mkdirSync(path.join(consumer, 'smoke'));
for (const entry of entries) {
  // The runtime exports, from the installed package itself (both formats, names merged).
  let names = [];
  try {
    const cjs = requireFromConsumer(entry.specifier);
    const esmFile = path.join(installed, declared.exports[entry.subpath].import.default);
    const esm = await import(pathToFileURL(esmFile).href);
    names = [...new Set([...Object.keys(esm), ...Object.keys(cjs)])]
      .filter((n) => n !== 'default' && n !== '__esModule' && identifier.test(n))
      .sort();
  } catch (error) {
    problems.push(
      `${entry.specifier}: the installed package does not load: ${error instanceof Error ? error.message : error}`,
    );
    continue;
  }
  const esmFile = `smoke/${entry.slug.replaceAll('/', '-')}.ts`;
  writeFileSync(
    path.join(consumer, esmFile),
    [
      `// Generated by scripts/ci/consumer-check.mjs: every runtime export of '${entry.specifier}', by name.`,
      `import { ${names.join(', ')} } from '${entry.specifier}';`,
      `export const used = [${names.join(', ')}] as const;`,
      '',
    ].join('\n'),
  );
  const cjsFile = `smoke/${entry.slug.replaceAll('/', '-')}.cts`;
  writeFileSync(
    path.join(consumer, cjsFile),
    [
      `// Generated by scripts/ci/consumer-check.mjs: every runtime export of require('${entry.specifier}').`,
      `import entry = require('${entry.specifier}');`,
      `const used = [${names.map((n) => `entry.${n}`).join(', ')}] as const;`,
      // A CJS module under verbatimModuleSyntax exports with `export =`.
      'export = used;',
      '',
    ].join('\n'),
  );
  smoke.esm.push(esmFile);
  smoke.cjs.push(cjsFile);
  entry.files = [esmFile, cjsFile];
  entry.exportCount = names.length;
}

// Type tests: same lines, imports of the entries' sources replaced by the package specifiers.
const typeTests = [];
if (existsSync(TYPE_TESTS)) {
  mkdirSync(path.join(consumer, 'types'));
  for (const file of readdirSync(TYPE_TESTS)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const text = readFileSync(path.join(TYPE_TESTS, file), 'utf8').replace(
      /(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\2/g,
      (whole, lead, quote, spec) => {
        const target = path.relative(root, path.resolve(TYPE_TESTS, spec)).split(path.sep).join('/');
        if (path.dirname(target) === 'test/types') return whole;
        const entry = entries.find((e) => e.source === target);
        if (entry) return `${lead}${quote}${entry.specifier}${quote}`;
        problems.push(
          `test/types/${file} imports ${spec}, which is not a public entry (type tests use what users can import)`,
        );
        return whole;
      },
    );
    writeFileSync(path.join(consumer, 'types', file), text);
    if (file.endsWith('.types.ts')) typeTests.push(`types/${file}`);
  }
}
if (typeTests.length === 0) problems.push('no type tests found in test/types/*.types.ts');
const typeTestFiles = readdirSync(path.join(consumer, 'types')).map((f) => `types/${f}`);

const strict = {
  target: 'ES2022',
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  allowImportingTsExtensions: true,
  noEmit: true,
  skipLibCheck: false,
};
const configs = [
  {
    name: 'node16',
    about: 'ESM + CJS, lib ES2022 + @types/node',
    compilerOptions: { ...strict, module: 'node16', moduleResolution: 'node16', lib: ['ES2022'], types: ['node'] },
    files: [...smoke.esm, ...smoke.cjs, ...typeTestFiles],
  },
  {
    name: 'bundler',
    about: 'lib ES2022 + DOM, no Node types',
    compilerOptions: { ...strict, module: 'esnext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], types: [] },
    files: [...smoke.esm, ...typeTestFiles],
  },
];
for (const config of configs) {
  writeFileSync(
    path.join(consumer, `tsconfig.${config.name}.json`),
    `${JSON.stringify({ compilerOptions: config.compilerOptions, files: config.files }, null, 2)}\n`,
  );
}
say(
  `consumer project: the tarball unpacked into node_modules, linked from this checkout: ${linked.join(', ')}; ` +
    `${smoke.esm.length} generated entry files per format, ${typeTests.length} type-test files (test/types); skipLibCheck false`,
);

// ---------------------------------------------------------------------------------------------
// Compile: every compiler × every configuration, two at a time.
function run(compiler, config) {
  return new Promise((resolve) => {
    const start = Date.now();
    const child = spawn(process.execPath, [compiler.bin, '-p', `tsconfig.${config.name}.json`, '--pretty', 'false'], {
      cwd: consumer,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) =>
      resolve({ compiler, config, output: String(error), status: 1, ms: Date.now() - start }),
    );
    child.on('close', (status) => resolve({ compiler, config, output, status, ms: Date.now() - start }));
  });
}
const jobs = compilers.flatMap((compiler) => configs.map((config) => () => run(compiler, config)));
const results = [];
const workers = Array.from({ length: Math.min(2, availableParallelism()) }, async () => {
  for (let job = jobs.shift(); job; job = jobs.shift()) results.push(await job());
});
await Promise.all(workers);
const order = (r) => compilers.indexOf(r.compiler) * configs.length + configs.indexOf(r.config);
results.sort((a, b) => order(a) - order(b));

// ---------------------------------------------------------------------------------------------
// Diagnostics: one record per distinct error, with the configurations that report it.
const installedPrefix = `node_modules/${pkg.name}/`;
function where(file) {
  const rel = path.isAbsolute(file) ? path.relative(consumer, file) : file;
  const norm = rel.split(path.sep).join('/');
  if (norm.startsWith(installedPrefix)) {
    const inPackage = norm.slice(installedPrefix.length);
    const owner = entries.find((e) => `./${inPackage}` === e.importTypes || `./${inPackage}` === e.requireTypes);
    return { file: `packed ${inPackage}`, group: owner ? owner.specifier : 'shared .d.ts chunks', inPackage };
  }
  if (norm.startsWith('types/')) return { file: `test/${norm}`, group: 'type tests (test/types)' };
  if (norm.startsWith('smoke/')) {
    const owner = entries.find((e) => e.files?.includes(norm));
    return { file: `generated ${norm}`, group: owner ? owner.specifier : 'generated files' };
  }
  const dependency = norm.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];
  return { file: norm, group: dependency ? `dependency ${dependency}` : 'other' };
}
const distinct = new Map();
for (const result of results) {
  const lines = result.output.split(/\r?\n/);
  const configLabel = `${result.compiler.label} ${result.config.name}`;
  let current;
  result.count = 0;
  for (const line of lines) {
    const located = line.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/);
    const global = !located && line.match(/^error (TS\d+): (.*)$/);
    if (located || global) {
      result.count++;
      const [file, lineNo, column, code, message] = located
        ? [located[1], Number(located[2]), Number(located[3]), located[4], located[5]]
        : ['(configuration)', 0, 0, global[1], global[2]];
      const place = located ? where(file) : { file, group: 'configuration' };
      const key = `${place.file}:${lineNo}:${column}:${code}:${message}`;
      current = distinct.get(key) ?? { ...place, line: lineNo, column, code, message, configs: [], absolute: file };
      if (!current.configs.includes(configLabel)) current.configs.push(configLabel);
      distinct.set(key, current);
    } else if (current && /^\s/.test(line) && line.trim()) {
      if (current.configs.length === 1 && !current.message.includes(line.trim())) current.message += ` ${line.trim()}`;
    } else if (line.trim() && !located) {
      current = undefined;
    }
  }
  if (result.status !== 0 && result.count === 0) {
    problems.push(
      `${configLabel}: tsc exited ${result.status} with no error it could parse: ${result.output.trim().slice(0, 300)}`,
    );
  }
}

say(
  `compiled (${compilers.map((c) => c.label).join(', ')}; node16 = ${configs[0].about}, bundler = ${configs[1].about}):`,
);
for (const result of results) {
  console.log(
    `  ${`${result.compiler.label} ${result.config.name}`.padEnd(22)} ${String(result.count).padStart(3)} error${result.count === 1 ? ' ' : 's'} (${(result.ms / 1000).toFixed(1)} s)`,
  );
}

const errors = [...distinct.values()];
const groups = [...entries.map((e) => e.specifier), 'shared .d.ts chunks', 'type tests (test/types)'];
for (const e of errors) if (!groups.includes(e.group)) groups.push(e.group);
say('by entry:');
for (const group of groups) {
  const mine = errors.filter((e) => e.group === group);
  const entry = entries.find((x) => x.specifier === group);
  if (mine.length === 0 && !entry && group !== 'type tests (test/types)') continue;
  const detail = entry ? ` (${entry.exportCount ?? '?'} runtime exports, import and require types)` : '';
  if (mine.length === 0) {
    console.log(`  ${group.padEnd(26)} ok${detail}`);
    continue;
  }
  const codes = tally(mine.map((e) => e.code));
  const files = [...new Set(mine.map((e) => e.file))];
  console.log(
    `  ${group.padEnd(26)} FAILED: ${mine.length} distinct error${mine.length === 1 ? '' : 's'} (${codes}) in ${files.join(', ')}`,
  );
}

if (errors.length > 0) {
  say('errors (each once; [the configurations reporting it]):');
  for (const e of errors) {
    console.log(
      `  ${e.file}${e.line ? `:${e.line}:${e.column}` : ''} ${e.code} ${e.message} [${e.configs.join(', ')}]`,
    );
    const text = sourceLine(e);
    if (text) console.log(`    | ${text}`);
  }
  const inPackage = errors.filter((e) => e.file.startsWith('packed '));
  if (inPackage.length > 0) {
    say(
      'an error in a packed .d.ts is in the types every user gets; fix the source declaration it comes from, ' +
        'rebuild (npx tsup) and rerun this check',
    );
  }
}
if (keep)
  say(`consumer project kept: ${consumer} (rerun: cd there && node ${compilers[0].bin} -p tsconfig.node16.json)`);
finish(errors);

function sourceLine(e) {
  if (!e.line || e.absolute === '(configuration)') return undefined;
  try {
    const file = path.isAbsolute(e.absolute) ? e.absolute : path.join(consumer, e.absolute);
    const text = readFileSync(file, 'utf8').split(/\r?\n/)[e.line - 1]?.trim();
    return text && text.length > 160 ? `${text.slice(0, 160)}…` : text;
  } catch {
    return undefined;
  }
}

function tally(codes) {
  const counts = new Map();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code} ×${n}`).join(', ');
}

function finish(errors = []) {
  if (!keep && typeof work === 'string') rmSync(work, { recursive: true, force: true });
  for (const problem of problems) say(`FAIL: ${problem}`);
  const failed = errors.length > 0 || problems.length > 0;
  if (!failed) say('ok');
  else {
    const parts = [];
    if (errors.length > 0) parts.push(`${errors.length} distinct type error(s) (${tally(errors.map((e) => e.code))})`);
    if (problems.length > 0) parts.push(`${problems.length} other problem(s)`);
    say(`FAILED: ${parts.join(' and ')}`);
  }
  process.exit(failed ? 1 : 0);
}
