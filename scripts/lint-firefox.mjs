// @ts-check
// Mozilla's addons-linter on the Firefox package (release/ridealong-firefox-<version>.zip, from `npm run package`),
// as addons.mozilla.org runs it on upload. Fails on any error, and on any warning that is not one of the explained
// ones below (the README's "Firefox" section says why each is right).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import linter from 'addons-linter';
import { PROJECT_ROOT } from './lib/extension-browser.mjs';

/**
 * Warnings that are understood: the code, a test on the source the linter points at, and why it is right. Chunk
 * names change from build to build, so the code itself is checked, not the file's name.
 */
const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    /** Preact's own `dangerouslySetInnerHTML` support: `x.innerHTML = props.__html`. */
    source: /innerHTML\s*=\s*[\w$]+\.__html/,
    why: "Preact's own support for dangerouslySetInnerHTML, which Ridealong never uses (ESLint forbids it in src/).",
  },
];

/** The code around where the linter points, in the built Firefox folder the zip was made from. */
function sourceAt(/** @type {{ file?: string, line?: number, column?: number }} */ warning) {
  if (!warning.file || !warning.line) return '';
  const path = join(PROJECT_ROOT, 'dist-firefox', warning.file);
  if (!existsSync(path)) return '';
  const line = readFileSync(path, 'utf8').split('\n')[warning.line - 1] ?? '';
  const column = warning.column ?? 0;
  return line.slice(Math.max(0, column - 200), column + 200);
}

const version = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version;
const zip = join(PROJECT_ROOT, 'release', `ridealong-firefox-${version}.zip`);
if (!existsSync(zip)) {
  console.error(`No ${zip}: run "npm run package" first.`);
  process.exit(1);
}
const instance = linter.createInstance({
  config: { _: [zip], logLevel: 'fatal', stack: false, pretty: false, output: 'none', boring: true, selfHosted: false },
  runAsBinary: false,
});
const { summary, errors, warnings } = await instance.run();
/** @param {{ code: string, message: string, file?: string }} m */
const line = (m) => `  ${m.code} ${m.file ?? ''}: ${m.message}`;
const unexplained = warnings.filter(
  (/** @type {{ code: string, file?: string, line?: number, column?: number }} */ w) =>
    !EXPLAINED.some((known) => known.code === w.code && known.source.test(sourceAt(w))),
);
console.log(
  `addons-linter on ${zip}: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notices} notices`,
);
for (const error of errors) console.log(line(error));
for (const warning of warnings) console.log(`${line(warning)}${unexplained.includes(warning) ? '' : ' (explained)'}`);
process.exit(errors.length === 0 && unexplained.length === 0 ? 0 : 1);
