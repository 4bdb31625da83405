#!/usr/bin/env node
// JSDoc check: every export of the public entries (src/index.ts, src/schemas/index.ts and
// src/notebook/index.ts once it exists) has, in its JSDoc,
//   - a summary (text before the first tag),
//   - at least one `@example` (test/examples.test.ts runs them, so they stay true),
//   - and, for a FUNCTION defined under src/stats, src/metrics, src/compare or src/journey, a citation:
//     a DOI (`doi:10.…` or `10.NNNN/…`), a year in parentheses (`(1927)`, `(Newcombe, 1998)`),
//     or the words 'Reference'/'References' or 'et al.'.
// Exports are resolved with the TypeScript compiler API (re-exports and aliases followed), so the
// check sees exactly what a user can import. Functions are function declarations (overloads: the
// JSDoc of all declarations counts together, as the docs show the first) and `const f = (…) => …`
// / `function` expressions. Everything else exported (types, interfaces, classes, constants) needs
// the summary and the example but no citation; for those only the JSDoc block right above each
// declaration counts (the one TypeScript and TypeDoc show), so a file-level comment in front of
// the first declaration does not pass for its summary.
//
// Known offenders are listed in scripts/ci/jsdoc-allowlist.txt, one `file#name: what` per line
// (what = summary | example | citation); an offender not listed fails, and so does a listed line
// that no longer matches an offender (delete it: the gap was fixed, keep it fixed). `--prune`
// deletes those stale lines for you (it never adds any).
// Usage: node scripts/ci/jsdoc-check.mjs [--prune]   (from any directory; exit 1 on failure)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ALLOWLIST = path.join(root, 'scripts', 'ci', 'jsdoc-allowlist.txt');
const ENTRIES = [
  'src/index.ts',
  'src/schemas/index.ts',
  'src/notebook/index.ts',
  'src/arbitraries/index.ts',
  'src/sql/index.ts',
];
const CITATION_DIRS = ['src/stats/', 'src/intervals/', 'src/metrics/', 'src/compare/', 'src/journey/', 'src/analysis/'];
const prune = process.argv.includes('--prune');

// DOI (with or without the 'doi:' prefix or a doi.org URL), a year closing a parenthesis, or words.
const CITATION_PATTERNS = [
  /\b10\.\d{4,9}\/\S+/,
  /\([^()]*\b(?:1[6-9]|20)\d{2}[a-z]?\b[^()]*\)/,
  /\bReferences?\b/,
  /\bet al\./,
];

const entries = ENTRIES.filter((file) => existsSync(path.join(root, file)));
const missingEntries = ENTRIES.filter((file) => !entries.includes(file));
for (const file of missingEntries) console.log(`jsdoc-check: ${file} does not exist yet; skipped`);

const configPath = path.join(root, 'tsconfig.json');
const config = ts.readConfigFile(configPath, ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, root);
const program = ts.createProgram({
  rootNames: entries.map((file) => path.join(root, file)),
  options: { ...parsed.options, noEmit: true },
});
const checker = program.getTypeChecker();

const rel = (file) => path.relative(root, file).split(path.sep).join('/');

function isFunctionLike(declaration) {
  if (ts.isFunctionDeclaration(declaration)) return true;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    let init = declaration.initializer;
    while (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) {
      init = init.expression;
    }
    return ts.isArrowFunction(init) || ts.isFunctionExpression(init);
  }
  return false;
}

// JSDoc blocks attached to a declaration (for a `const`, they sit on the variable statement).
function jsDocsOf(declaration) {
  const host = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  return (host.jsDoc ?? []).filter(ts.isJSDoc);
}

function commentText(comment) {
  return (typeof comment === 'string' ? comment : ts.getTextOfJSDocComment(comment)) ?? '';
}

// The JSDoc block TypeScript shows for a non-function declaration: the last one above it.
function ownJsDoc(declaration) {
  return jsDocsOf(declaration).slice(-1);
}

