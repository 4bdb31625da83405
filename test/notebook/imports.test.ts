import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', '..', 'src', 'notebook');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('cx-metrics/notebook runs anywhere and stays small', () => {
  it.each(files)('%s imports only cx-metrics source (no vega, vega-lite, zod, node: or npm:)', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const specifiers = [...source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
    for (const specifier of specifiers) {
      expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\/.*\.ts$/);
      expect(specifier).not.toMatch(/schemas|arbitraries/);
    }
  });

  it.each(files)('%s uses no Deno-only or Node-only global', (file) => {
    const code = readFileSync(join(dir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/'[^'\n]*'/g, "''"); // Symbol.for('Deno.customInspect') is a string, not the Deno global
    expect(code).not.toMatch(/\bDeno\.|\bprocess\.|\brequire\(|\bBuffer\b/);
  });

  it('index.ts only re-exports', () => {
    const lines = readFileSync(join(dir, 'index.ts'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.trim().startsWith('//'));
    const code = lines.join('\n');
    expect(code.replace(/export\s*\{[^}]*\}\s*from\s*'[^']+';/g, '').trim()).toBe('');
  });
});
