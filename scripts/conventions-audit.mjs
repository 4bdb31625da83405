// Audit of the public API against docs/conventions.md (issue 10): prints every exported result
// type, every options key that looks like a threshold, a missing-answer policy or a time unit,
// every function with an interval-producing result and whether its options take `confidence`.
// Run: node scripts/conventions-audit.mjs [entry.ts …] (default: the main, schemas, notebook and sql entries)
import ts from 'typescript';

const entries = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['src/index.ts', 'src/schemas/index.ts', 'src/notebook/index.ts', 'src/sql/index.ts'];
const program = ts.createProgram(entries, {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  noEmit: true,
  strict: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();

const rows = { types: [], functions: [] };
for (const entry of entries) {
  const sf = program.getSourceFile(entry);
  const mod = checker.getSymbolAtLocation(sf);
  for (const exp of checker.getExportsOfModule(mod)) {
    const sym = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const decl = sym.declarations?.[0];
    if (!decl) continue;
    const file = decl.getSourceFile().fileName.replace(`${process.cwd()}/`, '');
    if (ts.isInterfaceDeclaration(decl) || ts.isTypeAliasDeclaration(decl)) {
      rows.types.push({ entry, name: exp.name, file, kind: ts.isInterfaceDeclaration(decl) ? 'interface' : 'type' });
    } else if (ts.isFunctionDeclaration(decl)) {
      const type = checker.getTypeOfSymbolAtLocation(sym, decl);
      for (const sig of type.getCallSignatures().slice(0, 1)) {
        const params = sig.getParameters().map((p) => {
          const t = checker.getTypeOfSymbolAtLocation(p, decl);
          const keys = t.isUnion()
            ? [...new Set(t.types.flatMap((u) => u.getProperties().map((q) => q.name)))]
            : t.getProperties().map((q) => q.name);
          const keyInfo = {};
          for (const k of keys) {
            const prop =
              t.getNonNullableType().getProperty(k) ??
              (t.isUnion() ? t.types.map((u) => u.getProperty(k)).find(Boolean) : undefined);
            keyInfo[k] = prop ? checker.typeToString(checker.getTypeOfSymbolAtLocation(prop, decl)) : '?';
          }
          return { name: p.name, type: checker.typeToString(t), keys: keyInfo };
        });
        const ret = sig.getReturnType();
        const retKeys = ret.getProperties().map((q) => q.name);
        rows.functions.push({ entry, name: exp.name, file, params, returns: checker.typeToString(ret), retKeys });
      }
    }
  }
}

const section = process.env.SECTION;
const out = (title, lines) => {
  if (section && section !== title) return;
  console.log(`\n## ${title}`);
  for (const l of lines) console.log(l);
};
const fnOptions = (f) => f.params.find((p) => p.name === 'options' || /Options\b/.test(p.type));

out(
  'result types',
  rows.types.filter((t) => !/Options$/.test(t.name)).map((t) => `${t.name}\t${t.kind}\t${t.file}`),
);
out(
  'functions returning intervals without confidence',
  rows.functions
    .filter((f) => f.retKeys.includes('lower') && f.retKeys.includes('upper'))
    .map(
      (f) =>
        `${f.name}\t${fnOptions(f) ? ('confidence' in fnOptions(f).keys ? 'confidence' : 'NO confidence') : 'NO options'}`,
    ),
);
const keyMatches = (re) =>
  rows.functions.flatMap((f) =>
    f.params.flatMap((p) =>
      Object.entries(p.keys)
        .filter(([k]) => re.test(k))
        .map(([k, t]) => `${f.name}\t${p.name}.${k}\t${t}`),
    ),
  );
out('threshold-like keys', keyMatches(/(Min|Max|^min|^max|^target|Threshold|threshold|Target|cutoff|Cutoff)/));
out('missing keys', keyMatches(/missing|Missing|skip/));
out('time unit keys', keyMatches(/unit|Unit|per$|window|Window|within|horizon/));
out('method keys', keyMatches(/^method$|Method$/));
out(
  'counts parameters',
  rows.functions
    .filter((f) => /FromCounts$|Rate$|Counts|Paired/.test(f.name))
    .map((f) => `${f.name}\t${f.params.map((p) => `${p.name}: {${Object.keys(p.keys).join(', ')}}`).join(' ; ')}`),
);
out(
  'all functions',
  rows.functions.map(
    (f) => `${f.name}(${f.params.map((p) => p.name).join(', ')}) -> ${f.returns.slice(0, 80)}\t${f.file}`,
  ),
);
