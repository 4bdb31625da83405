import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as arrow from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as arbitraries from '../src/arbitraries/index.ts';
import * as main from '../src/index.ts';
import * as notebook from '../src/notebook/index.ts';
import * as schemas from '../src/schemas/index.ts';
import * as sql from '../src/sql/index.ts';

/**
 * Every `@example` in the JSDoc of src/ is executed here, so the documented results stay true.
 * A line `expr // => expected` is an assertion (numbers compared to `(to tol)` when given, else
 * exactly; anything else deeply); other lines run as setup. Trailing parentheticals after the
 * expected value are comments.
 */
const root = join(import.meta.dirname, '..', 'src');
// `fc` for the examples of 'cx-metrics/arbitraries', which draw samples with fast-check; `arrow`
// (apache-arrow, an optional peer) for those that read Arrow tables.
const scope: Record<string, unknown> = { ...main, ...schemas, ...notebook, ...arbitraries, ...sql, fc, arrow };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface Example {
  where: string;
  lines: string[];
}

function examplesIn(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const out: Example[] = [];
  for (const block of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = (block[1] as string).split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    const start = text.slice(0, block.index).split('\n').length;
    for (let i = 0; i < body.length; i++) {
      if (!(body[i] as string).startsWith('@example')) continue;
      const lines: string[] = [];
      for (let j = i + 1; j < body.length && !(body[j] as string).startsWith('@'); j++) {
        if ((body[j] as string).trim() !== '') lines.push(body[j] as string);
      }
      out.push({ where: `${relative(join(root, '..'), file)}:${start + i}`, lines });
    }
  }
  return out;
}

function compile(example: Example): () => void {
  const statements = example.lines.map((typed) => {
    // Examples are TypeScript; they run as JavaScript, so a declaration's annotation
    // (`const s: Summary = …`) is dropped.
    const line = typed.replace(/^(\s*(?:const|let)\s+[A-Za-z_$][\w$]*)\s*:\s*[^=]+?\s*=(?!=)/, '$1 =');
    const at = line.indexOf('// =>');
    if (at < 0) return line;
    const expr = line.slice(0, at).trim();
    let expected = line.slice(at + 5).trim();
    const tol = /\(to ([^)]+)\)/.exec(expected)?.[1];
    // Trailing parentheticals are comments: "0.5 (to 1e-12) (ln 2)" → "0.5".
    for (let stripped = expected; ; expected = stripped) {
      stripped = expected.replace(/\s*\([^()]*\)\s*$/, '');
      if (stripped === expected || stripped === '') break;
    }
    return `__check((${expr}), (${expected}), ${tol ?? 'undefined'}, ${JSON.stringify(line.trim())});`;
  });
  const names = Object.keys(scope);
  const fn = new Function('__check', ...names, statements.join('\n'));
  return () => fn(check, ...names.map((n) => scope[n]));
}

function check(actual: unknown, expected: unknown, tol: number | undefined, line: string): void {
  if (typeof expected === 'number' && typeof actual === 'number' && tol !== undefined) {
    const err = Math.abs(actual - expected);
    if (!(err <= tol * Math.max(1, Math.abs(expected)))) expect.fail(`${line}: got ${actual}`);
  } else {
    expect(actual, line).toEqual(expected);
  }
}

const all = sourceFiles(root).flatMap(examplesIn);

describe('JSDoc examples are true', () => {
  it('there are examples to check', () => {
    expect(all.length).toBeGreaterThan(20);
  });
  it.each(all.map((e) => [e.where, e] as const))('%s', (_, example) => {
    compile(example)();
  });
});
