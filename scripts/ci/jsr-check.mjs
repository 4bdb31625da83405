#!/usr/bin/env node
// JSR check: jsr.json agrees with package.json, and `deno publish --dry-run` passes offline
// (type check of the published modules, slow types, the published file list).
//
// 1. jsr.json: version equals package.json's; its exports are package.json's exports (minus
//    './package.json'), each pointing at a source file that exists.
// 2. deno publish --dry-run --allow-dirty --no-remote --no-lock --node-modules-dir=manual:
//    nothing is downloaded (bare specifiers such as 'zod' resolve through package.json from the
//    existing node_modules), no deno.lock is written, node_modules is not touched, and a working
//    tree with uncommitted changes is fine. Works with no network at all.
// Slow types (https://jsr.io/docs/about-slow-types) already known are listed in
// scripts/ci/jsr-slow-types-allowlist.txt as `file: code: symbol`; when every slow type reported is
// listed, the dry run is repeated with --allow-slow-types so the rest of it (packaging) is still
// checked. A slow type not listed fails, and so does a listed one that is gone (delete the line, or
// run with --prune).
// Usage: node scripts/ci/jsr-check.mjs [--prune]   (from any directory; exit 1 on failure)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ALLOWLIST = path.join(root, 'scripts', 'ci', 'jsr-slow-types-allowlist.txt');
const prune = process.argv.includes('--prune');
const problems = [];

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const jsr = JSON.parse(readFileSync(path.join(root, 'jsr.json'), 'utf8'));

// 1. jsr.json against package.json
if (jsr.version !== pkg.version) {
  problems.push(`jsr.json version ${jsr.version} differs from package.json version ${pkg.version}`);
}
const npmSubpaths = Object.keys(pkg.exports ?? {}).filter((key) => key !== './package.json');
const jsrSubpaths = Object.keys(jsr.exports ?? {});
for (const key of npmSubpaths.filter((k) => !jsrSubpaths.includes(k))) {
  problems.push(`package.json exports '${key}' but jsr.json does not`);
}
for (const key of jsrSubpaths.filter((k) => !npmSubpaths.includes(k))) {
  problems.push(`jsr.json exports '${key}' but package.json does not`);
}
for (const [key, target] of Object.entries(jsr.exports ?? {})) {
  if (!existsSync(path.join(root, target)))
    problems.push(`jsr.json exports '${key}' → ${target}, which does not exist`);
}
if (problems.length > 0) {
  for (const problem of problems) console.log(`jsr-check: ${problem}`);
  console.log('jsr-check: FAILED (jsr.json; deno publish not run)');
  process.exit(1);
}
console.log(`jsr-check: jsr.json ${jsr.name}@${jsr.version} exports ${jsrSubpaths.join(', ')} (matches package.json)`);

