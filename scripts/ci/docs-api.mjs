#!/usr/bin/env node
// API reference: TypeDoc + typedoc-plugin-markdown, configured by typedoc.json (entry points
// src/index.ts, src/schemas/index.ts and src/notebook/index.ts when it exists), written to
// docs/api/. Output is deterministic (no source links, no git revision, no dates), so it is
// committed and CI can tell when it is stale.
//
//   node scripts/ci/docs-api.mjs           regenerate docs/api (what `npm run docs:api` runs)
//   node scripts/ci/docs-api.mjs --check   generate into a temp dir and diff it against docs/api
//                                          (what .ci/run runs); exit 1 when stale
//
// Fails (exit 1) on TypeDoc errors and on an exported function with no summary (the first
// paragraph of its JSDoc), unless scripts/ci/jsdoc-allowlist.txt lists `<file>#<name>: summary`
// (the same allowlist as scripts/ci/jsdoc-check.mjs). TypeDoc's other warnings (undocumented
// interfaces, types and constants, a @param that names no parameter, a referenced type that is
// not exported) are printed for authors to act on but do not fail: they are gaps in the docs,
// not wrong docs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, PackageJsonReader, ReflectionKind, TSConfigReader, TypeDocReader } from 'typedoc';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOCS = path.join(root, 'docs', 'api');
const ALLOWLIST = path.join(root, 'scripts', 'ci', 'jsdoc-allowlist.txt');
const check = process.argv.includes('--check');

process.chdir(root); // typedoc.json's relative paths, whatever the caller's cwd
const out = check ? mkdtempSync(path.join(tmpdir(), 'cx-metrics-api-')) : DOCS;

function cleanup() {
  if (check) rmSync(out, { recursive: true, force: true });
}

const app = await Application.bootstrapWithPlugins({ options: path.join(root, 'typedoc.json'), out }, [
  new TypeDocReader(),
  new PackageJsonReader(),
  new TSConfigReader(),
]);

const project = await app.convert();
if (!project) {
  cleanup();
  console.log('docs:api: FAILED: TypeDoc could not convert the entry points (see above)');
  process.exit(1);
}
app.validate(project);

// Exported functions without a summary: TypeDoc's notDocumented only asks for *some* comment
// (a lone @param passes), so look at the summary it will actually print.
const allowed = existsSync(ALLOWLIST)
  ? readFileSync(ALLOWLIST, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.endsWith(': summary'))
  : [];
const text = (parts) => (parts ?? []).map((part) => part.text).join('');
const noSummary = [];
for (const fn of project.getReflectionsByKind(ReflectionKind.Function)) {
  const comments = [fn.comment, ...(fn.signatures ?? []).map((sig) => sig.comment)].filter(Boolean);
  if (comments.some((comment) => text(comment.summary).trim().length > 0)) continue;
  const name = fn.getFriendlyFullName();
  if (allowed.some((line) => line.endsWith(`#${fn.name}: summary`))) {
    app.logger.warn(`${name} has no summary (allowlisted in scripts/ci/jsdoc-allowlist.txt)`);
  } else {
    noSummary.push(name);
    app.logger.error(`${name} is an exported function with no summary: start its JSDoc with a one-line summary`);
  }
}

if (!app.logger.hasErrors()) await app.generateOutputs(project);
const { errorCount, warningCount } = app.logger;
console.log(`docs:api: TypeDoc ${errorCount} error(s), ${warningCount} warning(s) (warnings do not fail)`);
if (app.logger.hasErrors()) {
  cleanup();
  console.log(`docs:api: FAILED${noSummary.length ? `: ${noSummary.length} function(s) without a summary` : ''}`);
  process.exit(1);
}

if (!check) {
  console.log(`docs:api: wrote ${path.relative(root, DOCS)}/`);
  process.exit(0);
}

// --check: same file set, same bytes.
function files(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? files(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}
const committed = files(DOCS);
const fresh = files(out);
const committedSet = new Set(committed);
const freshSet = new Set(fresh);
const added = fresh.filter((file) => !committedSet.has(file));
const removed = committed.filter((file) => !freshSet.has(file));
const changed = fresh.filter(
  (file) => committedSet.has(file) && !readFileSync(path.join(DOCS, file)).equals(readFileSync(path.join(out, file))),
);

if (added.length + removed.length + changed.length === 0) {
  cleanup();
  console.log(`docs:api: docs/api is up to date (${fresh.length} files)`);
  process.exit(0);
}

console.log(
  `docs:api: FAILED: docs/api is stale (${changed.length} changed, ${added.length} new, ${removed.length} obsolete):`,
);
const show = (label, list) => {
  for (const file of list.slice(0, 20)) console.log(`  ${label} docs/api/${file}`);
  if (list.length > 20) console.log(`  … and ${list.length - 20} more ${label}`);
};
show('changed ', changed);
show('new     ', added);
show('obsolete', removed);
const diff = spawnSync('diff', ['-ru', DOCS, out], { encoding: 'utf8' });
if (diff.stdout) {
  const lines = diff.stdout.split('\n');
  console.log(lines.slice(0, 40).join('\n'));
  if (lines.length > 40) console.log(`… (${lines.length - 40} more diff lines)`);
}
console.log('hint: run `npm run docs:api` and commit docs/api');
cleanup();
process.exit(1);
