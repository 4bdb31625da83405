import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNpsSurvey } from '../../examples/loaders.ts';
import { nps } from '../../src/index.ts';

/**
 * End to end: `npm run demo` (examples/demo.ts) writes report.html in the current directory, and
 * Debian's headless Chromium renders it: every chart is an inline SVG with drawn marks, and the
 * headline NPS is on the page. The page must load nothing: no scripts, stylesheets or images.
 *
 * Skipped when /usr/bin/chromium is absent (a fresh machine: `apt-get install chromium`), unless
 * CX_REQUIRE_CHROMIUM=1 (set by .ci/run, which installs it), which turns the skip into a failure.
 * CX_CHROMIUM overrides the browser's path.
 */
const CHROMIUM = process.env.CX_CHROMIUM || '/usr/bin/chromium';
const REQUIRED = process.env.CX_REQUIRE_CHROMIUM === '1';
const ROOT = join(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, 'examples', 'demo.ts');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** The charts of the page (examples/report.ts), with text each one's SVG must show. */
const CHARTS: Record<string, string[]> = {
  'nps-by-month': ['2026-05', '2026-10', 'NPS'],
  'nps-breakdown': ['email', 'phone', 'promoters'],
  'nps-comparison': ['2026-08', '2026-07'],
  'nps-segments': ['in-app', 'phone'],
  'nps-rolling': ['NPS'],
  'csat-distribution': ['share of answers'],
  'ces-distribution': ['share of answers'],
  'resolution-curve': ['still open'],
  'fcr-by-definition': ['one-touch', 'reported'],
  'retention-curve': ['tenure (months)'],
  'cohort-retention': ['2025-12'],
  funnel: ['visit', 'purchase'],
};

/** Flags from the machine notes: headless, no sandbox (root), no GPU, nothing in the background. */
function chromiumArgs(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--no-default-browser-check',
    `--user-data-dir=${profile}`,
  ];
}

