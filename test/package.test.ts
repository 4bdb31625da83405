import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// What a user gets from `npm install cx-metrics` (or the tarball from `npm pack`), checked on the
// file list npm itself computes, and what a checkout needs. The packed .d.ts are type-checked by
// scripts/ci/consumer-check.mjs, the two builds by scripts/ci/dual-package-check.mjs.
const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  exports: Record<string, unknown>;
};

function packedFiles(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`npm pack --dry-run failed: ${result.stderr}`);
  const [info] = JSON.parse(result.stdout) as { files: { path: string }[] }[];
  return (info?.files ?? []).map((f) => f.path);
}
const files = packedFiles();

/** Relative link targets of a markdown file (links and images), fragment dropped; code spans and blocks skipped. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1] as string)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.replace(/#.*$/, ''));
}

describe('the npm package', () => {
  it('ships the README, the guides (docs/*.md) and the JSON Schemas beside dist', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('docs/nps.md');
    expect(files).toContain('docs/schemas/ticket.schema.json');
  });

  it('leaves out the API reference, the notebook, its screenshot, tests and examples', () => {
    const bulky = files.filter((f) => /^(docs\/api\/|docs\/notebooks\/|test\/|examples\/|src\/)/.test(f));
    expect(bulky).toEqual([]);
  });

  it('README and every shipped guide link only to files inside the tarball', () => {
    const markdown = files.filter((f) => f.endsWith('.md'));
    const broken: string[] = [];
    for (const file of markdown) {
      for (const target of relativeLinks(readFileSync(join(ROOT, file), 'utf8'))) {
        const path = posix.normalize(posix.join(posix.dirname(file), target));
        const inside = files.includes(path) || files.some((f) => f.startsWith(`${path.replace(/\/$/, '')}/`));
        if (!inside) broken.push(`${file} → ${target}`);
      }
    }
    expect(markdown.length).toBeGreaterThan(5);
    expect(broken).toEqual([]);
  });

  it("README's install-from-a-tarball commands name this version's tarball", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`${pkg.name}-${pkg.version}.tgz`);
    expect(readme).toContain('npm install /path/to/cx-metrics ');
  });

  it("README's 'What exists' table is one table, with a row for every subpath", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.split('## What exists')[1]?.split('\n## ')[0] ?? '';
    const start = section.indexOf('| area |');
    expect(start).toBeGreaterThan(-1);
    // A table ends at its first line that is not a row: everything up to there is the one table.
    const lines = section.slice(start).split('\n');
    const end = lines.findIndex((line) => !line.startsWith('|'));
    const table = lines.slice(0, end);
    const after = lines.slice(end).filter((line) => line.startsWith('|'));
    expect(after, 'rows after the table ended (a blank line splits it)').toEqual([]);
    for (const subpath of Object.keys(pkg.exports).filter((s) => s !== '.' && s !== './package.json')) {
      const specifier = `${pkg.name}${subpath.slice(1)}`;
      expect(
        table.some((row) => row.includes(`\`${specifier}\``)),
        `a row for ${specifier}`,
      ).toBe(true);
    }
  });
});

/** Bare specifiers imported by the modules reachable from `entry` through relative imports. */
function packagesReachedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm,
    )) {
      const spec = (m[1] ?? m[2]) as string;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:')) bare.add(spec);
    }
  };
  visit(join(ROOT, entry));
  expect(seen.size, `modules reached from ${entry}`).toBeGreaterThan(1);
  for (const file of seen) expect(existsSync(file), relative(ROOT, file)).toBe(true);
  return [...bare].sort();
}

describe('a checkout (docs/notebooks.md: importing the TypeScript source)', () => {
  it('needs no install for the main entry and cx-metrics/notebook: they import no package', () => {
    expect(packagesReachedFrom('src/index.ts')).toEqual([]);
    expect(packagesReachedFrom('src/notebook/index.ts')).toEqual([]);
  });

  it('needs no install for cx-metrics/sql: it writes SQL and reads rows, with no driver imported', () => {
    expect(packagesReachedFrom('src/sql/index.ts')).toEqual([]);
  });

  it('needs npm ci for cx-metrics/schemas, which imports zod', () => {
    expect(packagesReachedFrom('src/schemas/index.ts')).toEqual(['zod']);
  });
});
