// @ts-check
// Mozilla's addons-linter on the Firefox package (release/ridealong-firefox-<version>.zip, from `npm run package`),
// as addons.mozilla.org runs it on upload. Fails on any error, and on any warning that is not one of the explained
// ones below (the README's "Firefox" section says why each is right).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import linter from 'addons-linter';
import { PROJECT_ROOT } from './lib/extension-browser.mjs';

/** Warnings that are understood: code → which file they may come from, and why they are right. */
const EXPLAINED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^assets\/jsxRuntime-[\w-]+\.js$/,
    why: "Preact's own support for dangerouslySetInnerHTML, which Ridealong never uses (ESLint forbids it in src/).",
  },
];

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
  (/** @type {{ code: string, file?: string }} */ w) =>
    !EXPLAINED.some((known) => known.code === w.code && known.file.test(w.file ?? '')),
);
console.log(
  `addons-linter on ${zip}: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notices} notices`,
);
for (const error of errors) console.log(line(error));
for (const warning of warnings) console.log(`${line(warning)}${unexplained.includes(warning) ? '' : ' (explained)'}`);
process.exit(errors.length === 0 && unexplained.length === 0 ? 0 : 1);