const functions = new Map(); // `${file}#${name}` → { file, line, name, entries: Set, docs: JSDoc[] }
const others = new Map(); // types, interfaces, classes and constants, same shape
for (const entry of entries) {
  const source = program.getSourceFile(path.join(root, entry));
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) {
    console.log(`jsdoc-check: ${entry} has no exports`);
    continue;
  }
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const all = symbol.declarations ?? [];
    const functionLike = all.filter(isFunctionLike);
    const isFunction = functionLike.length > 0;
    const declarations = isFunction ? functionLike : all;
    if (declarations.length === 0) continue;
    const first = declarations[0];
    const sourceFile = first.getSourceFile();
    const file = rel(sourceFile.fileName);
    const name = exported.getName();
    const key = `${file}#${name}`;
    const records = isFunction ? functions : others;
    const record = records.get(key) ?? {
      file,
      line: sourceFile.getLineAndCharacterOfPosition(first.getStart(sourceFile)).line + 1,
      name,
      entries: new Set(),
      docs: declarations.flatMap(isFunction ? jsDocsOf : ownJsDoc),
      isFunction,
    };
    record.entries.add(entry);
    records.set(key, record);
  }
}

const offenders = []; // { key, file, line, name, what }
const exportsChecked = [...functions, ...others].sort(([a], [b]) => a.localeCompare(b));
for (const [key, { file, line, name, docs, isFunction }] of exportsChecked) {
  const summary = docs.some((doc) => commentText(doc.comment).trim().length > 0);
  const example = docs.some((doc) => (doc.tags ?? []).some((tag) => tag.tagName.text === 'example'));
  const text = docs.map((doc) => doc.getText()).join('\n');
  const needsCitation = isFunction && CITATION_DIRS.some((dir) => file.startsWith(dir));
  const citation = !needsCitation || CITATION_PATTERNS.some((pattern) => pattern.test(text));
  for (const [ok, what] of [
    [summary, 'summary'],
    [example, 'example'],
    [citation, 'citation'],
  ]) {
    if (!ok) offenders.push({ key: `${key}: ${what}`, file, line, name, what });
  }
}

const allowText = existsSync(ALLOWLIST) ? readFileSync(ALLOWLIST, 'utf8') : '';
const allowed = new Set(
  allowText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
);
const current = new Set(offenders.map((o) => o.key));
const unlisted = offenders.filter((o) => !allowed.has(o.key));
const stale = [...allowed].filter((key) => !current.has(key));

const whatLabel = { summary: 'no summary', example: 'no @example', citation: 'no citation' };
console.log(
  `jsdoc-check: ${functions.size} exported functions and ${others.size} other exports (types, interfaces, ` +
    `classes, constants) in ${entries.join(', ')}; ` +
    `${offenders.length} gaps (${offenders.length - unlisted.length} allowlisted, ${unlisted.length} new)`,
);
const byWhat = (what) => offenders.filter((o) => o.what === what);
for (const what of ['summary', 'example', 'citation']) {
  const list = byWhat(what);
  if (list.length === 0) continue;
  console.log(`  ${whatLabel[what]} (${list.length}):`);
  for (const o of list) console.log(`    ${o.file}:${o.line} ${o.name}${allowed.has(o.key) ? '' : '   <- NEW'}`);
}

let failed = false;
if (unlisted.length > 0) {
  failed = true;
  console.log(
    `jsdoc-check: FAILED: ${unlisted.length} new gap(s). Every export needs a one-line summary and an @example,` +
      ` and an exported function in stats/metrics/compare a citation; see CONVENTIONS.md "Every exported function":`,
  );
  for (const o of unlisted) console.log(`  ${o.file}:${o.line} ${o.name}: ${whatLabel[o.what]}`);
}
if (stale.length > 0) {
  if (prune) {
    const kept = allowText.split('\n').filter((line) => !stale.includes(line.trim()));
    writeFileSync(ALLOWLIST, kept.join('\n'));
    console.log(
      `jsdoc-check: removed ${stale.length} fixed entr${stale.length === 1 ? 'y' : 'ies'} from the allowlist`,
    );
  } else {
    failed = true;
    console.log(
      `jsdoc-check: FAILED: ${stale.length} allowlist line(s) in scripts/ci/jsdoc-allowlist.txt no longer match a gap` +
        ' (fixed, renamed or removed): delete them, or run `node scripts/ci/jsdoc-check.mjs --prune`:',
    );
    for (const key of stale) console.log(`  ${key}`);
  }
}
if (!failed) console.log('jsdoc-check: ok');
process.exit(failed ? 1 : 0);
