#!/usr/bin/env node
// Adds to package-lock.json the platform-specific optional packages (other OSes' and CPUs' builds
// of biome, deno, rollup, …) that npm could not resolve here because the registry this project
// reaches lacks those versions. npm then leaves them out of the lock, but `npm ci` still expects
// them ("Missing: @biomejs/cli-darwin-arm64@ from lock file") and refuses to install. The added
// entries carry the exact version the parent pins plus os/cpu/libc read from the package name,
// so npm skips them on other platforms without fetching; no integrity is known for them.
// Usage: node scripts/ci/complete-lockfile.mjs [--check]   (after `npm install`; from any cwd)
//   --check: change nothing; exit 1 and list what is missing.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const lockPath = path.join(root, 'package-lock.json');
const check = process.argv.includes('--check');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages ?? {};

const OSES = ['android', 'darwin', 'linux', 'win32', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPUS = ['arm64', 'x64', 'arm', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el'];

/** os/cpu/libc from names like @biomejs/cli-linux-x64-musl, @rollup/rollup-linux-arm-gnueabihf, @deno/win32-x64. */
function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((t) => OSES.includes(t));
  const cpu = tokens.find((t) => CPUS.includes(t));
  if (!os || !cpu) return undefined;
  let libc;
  if (os === 'linux') {
    if (tokens.some((t) => t.startsWith('musl'))) libc = 'musl';
    else if (tokens.some((t) => t === 'gnu' || t === 'glibc' || t.startsWith('gnueabi'))) libc = 'glibc';
  }
  return { os, cpu, libc };
}

/** Would Node's resolution from the package at `from` find `name` in the lock? */
function resolvable(from, name) {
  let dir = from;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

const added = [];
const problems = [];
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolvable(location, name)) continue;
    const platform = platformOf(name);
    if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(spec) || !platform) {
      problems.push(
        `${name}@${spec} (optional dependency of ${location || 'the root'}): not an exact version or no platform in the name`,
      );
      continue;
    }
    const hoisted = `node_modules/${name}`;
    const target = packages[hoisted] ? `${location}/node_modules/${name}` : hoisted;
    const record = { version: spec, cpu: [platform.cpu] };
    if (entry.dev) record.dev = true;
    if (platform.libc) record.libc = [platform.libc];
    record.optional = true;
    record.os = [platform.os];
    packages[target] = record;
    added.push(`${target}@${spec} (${platform.os}/${platform.cpu}${platform.libc ? `/${platform.libc}` : ''})`);
  }
}

for (const problem of problems) console.error(`complete-lockfile: cannot add ${problem}`);
if (check) {
  for (const line of added) console.log(`complete-lockfile: missing ${line}`);
  console.log(`complete-lockfile: ${added.length} platform package(s) missing from package-lock.json`);
  process.exit(added.length > 0 || problems.length > 0 ? 1 : 0);
}
if (added.length > 0) {
  // npm keeps lock entries sorted by location (root '' first).
  const sorted = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
  );
  lock.packages = sorted;
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
}
for (const line of added) console.log(`complete-lockfile: added ${line}`);
console.log(`complete-lockfile: ${added.length} platform package(s) added to package-lock.json`);
process.exit(problems.length > 0 ? 1 : 0);
