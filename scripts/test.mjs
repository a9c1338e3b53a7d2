// @ts-check
// `npm test`: typecheck, lint, format check, unit tests, the packages for Chrome and Firefox (which build dist/ and
// dist-firefox/), addons-linter on the Firefox package, the Chromium e2e tests and the Firefox smoke tests, in that
// order. Every step runs even when an earlier one failed (except the browser tests after a failed build), so one run
// shows everything that is wrong. The last line is `N passed, N failed`: unit, e2e and Firefox tests added up, plus
// one failure for each check step that failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './lib/extension-browser.mjs';

const RESULTS = join(PROJECT_ROOT, 'test-results');
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

/** @param {string} title @param {[string, ...string[]]} command */
function run(title, command) {
  console.log(`\n▶ ${title}: ${command.join(' ')}`);
  const [program, ...args] = command;
  const result = spawnSync(program, args, {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

/** @param {string} title @param {string} project */
function runTests(title, project) {
  const report = join(RESULTS, `${project}.json`);
  const ok = run(title, [
    'npx',
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) return { passed: 0, failed: 1, note: `${project}: no report (the runner crashed)` };
  const { numPassedTests, numFailedTests, numTotalTests } = JSON.parse(readFileSync(report, 'utf8'));
  // A suite that failed to load has no failed test but still failed: count it.
  const failed = numFailedTests + (ok || numFailedTests > 0 ? 0 : 1);
  return { passed: numPassedTests, failed, note: `${project}: ${numPassedTests} of ${numTotalTests} passed` };
}

/** @type {string[]} */
const failedChecks = [];
const check = (/** @type {string} */ title, /** @type {[string, ...string[]]} */ command) => {
  if (!run(title, command)) failedChecks.push(title);
};

check('typecheck', ['npx', 'tsc', '-p', '.']);
check('lint', ['npx', 'eslint', '.']);
check('format', ['npx', 'prettier', '--check', '.']);
const unit = runTests('unit tests', 'unit');
const built = run('package (builds dist/ and dist-firefox/)', ['node', 'scripts/package.mjs']);
if (built) check('addons-linter', ['node', 'scripts/lint-firefox.mjs']);
else failedChecks.push('package');
const notRun = (/** @type {string} */ project) => ({
  passed: 0,
  failed: 1,
  note: `${project}: not run, the build failed`,
});
const e2e = built ? runTests('e2e tests', 'e2e') : notRun('e2e');
const firefox = built ? runTests('Firefox smoke tests', 'firefox') : notRun('firefox');

const passed = unit.passed + e2e.passed + firefox.passed;
const failed = unit.failed + e2e.failed + firefox.failed + failedChecks.length;
const summary = `${passed} passed, ${failed} failed`;
console.log(`\n${unit.note}\n${e2e.note}\n${firefox.note}`);
console.log(
  failedChecks.length
    ? `failed checks: ${failedChecks.join(', ')}`
    : 'checks: typecheck, lint, format, package and addons-linter passed',
);
console.log(summary);
writeFileSync(join(RESULTS, 'summary.txt'), `${summary}\n`);
process.exit(failed === 0 ? 0 : 1);
