// @ts-check
// `npm test`: typecheck, lint, format check, unit tests, build, e2e tests, in that order. Every step runs even when an
// earlier one failed (except e2e after a failed build), so one run shows everything that is wrong. The last line is
// `N passed, N failed`: unit and e2e tests added up, plus one failure for each check step that failed.
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
const built = run('build', ['npx', 'vite', 'build']);
if (!built) failedChecks.push('build');
const e2e = built ? runTests('e2e tests', 'e2e') : { passed: 0, failed: 1, note: 'e2e: not run, the build failed' };

const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + failedChecks.length;
const summary = `${passed} passed, ${failed} failed`;
console.log(`\n${unit.note}\n${e2e.note}`);
console.log(
  failedChecks.length
    ? `failed checks: ${failedChecks.join(', ')}`
    : 'checks: typecheck, lint, format and build passed',
);
console.log(summary);
writeFileSync(join(RESULTS, 'summary.txt'), `${summary}\n`);
process.exit(failed === 0 ? 0 : 1);
