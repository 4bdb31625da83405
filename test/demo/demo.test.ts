import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run demo` (examples/demo.ts) prints its segment, period and journey tables from
 * `breakdown`, `trend`, `funnelBy` and `journeyScoreboard`, and the README's demo paragraph quotes
 * some of their figures: these checks keep both true. No report.html is written (DEMO_REPORT_HTML
 * empty); test/e2e/report.test.ts checks the page.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** The row of a printed table whose first cells are `cells`, as its cells. */
function row(stdout: string, ...cells: string[]): string[] {
  const found = stdout
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/))
    .find((c) => cells.every((cell, i) => c[i] === cell));
  expect(found, `a row starting ${cells.join(' | ')}`).toBeDefined();
  return found as string[];
}

describe('npm run demo', () => {
  let stdout = '';
  beforeAll(() => {
    const run = spawnSync(TSX, [join(ROOT, 'examples', 'demo.ts')], {
      cwd: ROOT,
      env: { ...process.env, DEMO_REPORT_HTML: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    stdout = run.stdout;
  }, 150_000);

  it('shows NPS by channel against the rest, Holm-adjusted, with in-app the one flagged channel', () => {
    expect(stdout).toContain('NPS by channel, each against the rest');
    // channel, n, NPS, interval, vs rest, interval, p, holm p, flag
    expect(row(stdout, 'in-app')).toEqual([
      'in-app',
      '151',
      '41.1',
      '[ 28.0, 52.5]',
      '+20.1',
      '[+5.0, +33.9]',
      '0.008',
      '0.03',
      '** higher',
    ]);
    expect(row(stdout, 'phone', '51').slice(6)).toEqual(['0.05', '0.16']);
    expect(stdout).toContain('Any difference across channels: wald-chi-square 10.54 on 3 df, p = 0.01');
  });

  it("shows August's drop with its raw and series-adjusted p-values, unflagged", () => {
    expect(row(stdout, '2026-08', '106')).toEqual([
      '2026-08',
      '106',
      '5.7',
      '[-10.3, 21.3]',
      '-28.8',
      '[-50.4, -5.3]',
      '0.02',
      '0.08',
    ]);
    expect(stdout).toMatch(/Counted as one of the 5\s+month-to-month changes of the series \(holm\), p = 0\.08/);
  });

  it('names mobile at cart → checkout as the moment of abandonment, and the scoreboard its moment of truth', () => {
    expect(row(stdout, 'mobile', '67 / 128').slice(-2)).toEqual(['0.001', '** lower']);
    expect(stdout).toMatch(/Moment of abandonment: mobile at cart → checkout, -22\.7 percentage points/);
    expect(stdout).toContain('moment of truth');
  });

  it('no longer prints the hand-made tables', () => {
    expect(stdout).not.toContain('promoters  passives');
    expect(stdout).toContain('Steady rise or fall across the months');
  });
});
