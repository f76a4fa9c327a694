#!/usr/bin/env node
// `npm test`: typecheck, lint, unit and integration tests (vitest), build, then end-to-end tests
// (Playwright). Every stage runs even when an earlier one failed, so one run shows everything that
// is broken. Ends with one line, `N passed, N failed, N skipped`, counted from the runners' own
// results; typecheck, lint and build count as one test each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(root, 'test-results');
const vitestJson = join(resultsDir, 'vitest.json');
const playwrightJson = join(resultsDir, 'playwright.json');
const bin = (name) => join(root, 'node_modules', '.bin', name);

rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(label, command, args) {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// The real agent CLIs the adapter tests run live in their own package; install them on first use.
if (!existsSync(join(root, 'test', 'agent-clis', 'node_modules', '.bin', 'claude'))) {
  console.log('\n▶ installing the pinned agent CLIs for the adapter tests (npm ci --prefix test/agent-clis)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  spawnSync(npm, ['ci', '--prefix', 'test/agent-clis', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}

check('typecheck: shared', bin('tsc'), ['-p', 'tsconfig.shared.json']);
check('typecheck: electron and tests', bin('tsc'), ['-p', 'tsconfig.node.json']);
check('typecheck: renderer', bin('tsc'), ['-p', 'tsconfig.web.json']);
check('lint', bin('eslint'), ['.']);

const vitestOk = run('unit and integration tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (vitest.numFailedTests > 0) failures.push(`vitest: ${vitest.numFailedTests} failed`);
}
if (!vitestOk && !(vitest?.numFailedTests > 0)) {
  totals.failed += 1;
  failures.push('vitest did not complete');
}

const built = run('build (electron-vite)', bin('electron-vite'), ['build', '--logLevel', 'warn']);
if (built) totals.passed += 1;
else {
  totals.failed += 1;
  failures.push('build');
}

if (built) {
  // Electron needs a display; a virtual one serves where there is none and xvfb-run exists.
  const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && existsSync('/usr/bin/xvfb-run');
  const [command, args] = needsDisplay
    ? ['/usr/bin/xvfb-run', ['-a', bin('playwright'), 'test']]
    : [bin('playwright'), ['test']];
  const e2eOk = run('end-to-end tests (Playwright)', command, args, { FIELDNOTES_PLAYWRIGHT_JSON: playwrightJson });
  const stats = readJson(playwrightJson)?.stats;
  if (stats) {
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
    if (stats.unexpected > 0) failures.push(`playwright: ${stats.unexpected} failed`);
    for (const title of flakyTests(readJson(playwrightJson))) console.log(`⚠ flaky (passed on its retry): ${title}`);
  }
  if (!e2eOk && !(stats?.unexpected > 0)) {
    totals.failed += 1;
    failures.push('playwright did not complete');
  }
}

/** The titles of the end-to-end tests that failed first and passed on their retry. */
function flakyTests(report) {
  const titles = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      if (spec.tests?.some((test) => test.status === 'flaky')) titles.push([...path, spec.title].join(' › '));
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report?.suites ?? []) walk(suite, [suite.title]);
  return titles;
}

console.log('');
if (failures.length > 0) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
