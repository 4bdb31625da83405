// Writes the JSON Schemas of the cx-metrics records to docs/schemas/*.schema.json, generated from
// the zod schemas by jsonSchemas() (src/schemas/jsonSchemas.ts), for users in other languages.
// test/schemas/jsonSchemas.test.ts fails when the committed files no longer match the schemas:
// run this script and commit the result.
//
// Usage: npx tsx scripts/generate-json-schemas.ts          write the files
//        npx tsx scripts/generate-json-schemas.ts --check  exit 1 if a file is missing or stale
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type JsonSchemas, jsonSchemas } from '../src/schemas/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where each schema goes, relative to the repository root. */
export const SCHEMA_FILES: Readonly<Record<keyof JsonSchemas, string>> = Object.freeze({
  surveyResponse: 'docs/schemas/survey-response.schema.json',
  ticket: 'docs/schemas/ticket.schema.json',
  customer: 'docs/schemas/customer.schema.json',
  scale: 'docs/schemas/scale.schema.json',
  journeyEvent: 'docs/schemas/journey-event.schema.json',
  cart: 'docs/schemas/cart.schema.json',
});

/**
 * The text of every file, by path. Short arrays of scalars stay on one line, as Biome's JSON
 * formatter writes them, so `biome check` and this script agree on the committed files.
 */
export function schemaFileContents(): Record<string, string> {
  const schemas = jsonSchemas();
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(SCHEMA_FILES)) {
    out[file] = `${format(schemas[name as keyof JsonSchemas], '')}\n`;
  }
  return out;
}

const LINE_WIDTH = 120;

/** `prefix` is what precedes the value on its line (indent and key), for the line-width rule. */
function format(value: unknown, indent: string, prefix = indent.length): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    if (value.every((v) => v === null || typeof v !== 'object') && prefix + flat.length + 1 <= LINE_WIDTH) {
      return flat;
    }
    return `[\n${value.map((v) => `${inner}${format(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, inner.length + JSON.stringify(k).length + 2)}`).join(',\n')}\n${indent}}`;
}

function main(check: boolean): number {
  let stale = 0;
  for (const [file, text] of Object.entries(schemaFileContents())) {
    const target = path.join(root, file);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === text) continue;
    stale++;
    if (check) {
      console.error(`${file}: ${current === undefined ? 'missing' : 'stale'}`);
    } else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
      console.log(`wrote ${file}`);
    }
  }
  if (check && stale > 0) {
    console.error('run: npx tsx scripts/generate-json-schemas.ts');
    return 1;
  }
  if (stale === 0) console.log('docs/schemas is up to date');
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.includes('--check'));
}
