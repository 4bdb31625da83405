// Print the KNOWN and KNOWN_IGNORED lists of exports.test.ts as they stand for this checkout, to
// paste after a merge changes them: `npx tsx test/hostile/print-known.ts`. A new entry is a
// problem to fix (or to list, commented, while another branch fixes it), not a list to grow.
import {
  loadExports,
  optionsPosition,
  runExport,
  runOptionValues,
  runRecordFields,
  sharedValues,
  unknownKeyProblem,
  validArgs,
} from './harness.ts';

const { exports, namespace } = await loadExports();
const valid = validArgs(namespace);
const shared = sharedValues();
const known: string[] = [];
const ignored: string[] = [];
for (const e of exports) {
  const args = valid[e.name];
  const failures = {
    ...runExport(e, args, shared.values),
    ...(args === undefined ? {} : { ...runOptionValues(e, args), ...runRecordFields(e, args) }),
  };
  const entries = Object.entries(failures);
  if (entries.length > 0) {
    known.push(`  ${e.name}: {`, ...entries.map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`), '  },');
  }
  if (args !== undefined && optionsPosition(e.name, args()) >= 0) {
    const problem = unknownKeyProblem(e, args);
    if (problem !== undefined) ignored.push(`  ${e.name}: ${JSON.stringify(problem)},`);
  }
}
console.log(`const KNOWN: Record<string, Record<string, string>> = {\n${known.join('\n')}\n};\n`);
console.log(`const KNOWN_IGNORED: Record<string, string> = {\n${ignored.join('\n')}\n};`);