/** Text content of an HTML fragment: tags dropped, the few entities the page uses decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const MISSING = `${CHROMIUM} not found (Debian: apt-get install chromium; .ci/run installs it)`;

if (!existsSync(CHROMIUM)) {
  describe('report.html in headless Chromium', () => {
    if (REQUIRED) {
      it('needs Chromium: CX_REQUIRE_CHROMIUM=1 turns the skip into a failure', () => {
        expect.fail(`CX_REQUIRE_CHROMIUM=1 but ${MISSING}`);
      });
    } else {
      console.warn(`test/e2e/report.test.ts: SKIPPED: ${MISSING}`);
      it.skip(`SKIPPED: ${MISSING}`, () => {});
    }
  });
} else {
  describe('report.html in headless Chromium', () => {
    let dir = '';
    let file = '';
    let dom = '';
    let demo: ReturnType<typeof spawnSync>;

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'cx-report-'));
      // The demo writes report.html in its working directory by default.
      const env = { ...process.env };
      delete env.DEMO_REPORT_HTML;
      demo = spawnSync(TSX, [DEMO], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
      file = join(dir, 'report.html');
      if (demo.status !== 0 || !existsSync(file)) {
        throw new Error(`npm run demo failed (exit ${demo.status}): ${demo.stderr}`);
      }
      const browser = spawnSync(
        CHROMIUM,
        [...chromiumArgs(join(dir, 'profile')), '--dump-dom', pathToFileURL(file).href],
        { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
      );
      if (browser.status !== 0 || !browser.stdout.includes('</html>')) {
        const why = browser.error ? String(browser.error) : `exit ${browser.status}`;
        throw new Error(`chromium --dump-dom failed (${why}): ${String(browser.stderr).slice(-2000)}`);
      }
      dom = browser.stdout;
    }, 240_000);

    afterAll(() => {
      if (dir !== '') rmSync(dir, { recursive: true, force: true });
    });

    it('is written by the demo beside its text report', () => {
      expect(String(demo.stdout)).toContain('Net Promoter Score (NPS)');
      expect(String(demo.stderr)).toMatch(/wrote report\.html \(\d+ charts\)/);
    });

    it('prints a duration in readable units once, never "(54.9 days) (54.9 days)"', () => {
      const stdout = String(demo.stdout);
      expect(stdout).toContain('4746299000 ms (54.9 days)');
      expect(stdout).not.toMatch(/\(\d[\d.]* (?:days|h|min|s)\) \(\d[\d.]* (?:days|h|min|s)\)/);
    });

    it('shows the headline NPS of the sample survey', () => {
      const survey = loadNpsSurvey(join(ROOT, 'examples', 'data', 'nps-responses.csv'));
      const r = nps(survey.responses, { accessor: 'score', scale: survey.scale });
      const figure = `NPS ${r.value.toFixed(1)}`;
      expect(figure).toBe('NPS 26.3'); // the sample's figure, as in the README
      const text = textOf(dom);
      const headline = `${figure} [${r.lower.toFixed(1)}, ${r.upper.toFixed(1)}]`;
      expect(text.includes(headline), `"${headline}" on the page`).toBe(true);
      expect(text.includes(`n=${r.n}`), `"n=${r.n}" on the page`).toBe(true);
    });

    it.each(Object.entries(CHARTS))('draws the %s chart as an SVG with marks', (id, texts) => {
      const figure = new RegExp(`<figure class="chart" id="chart-${id}"[^>]*>([\\s\\S]*?)</figure>`).exec(dom);
      expect(figure, `no <figure id="chart-${id}"> in the DOM`).not.toBeNull();
      const html = (figure as RegExpExecArray)[1] as string;
      const svg = /<svg\b[^>]*class="marks"[^>]*width="(\d+(?:\.\d+)?)"[^>]*height="(\d+(?:\.\d+)?)"/.exec(html);
      expect(svg, `no vega <svg class="marks"> in chart-${id}`).not.toBeNull();
      expect(Number(svg?.[1])).toBeGreaterThan(100);
      expect(Number(svg?.[2])).toBeGreaterThan(50);
      // At least one data mark group with drawn items in it, and a title.
      const marks = [...html.matchAll(/<g class="mark-(\w+) role-mark[^"]*"[^>]*>\s*<(path|line|rect|text|g)\b/g)];
      expect(marks.length, `no drawn data marks in chart-${id}`).toBeGreaterThan(0);
      expect(/role-title/.test(html), `chart-${id} has no title`).toBe(true);
      const text = textOf(html);
      for (const t of texts) expect(text.includes(t), `chart-${id} shows "${t}"`).toBe(true);
    });

    it('draws nothing it could not: every chart of the page is there, none skipped', () => {
      const drawn = [...dom.matchAll(/<figure class="chart" id="chart-([\w-]+)"/g)].map((m) => m[1]);
      expect(drawn.sort()).toEqual(Object.keys(CHARTS).sort());
      expect(/class="skipped"/.test(dom), 'a chart was not drawn (class="skipped")').toBe(false);
    });

    it('is self-contained: no scripts, no external stylesheets, images, fonts or URLs', () => {
      const raw = readFileSync(file, 'utf8');
      const found = (pattern: RegExp): string[] => [...raw.matchAll(pattern)].map((m) => m[0]);
      expect(found(/<(script|link|img|iframe|object|embed|base)\b[^>]{0,60}/gi)).toEqual([]);
      expect(found(/\b(src|srcset|action|formaction)\s*=[^>]{0,60}/gi)).toEqual([]);
      expect(found(/\bhref\s*=\s*["'](?!#)[^"']*/gi)).toEqual([]);
      expect(found(/@import[^;]{0,60}|url\((?!#)[^)]{0,60}/gi)).toEqual([]);
      // The only absolute URLs are XML namespaces (xmlns), which are names, never loaded.
      expect(found(/https?:\/\/[^\s"'<>)]+/g).filter((u) => !u.startsWith('http://www.w3.org/'))).toEqual([]);
    });
  });
}
