#!/usr/bin/env node
// Regenerate docs/notebooks/tour.png, the README's picture of the demo's report.html: run the demo
// (`npm run demo`) into a temp dir and take the top of the page with Debian's headless Chromium,
// 1200 × 1600 CSS pixels — the headline figures and the first two rows of survey charts (the
// monthly NPS band, the weekly trend with its trailing line, the breakdown and the channels
// against the rest).
//
//   node docs/notebooks/screenshot-report.mjs
//
// Needs: `npm ci` at the root; apt-get install chromium (CX_CHROMIUM overrides its path). The
// browser gets the flags of test/e2e/report.test.ts: headless, no sandbox, nothing in the
// background, a throwaway profile; the page itself fetches nothing (inline SVG, no scripts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'docs', 'notebooks', 'tour.png');
const CHROMIUM = process.env.CX_CHROMIUM || '/usr/bin/chromium';
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const SIZE = '1200,1600';

if (!existsSync(CHROMIUM)) {
  console.error(`screenshot-report: ${CHROMIUM} not found (Debian: apt-get install chromium)`);
  process.exit(1);
}
const dir = mkdtempSync(path.join(tmpdir(), 'cx-report-shot-'));
try {
  const html = path.join(dir, 'report.html');
  const demo = spawnSync(TSX, [path.join(ROOT, 'examples', 'demo.ts')], {
    cwd: ROOT,
    env: { ...process.env, DEMO_REPORT_HTML: html },
    encoding: 'utf8',
  });
  if (demo.status !== 0 || !existsSync(html)) {
    throw new Error(`the demo failed (${demo.status}): ${String(demo.stderr).slice(-2000)}`);
  }
  const shot = spawnSync(
    CHROMIUM,
    [
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
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--hide-scrollbars',
      `--window-size=${SIZE}`,
      `--screenshot=${OUT}`,
      pathToFileURL(html).href,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (shot.status !== 0 || !existsSync(OUT)) {
    throw new Error(`chromium --screenshot failed (${shot.status}): ${String(shot.stderr).slice(-2000)}`);
  }
  console.log(`screenshot-report: wrote ${path.relative(ROOT, OUT)} (${SIZE.replace(',', ' × ')})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