// 2. deno publish --dry-run
const deno = path.join(root, 'node_modules', '.bin', 'deno');
const baseArgs = ['publish', '--dry-run', '--allow-dirty', '--no-remote', '--no-lock', '--node-modules-dir=manual'];
function publish(extra = []) {
  const args = [...baseArgs, ...extra];
  console.log(`jsr-check: deno ${args.join(' ')}`);
  const result = spawnSync(deno, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return { status: result.status ?? 1, output, error: result.error };
}

// Print deno's output without the list of published files (one line per file), which is summarised.
function printOutput(output) {
  const lines = output.split('\n');
  const files = lines.filter((line) => /^\s+file:\/\//.test(line));
  for (const line of lines) if (!/^\s+file:\/\//.test(line) && line.trim()) console.log(`  | ${line}`);
  if (files.length > 0) {
    const rels = files.map((line) =>
      line
        .trim()
        .replace(/^file:\/\//, '')
        .replace(/ \(.*\)$/, ''),
    );
    const outside = rels.map((file) => path.relative(root, file)).filter((file) => !file.startsWith('src/'));
    console.log(`  | (${files.length} files would be published: src/**/*.ts and ${outside.join(', ')})`);
  }
}

// Slow-type diagnostics: "error[code]: …", " --> /abs/file.ts:line:col", the source line, carets.
function slowTypes(output) {
  const found = [];
  const blocks = output.split(/\n(?=error\[)/);
  for (const block of blocks) {
    const head = block.match(/^error\[([a-z0-9-]+)\]/m);
    if (!head || !/jsr\.io\/go\/slow-type-/.test(block)) continue;
    const where = block.match(/-->\s+(\S+?):(\d+):(\d+)/);
    if (!where) continue;
    const file = path.relative(root, where[1].replace(/^file:\/\//, ''));
    const line = Number(where[2]);
    const col = Number(where[3]);
    // The source line is printed as `NN | text`; the symbol is the text under the carets.
    const source = block.match(new RegExp(`\\n\\s*${line} \\| (.*)`));
    const carets = block.match(/\n\s*\|\s*(\s*)(\^+)/);
    let symbol = '?';
    if (source && carets) symbol = source[1].slice(col - 1, col - 1 + carets[2].length);
    found.push({ key: `${file}: ${head[1]}: ${symbol}`, where: `${file}:${line}`, code: head[1], symbol, block });
  }
  return found;
}

const allowText = existsSync(ALLOWLIST) ? readFileSync(ALLOWLIST, 'utf8') : '';
const allowed = new Set(
  allowText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
);

const first = publish();
if (first.error) {
  console.log(`jsr-check: FAILED: could not run deno: ${first.error.message}`);
  process.exit(1);
}
const slow = first.status === 0 ? [] : slowTypes(first.output);
const current = new Set(slow.map((s) => s.key));
const stale = [...allowed].filter((key) => !current.has(key));
let failed = false;

if (first.status !== 0 && slow.length === 0) {
  printOutput(first.output);
  console.log('jsr-check: FAILED: deno publish --dry-run failed (not slow types; see above)');
  process.exit(1);
}

if (slow.length > 0) {
  const unlisted = slow.filter((s) => !allowed.has(s.key));
  console.log(
    `jsr-check: ${slow.length} slow type(s) (${slow.length - unlisted.length} allowlisted, ${unlisted.length} new):`,
  );
  for (const s of slow) console.log(`  ${s.where} ${s.code}: ${s.symbol}${allowed.has(s.key) ? '' : '   <- NEW'}`);
  if (unlisted.length > 0) {
    failed = true;
    for (const s of unlisted) printOutput(s.block.split(/\n(?=This package contains errors)/)[0]);
    console.log(
      `jsr-check: FAILED: ${unlisted.length} new slow type(s): give exported functions an explicit return type and` +
        ' exported constants an explicit type (https://jsr.io/docs/about-slow-types)',
    );
  } else {
    // Every slow type is a known one: finish the dry run past the slow-type gate.
    const second = publish(['--allow-slow-types']);
    printOutput(second.output.replace(/^Warning Publishing a library with slow types[^\n]*\n/m, ''));
    if (second.status !== 0) {
      failed = true;
      console.log('jsr-check: FAILED: deno publish --dry-run --allow-slow-types failed (see above)');
    }
  }
} else {
  printOutput(first.output);
}

if (stale.length > 0) {
  if (prune) {
    writeFileSync(
      ALLOWLIST,
      allowText
        .split('\n')
        .filter((line) => !stale.includes(line.trim()))
        .join('\n'),
    );
    console.log(`jsr-check: removed ${stale.length} fixed slow type(s) from the allowlist`);
  } else {
    failed = true;
    console.log(
      `jsr-check: FAILED: ${stale.length} line(s) of scripts/ci/jsr-slow-types-allowlist.txt match no slow type any` +
        ' more (fixed, renamed or moved): delete them, or run `node scripts/ci/jsr-check.mjs --prune`:',
    );
    for (const key of stale) console.log(`  ${key}`);
  }
}
console.log(failed ? 'jsr-check: FAILED' : 'jsr-check: ok');
process.exit(failed ? 1 : 0);
